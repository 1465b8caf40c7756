/** The people, dates and route of one planned demo case. */
import type { CaseKind } from '../cases/codes.ts';
import type { PersonInput, RouteEventInput } from '../cases/schemas.ts';
import type { FormCode, Place } from './case-corridors.ts';
import { CHILD_SHARE, FEMALE_SHARE, GROUP_FORMS } from './case-mix.ts';
import { communitiesFor } from './case-places.ts';
import { placeEvent } from './case-route.ts';
import { renderName, type Sex } from './case-names.ts';
import {
  custodyFacts,
  homeOf,
  isChild,
  newIdentity,
  recordOf,
  type AccusedRole,
  type Identity,
  type NetworkMember,
} from './case-people.ts';
import type { Journey, PlannedPerson, Planner, Setting } from './case-plan.ts';
import { addDays } from './rng.ts';

const SECOND_ROLE: Partial<Record<FormCode, AccusedRole[]>> = {
  sexual_exploitation: ['exploiter', 'harbourer', 'buyer', 'transporter'],
  forced_marriage: ['buyer', 'transporter'],
  child_sexual_abuse_material: ['exploiter'],
};
interface Registration {
  setting: Setting;
  unitKey: string;
  stateLgd: number;
  stopsReached: number;
  weight: number;
}

interface PeopleInput {
  journey: Journey;
  form: FormCode;
  registeredOn: string;
  index: number;
  options: Registration[];
}

