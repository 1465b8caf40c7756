/**
 * Plans the demo cases without touching the database: which unit registers each case, when, with which
 * people, route, law and lifecycle. Deterministic for a seed, so the data (and the linkage ground
 * truth) can be regenerated exactly.
 */
import type { CaseInput, PersonInput } from '../cases/schemas.ts';
import { CORRIDORS, type Corridor, type FormCode, type Place } from './case-corridors.ts';
import { formWeights, YEARS } from './case-mix.ts';
import { communitiesFor, NEAREST_AHTU, PLACE_AHTU } from './case-places.ts';
import { legalSections, lifecycle, Verdicts, type StatusStep } from './case-lifecycle.ts';
import { newPersonName, type NameBook, type PersonName, type Sex } from './case-names.ts';
import { buildPeople } from './case-plan-people.ts';
import { describeCase } from './case-text.ts';
import { AccusedPool, type AccusedRole, type Identity } from './case-people.ts';
import { addDays, daysBetween, quotas, Rng } from './rng.ts';

export interface PlaceInfo {
  name: string;
  stateLgd: number | null;
  districtLgd: number | null;
}

export interface PlanContext {
  /** Only places present in the reference tables. */
  places: Map<Place, PlaceInfo>;
  /** District LGD code → demo AHTU key, for the districts that have one. */
  ahtus: Map<number, string>;
  /** Demo AHTU key → its State. */
  ahtuState: Map<string, number>;
  sectionDays: Map<string, number>;
  book: NameBook;
  /** NCRB 2016 persons trafficked by purpose (the India row). */
  ncrb: Map<string, number>;
  today: string;
}

export interface PlannedPerson {
  input: PersonInput;
  identityKey: string;
}

export interface CasePlan {
  unitKey: string;
  stateLgd: number;
  /** Interceptions name the railway or border post; other cases are booked at the district's police station. */
  policeStationName: string | null;
  investigatingOfficerName: string;
  input: Omit<CaseInput, 'persons' | 'registeringUnitId' | 'policeStationUnitId'>;
  persons: PlannedPerson[];
  statuses: StatusStep[];
}

export type Setting = 'source' | 'transit' | 'destination';

/** The States with demo AHTUs: UP, Bihar, Jharkhand, West Bengal, Delhi, Maharashtra. */
export const DEMO_STATES = [9, 10, 20, 19, 7, 27];
const STATE_DEFAULT: Record<number, string> = {
  9: 'up-lucknow-ahtu',
  10: 'br-patna-ahtu',
  20: 'jh-ranchi-ahtu',
  19: 'wb-kolkata-ahtu',
  7: 'dl-new-delhi-ahtu',
  27: 'mh-mumbai-ahtu',
};

export interface Journey {
  corridor: Corridor;
  source: Place;
  stops: Place[];
  destination: Place;
}

interface Registration {
  setting: Setting;
  unitKey: string;
  stateLgd: number;
  /** For interceptions: how many transit stops the victims got through (the last one is where they were stopped). */
  stopsReached: number;
}

export class Planner {
  readonly rng: Rng;
  readonly pool = new AccusedPool();
  readonly verdicts = new Verdicts(0.18);
  private readonly usable: Corridor[];
  /** Victims who may be trafficked again later, by corridor. */
  private readonly victims = new Map<string, { identity: Identity; lastOn: string }[]>();

  constructor(
    readonly ctx: PlanContext,
    readonly seed: number,
  ) {
    this.rng = new Rng(seed);
    const known = (place: Place) => ctx.places.has(place);
    this.usable = CORRIDORS.map((c): Corridor => ({
      ...c,
      sources: c.sources.filter(known),
      via: c.via.map((leg) => leg.filter(known)),
      destinations: c.destinations === 'same' ? 'same' : c.destinations.filter(known),
    })).filter((c) => c.sources.length > 0 && (c.destinations === 'same' || c.destinations.length > 0));
  }

  /** Now and then a victim rescued earlier on the same corridor is trafficked again. */
  retrafficked(corridor: string, on: string, sex: Sex): Identity | null {
    if (!this.rng.chance(0.05)) return null;
    const earlier = (this.victims.get(corridor) ?? []).filter(
      (v) => v.identity.sex === sex && daysBetween(v.lastOn, on) > 240,
    );
    if (earlier.length === 0) return null;
    const victim = this.rng.pick(earlier);
    // Trafficked twice is the pattern worth showing; not a victim in every case.
    this.victims.set(
      corridor,
      (this.victims.get(corridor) ?? []).filter((v) => v !== victim),
    );
    return victim.identity;
  }

  rememberVictim(corridor: string, identity: Identity, on: string): void {
    this.victims.set(corridor, [...(this.victims.get(corridor) ?? []), { identity, lastOn: on }]);
  }

  /** Escorts are caught at interceptions and exploiters in raids; recruiters are traced later, or abscond. */
  arrestDate(
    setting: Setting,
    role: AccusedRole,
    registeredOn: string,
    rescue: string | null,
  ): string | null {
    const rng = this.rng;
    const cap = (date: string) => (date <= this.ctx.today ? date : null);
    if (role === 'recruiter') {
      if (setting === 'source') return rng.chance(0.7) ? cap(addDays(registeredOn, rng.int(1, 45))) : null;
      return rng.chance(0.5) ? cap(addDays(registeredOn, rng.int(3, 150))) : null;
    }
    if (setting === 'source') return rescue && rng.chance(0.55) ? rescue : null;
    return rng.chance(0.85) ? registeredOn : null;
  }