export function buildPeople(planner: Planner, input: PeopleInput) {
  const { rng, ctx, pool } = planner;
  const { journey, form, registeredOn, index } = input;
  const today = ctx.today;
  const key = (slot: string) => `demo-${planner.seed}-${index}-${slot}`;
  const cap = (date: string | null) => (date && date <= today ? date : null);
  const stateOf = (place: Place) => ctx.places.get(place)?.stateLgd ?? null;

  // Recurring traffickers first, so the case can be booked in a State they have not been booked in yet.
  const accusedCount = rng.weighted([
    [1, 0.45],
    [2, 0.35],
    [3, 0.2],
  ] as const);
  const roles: AccusedRole[] = ['recruiter'];
  const second = SECOND_ROLE[form] ?? ['exploiter', 'transporter', 'harbourer'];
  while (roles.length < accusedCount) {
    const left = second.filter((r) => !roles.includes(r));
    roles.push(left.length > 0 ? rng.pick(left) : 'other');
  }
  const members = roles.map((role): NetworkMember | null => {
    // A trafficker turns up in a handful of cases, not dozens.
    const known = pool.forCorridor(journey.corridor.key, role).filter((m) => m.cases < 5);
    if (known.length > 0 && rng.chance(0.35)) return rng.pick(known);
    return null;
  });
  const seen = new Set(members.flatMap((m) => (m ? [...m.states] : [])));
  const registration = rng.weighted(
    input.options.map((o) => [o, o.weight * (seen.size > 0 && !seen.has(o.stateLgd) ? 4 : 1)] as const),
  );
  const { setting, stateLgd } = registration;
  const kind: CaseKind =
    setting === 'transit'
      ? 'interception'
      : setting === 'destination'
        ? rng.weighted([
            ['rescue_operation', 0.65],
            ['fir', 0.35],
          ] as const)
        : rng.weighted([
            ['fir', 0.6],
            ['missing_person_linked', 0.25],
            ['complaint', 0.15],
          ] as const);

  // When things happened, relative to registration.
  const recruited = addDays(
    registeredOn,
    -(setting === 'transit' ? rng.int(1, 6) : setting === 'destination' ? rng.int(30, 900) : rng.int(2, 60)),
  );
  const rescue =
    setting === 'source'
      ? rng.chance(0.7)
        ? cap(addDays(registeredOn, rng.int(5, 200)))
        : null
      : registeredOn;

  const used = new Set<string>();
  const persons: PlannedPerson[] = [];
  const add = (
    identity: Identity,
    extra: Partial<PersonInput>,
    role: PersonInput['role'],
  ): PersonInput | null => {
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const record = recordOf(rng, identity, { role, registeredOn, stateLgd, extra });
      if (used.has(record.name)) continue;
      used.add(record.name);
      persons.push({ input: record, identityKey: identity.key });
      return record;
    }
    return null;
  };

  // Victims.
  const source = homeOf(journey.source);
  const victimCount = GROUP_FORMS.includes(form)
    ? rng.weighted([
        [1, 0.2],
        [2, 0.25],
        [3, 0.25],
        [4, 0.15],
        [5, 0.15],
      ] as const)
    : form === 'forced_marriage'
      ? 1
      : rng.weighted([
          [1, 0.55],
          [2, 0.25],
          [3, 0.12],
          [4, 0.05],
          [5, 0.03],
        ] as const);
  const victims: PersonInput[] = [];
  for (let v = 0; v < victimCount; v += 1) {
    const child = rng.chance(CHILD_SHARE[form] ?? 0.3);
    const sex: Sex = rng.chance(FEMALE_SHARE[form] ?? 0.5) ? 'female' : 'male';
    const age = child
      ? form === 'forced_begging'
        ? rng.int(6, 14)
        : form === 'child_labour'
          ? rng.int(9, 16)
          : rng.int(12, 17)
      : rng.int(18, GROUP_FORMS.includes(form) ? 45 : 30);
    const again = planner.retrafficked(journey.corridor.key, registeredOn, sex);
    const identity =
      again ??
      newIdentity(rng, ctx.book, {
        key: key(`v${v}`),
        community: rng.weighted(communitiesFor(journey.source, stateOf(journey.source))),
        sex,
        age,
        on: registeredOn,
        homeDistrict: source.district,
        nationality: source.nationality,
        trafficker: false,
      });
    if (!again && rng.chance(0.1)) planner.rememberVictim(journey.corridor.key, identity, registeredOn);
    const record = add(identity, rescue ? { rescuedOn: rescue } : {}, 'victim');
    if (record) victims.push(record);
  }

  // Accused: recruiters come from the source, exploiters from the destination.
  const arrests: string[] = [];
  roles.forEach((role, slot) => {
    const fromSource = role === 'recruiter' || role === 'transporter';
    const place = fromSource ? journey.source : journey.destination;
    let member = members[slot] ?? null;
    if (member && persons.some((p) => p.identityKey === member?.identity.key)) member = null;
    let identity = member?.identity;
    if (!identity) {
      const home = homeOf(place);
      const border = journey.stops.find((s) => s.startsWith('b:'));
      const indianAgent = home.nationality !== 'IN' && rng.chance(0.4) && border;
      identity = newIdentity(rng, ctx.book, {
        key: key(`a${slot}`),
        community: rng.weighted(
          communitiesFor(indianAgent ? border : place, stateOf(indianAgent ? border : place)),
        ),
        sex: rng.chance(
          role === 'exploiter' && form === 'sexual_exploitation' ? 0.4 : role === 'recruiter' ? 0.25 : 0.1,
        )
          ? 'female'
          : 'male',
        age: rng.int(24, 52),
        on: registeredOn,
        homeDistrict: indianAgent ? (ctx.places.get(border)?.districtLgd ?? null) : home.district,
        nationality: indianAgent ? 'IN' : home.nationality,
        trafficker: true,
      });
      // Some newcomers go on working the corridor and turn up again.
      if (rng.chance(0.3)) {
        member = { identity, corridor: journey.corridor.key, role, states: new Set(), cases: 0 };
        pool.add(member);
      }
    }
    const arrestedOn = planner.arrestDate(setting, role, registeredOn, rescue);
    const absconding = !arrestedOn && rng.chance(0.6);
    const record = add(
      identity,
      { accusedRole: role, ...custodyFacts(rng, arrestedOn, absconding, today) },
      'accused',
    );
    if (record?.arrestedOn) arrests.push(record.arrestedOn);
    if (record && member) {
      member.states.add(stateLgd);
      member.cases += 1;
    }
  });

  // A parent who complained, or an NGO worker who took part in the rescue.
  const first = victims[0];
  if (
    (kind === 'complaint' || kind === 'missing_person_linked') &&
    first?.fatherName &&
    !used.has(first.fatherName) &&
    rng.chance(0.75)
  ) {
    used.add(first.fatherName);
    persons.push({
      input: {
        role: 'complainant',
        name: first.fatherName,
        sex: 'male',
        ageYears: (first.ageYears ?? 15) + rng.int(20, 30),
        ...(source.district ? { homeDistrictLgd: source.district } : {}),
      },
      identityKey: key('c'),
    });
  } else if (setting === 'destination' && rng.chance(0.25)) {
    const worker = newIdentity(rng, ctx.book, {
      key: key('r'),
      community: rng.weighted(communitiesFor(journey.destination, stateOf(journey.destination))),
      sex: rng.chance(0.6) ? 'female' : 'male',
      age: rng.int(26, 50),
      on: registeredOn,
      homeDistrict: homeOf(journey.destination).district,
      nationality: 'IN',
      trafficker: false,
    });
    add(worker, {}, 'rescuer');
  }

  // The route, from recruitment to where the victims were found.
  const route: RouteEventInput[] = [placeEvent(journey.source, 'recruitment', recruited, rng)];
  const reached = setting === 'transit' ? registration.stopsReached : journey.stops.length;
  journey.stops.slice(0, reached).forEach((stop, i) => {
    const intercepted = setting === 'transit' && i === reached - 1;
    const on = intercepted ? registeredOn : addDays(recruited, i + 1);
    route.push(
      placeEvent(stop, intercepted ? 'rescue' : 'transit', on > registeredOn ? registeredOn : on, rng),
    );
  });
  if (setting !== 'transit') {
    const exploited = addDays(recruited, reached + rng.int(1, 3));
    route.push(placeEvent(journey.destination, 'exploitation', cap(exploited), rng));
    if (rescue && rng.chance(0.6)) route.push(placeEvent(journey.destination, 'rescue', rescue, rng));
  }

  const hasChild = victims.some((v) => isChild(v, registeredOn));
  const forms: FormCode[] = [form];
  if (hasChild && ['forced_labour', 'domestic_servitude', 'bonded_labour'].includes(form) && rng.chance(0.6))
    forms.push('child_labour');
  if (form === 'forced_marriage' && rng.chance(0.25)) forms.push('domestic_servitude');
  if (form === 'sexual_exploitation' && rng.chance(0.05)) forms.push('forced_marriage');

  const officerName = renderName(rng, planner.officerName(stateLgd), 'usual').name;
  const officer = `${rng.pick(['SI', 'Inspector', 'Inspector', 'ASI', 'DSP'])} ${officerName}`;
  arrests.sort();
  return {
    registration,
    kind,
    victims,
    hasChild,
    persons,
    route,
    firstArrest: arrests[0] ?? null,
    forms,
    officer,
  };
}