  /** A police officer of the registering State. */
  officerName(stateLgd: number): PersonName {
    const community = this.rng.weighted(communitiesFor('d:0', stateLgd));
    return newPersonName(this.rng, this.ctx.book, community, 'male', true);
  }

  ahtuFor(place: Place): string | null {
    const info = this.ctx.places.get(place);
    if (!info || info.stateLgd === null || !DEMO_STATES.includes(info.stateLgd)) return null;
    const byPlace = PLACE_AHTU[place];
    if (byPlace) return byPlace;
    const district = info.districtLgd;
    if (district !== null) {
      const own = this.ctx.ahtus.get(district) ?? NEAREST_AHTU.get(district);
      if (own && this.ctx.ahtuState.get(own) === info.stateLgd) return own;
    }
    return STATE_DEFAULT[info.stateLgd] ?? null;
  }

  journey(form: FormCode): Journey {
    const candidates = this.usable
      .map((c) => [c, c.forms[form] ?? 0] as const)
      .filter(([, weight]) => weight > 0);
    const corridor = this.rng.weighted(
      candidates.length > 0 ? candidates : this.usable.map((c) => [c, 1] as const),
    );
    const source = this.rng.pick(corridor.sources);
    const stops = this.rng.pick(corridor.via);
    if (corridor.destinations === 'same') return { corridor, source, stops, destination: source };
    // Not "intercepted at Ranchi on the way to Ranchi": the destination lies beyond every stop.
    const passed = new Set([source, ...stops].map((p) => this.ctx.places.get(p)?.districtLgd));
    const beyond = corridor.destinations.filter((d) => !passed.has(this.ctx.places.get(d)?.districtLgd));
    const destination = this.rng.pick(beyond.length > 0 ? beyond : corridor.destinations);
    return { corridor, source, stops, destination };
  }

  registrations(journey: Journey): (Registration & { weight: number })[] {
    const options: (Registration & { weight: number })[] = [];
    const add = (setting: Setting, place: Place, weight: number, stopsReached = 0) => {
      const unitKey = this.ahtuFor(place);
      const stateLgd = unitKey ? this.ctx.ahtuState.get(unitKey) : undefined;
      if (unitKey && stateLgd !== undefined)
        options.push({ setting, unitKey, stateLgd, stopsReached, weight });
    };
    add('source', journey.source, 0.45);
    journey.stops.forEach((stop, index) => add('transit', stop, 0.2 / journey.stops.length, index + 1));
    if (journey.destination !== journey.source) add('destination', journey.destination, 0.35);
    return options;
  }

  plan(form: FormCode, registeredOn: string, index: number): CasePlan {
    let journey = this.journey(form);
    let options = this.registrations(journey);
    for (let tries = 0; options.length === 0 && tries < 20; tries += 1) {
      journey = this.journey(form);
      options = this.registrations(journey);
    }
    const people = buildPeople(this, { journey, form, registeredOn, index, options });
    const registration = people.registration;
    const hasChild = people.hasChild;
    const crossBorder = journey.source.startsWith('c:');
    const forms = people.forms;
    const legal = legalSections(this.rng, { registeredOn, forms, hasChild, crossBorder });
    const days = Math.max(...legal.map((code) => this.ctx.sectionDays.get(code) ?? 60));
    const statuses = lifecycle(this.rng, this.verdicts, {
      registeredOn,
      firstArrest: people.firstArrest,
      chargeSheetDays: days,
      today: this.ctx.today,
    });
    const text = describeCase(this, { journey, registration, form, victims: people.victims, registeredOn });
    const year = registeredOn.slice(0, 4);
    const kind = people.kind;
    const firNumber = kind === 'fir' || this.rng.chance(0.7) ? `${this.rng.int(11, 520)}/${year}` : null;
    return {
      unitKey: registration.unitKey,
      stateLgd: registration.stateLgd,
      policeStationName: text.policeStation,
      investigatingOfficerName: people.officer,
      input: {
        kind,
        title: text.title,
        summary: text.summary,
        ...(firNumber ? { firNumber, firDate: registeredOn } : {}),
        registeredOn,
        exploitationForms: forms,
        legalSections: legal,
        route: people.route,
      },
      persons: people.persons,
      statuses,
    };
  }
}

/** Plans `count` cases for the seed, in registration order. */
export function planDemoCases(ctx: PlanContext, count: number, seed: number): CasePlan[] {
  const planner = new Planner(ctx, seed);
  const rng = planner.rng;
  const forms = rng.shuffle(quotas(formWeights(ctx.ncrb), count));
  const years = rng.shuffle(quotas(YEARS, count));
  const latest = addDays(ctx.today, -1);
  const dated = forms.map((form, i) => {
    const year = years[i] ?? 2025;
    const day = addDays(`${year}-01-01`, rng.int(0, 364));
    return { form, registeredOn: day > latest ? latest : day };
  });
  dated.sort((a, b) => a.registeredOn.localeCompare(b.registeredOn));
  return dated.map((d, index) => planner.plan(d.form, d.registeredOn, index));
}
