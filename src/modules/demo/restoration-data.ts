/**
 * Synthetic missing-person reports and found persons with known true pairs, for the demo and for
 * bench/restoration. Pure and deterministic (one seed, one data set). Children go missing from source
 * districts (Jharkhand, Bihar, West Bengal, Uttar Pradesh) and some are found months later in destination
 * districts (Delhi, Mumbai, Kolkata, Patna), recorded by another State's clerk: another spelling or script,
 * a dropped surname, no father's name, an age estimated by eye, sometimes no name at all. The hard cases
 * are built in on purpose: siblings (same father and village, another child), and namesakes of the other sex.
 */
import {
  loadNameBook,
  newPersonName,
  renderName,
  spellingFor,
  type Community,
  type NameBook,
  type PersonName,
  type Sex,
} from './case-names.ts';
import { addDays, Rng } from './rng.ts';

export interface DemoTracingRecord {
  key: string;
  /** The true person; a missing report and a found person with the same entity are one person. */
  entity: number;
  unitKey: string;
  name: string | null;
  fatherName: string | null;
  motherName: string | null;
  address: string | null;
  sex: 'female' | 'male';
  ageYears: number;
  language: string;
  on: string;
  districtLgd: number;
  stateLgd: number;
}

export interface DemoMissing extends DemoTracingRecord {
  reportedOn: string;
  circumstances: string;
}

export interface DemoFound extends DemoTracingRecord {
  foundKind: 'rescued' | 'intercepted' | 'unidentified';
  placementKey: string | null;
  cwcKey: string | null;
  foundPlace: string;
}

export interface DemoTracingSet {
  missing: DemoMissing[];
  found: DemoFound[];
  /** Pairs (missing key, found key) that are one person. */
  truth: [string, string][];
}

interface Source {
  unitKey: string;
  state: number;
  district: number;
  communities: [Community, number][];
  villages: string[];
}

const SOURCES: Source[] = [
  {
    unitKey: 'jh-ranchi-ahtu',
    state: 20,
    district: 339,
    communities: [
      ['tribal', 0.7],
      ['hindi', 0.3],
    ],
    villages: ['Karra', 'Bero', 'Mandar', 'Tamar', 'Bundu'],
  },
  {
    unitKey: 'jh-gumla-ahtu',
    state: 20,
    district: 331,
    communities: [
      ['tribal', 0.85],
      ['hindi', 0.15],
    ],
    villages: ['Sisai', 'Palkot', 'Raidih', 'Chainpur'],
  },
  {
    unitKey: 'jh-sahebganj-ahtu',
    state: 20,
    district: 340,
    communities: [
      ['tribal', 0.5],
      ['muslim', 0.3],
      ['hindi', 0.2],
    ],
    villages: ['Borio', 'Taljhari', 'Barhait'],
  },
  {
    unitKey: 'jh-dumka-ahtu',
    state: 20,
    district: 326,
    communities: [
      ['tribal', 0.7],
      ['hindi', 0.3],
    ],
    villages: ['Shikaripara', 'Masalia', 'Jama'],
  },
  {
    unitKey: 'br-araria-ahtu',
    state: 10,
    district: 188,
    communities: [
      ['hindi', 0.6],
      ['muslim', 0.4],
    ],
    villages: ['Jokihat', 'Palasi', 'Raniganj'],
  },
  {
    unitKey: 'br-purbi-champaran-ahtu',
    state: 10,
    district: 213,
    communities: [
      ['hindi', 0.8],
      ['muslim', 0.2],
    ],
    villages: ['Raxaul', 'Adapur', 'Dhaka', 'Ghorasahan'],
  },
  {
    unitKey: 'br-gaya-ahtu',
    state: 10,
    district: 196,
    communities: [['hindi', 1]],
    villages: ['Bodh Gaya', 'Sherghati', 'Imamganj'],
  },
  {
    unitKey: 'wb-24pgs-south-ahtu',
    state: 19,
    district: 304,
    communities: [
      ['bengali', 0.6],
      ['muslim', 0.4],
    ],
    villages: ['Canning', 'Basanti', 'Gosaba', 'Kultali'],
  },
  {
    unitKey: 'wb-murshidabad-ahtu',
    state: 19,
    district: 319,
    communities: [
      ['muslim', 0.6],
      ['bengali', 0.4],
    ],
    villages: ['Domkal', 'Jalangi', 'Raninagar'],
  },
  {
    unitKey: 'up-bahraich-ahtu',
    state: 9,
    district: 125,
    communities: [
      ['hindi', 0.7],
      ['muslim', 0.3],
    ],
    villages: ['Nanpara', 'Mihinpurwa', 'Kaiserganj'],
  },
];

interface Destination {
  unitKey: string;
  state: number;
  district: number;
  placement: string | null;
  cwc: string | null;
  places: string[];
  weight: number;
}

const DESTINATIONS: Destination[] = [
  {
    unitKey: 'dl-north-west-ahtu',
    state: 7,
    district: 82,
    placement: 'cci-delhi',
    cwc: 'cwc-delhi',
    places: ['Placement agency, Shakurpur', 'Factory, Narela'],
    weight: 0.25,
  },
  {
    unitKey: 'dl-new-delhi-ahtu',
    state: 7,
    district: 79,
    placement: 'cci-delhi',
    cwc: 'cwc-delhi',
    places: ['New Delhi railway station', 'Paharganj hotel'],
    weight: 0.2,
  },
  {
    unitKey: 'mh-mumbai-ahtu',
    state: 27,
    district: 482,
    placement: 'cci-mumbai',
    cwc: null,
    places: ['Zari unit, Madanpura', 'Kamathipura'],
    weight: 0.2,
  },
  {
    unitKey: 'wb-kolkata-ahtu',
    state: 19,
    district: 315,
    placement: null,
    cwc: null,
    places: ['Howrah station', 'Sonagachi'],
    weight: 0.15,
  },
  {
    unitKey: 'br-patna-ahtu',
    state: 10,
    district: 212,
    placement: null,
    cwc: null,
    places: ['Patna Junction', 'Brick kiln, Bihta'],
    weight: 0.1,
  },
  {
    unitKey: 'up-lucknow-ahtu',
    state: 9,
    district: 162,
    placement: null,
    cwc: null,
    places: ['Charbagh station', 'Dhaba, Kanpur road'],
    weight: 0.1,
  },
];

const LANGUAGE: Record<Community, string> = {
  hindi: 'hi',
  tribal: 'hi',
  bengali: 'bn',
  muslim: 'hi',
  bangladeshi: 'bn',
  nepali: 'ne',
  pahari: 'hi',
  marathi: 'mr',
  punjabi: 'pa',
};

interface Child {
  entity: number;
  name: PersonName;
  sex: Sex;
  community: Community;
  source: Source;
  village: string;
  mother: string;
  age: number;
  lastSeen: string;
}

const LAST_DAY = '2026-11-30';

const CIRCUMSTANCES = [
  'Left home for school and did not return.',
  'Went with a woman from the next village who promised work in the city.',
  'Last seen at the railway station with an unknown man.',
  'Left after a quarrel at home; a placement agent had visited the village.',
  'Went to the weekly market and did not come back.',
];

export function generateTracing(referenceDir: string, missingCount: number, seed = 2026): DemoTracingSet {
  const rng = new Rng(seed);
  const book = loadNameBook(referenceDir);
  const missing: DemoMissing[] = [];
  const found: DemoFound[] = [];
  const truth: [string, string][] = [];
  const destination = () => rng.weighted(DESTINATIONS.map((d) => [d, d.weight] as const));
  let entity = 0;

  const newChild = (source: Source, base?: Child): Child => {
    entity += 1;
    const community = base?.community ?? rng.weighted(source.communities);
    const sex: Sex = rng.chance(0.65) ? 'female' : 'male';
    const name = newPersonName(rng, book, community, sex, false);
    if (base) {
      // A sibling: same father and family, same village, another child.
      name.fatherGiven = base.name.fatherGiven;
      name.fatherSurname = base.name.fatherSurname;
      if (
        name.surname !== base.name.surname &&
        !['Kumari', 'Devi', 'Khatun', 'Bibi', 'Begum', 'Akter', 'Kaur', 'Bano'].includes(
          name.surname.latin[0] ?? '',
        )
      )
        name.surname = base.name.surname;
    }
    return {
      entity,
      name,
      sex,
      community,
      source,
      village: base?.village ?? rng.pick(source.villages),
      mother: base?.mother ?? spellMother(rng, book, community),
      age: rng.chance(0.15) ? rng.int(18, 26) : rng.int(8, 17),
      lastSeen: addDays('2024-06-01', rng.int(0, 860)),
    };
  };

  const missingOf = (c: Child): DemoMissing => {
    const spelling = spellingFor(rng, c.source.state);
    const rendered = renderName(rng, c.name, spelling);
    const key = `M${missing.length + 1}`;
    const record: DemoMissing = {
      key,
      entity: c.entity,
      unitKey: c.source.unitKey,
      name: rendered.name,
      fatherName: rendered.father,
      motherName: rng.chance(0.6) ? c.mother : null,
      address: `Village ${c.village}`,
      sex: c.sex,
      ageYears: c.age,
      language: LANGUAGE[c.community],
      on: c.lastSeen,
      districtLgd: c.source.district,
      stateLgd: c.source.state,
      reportedOn: addDays(c.lastSeen, rng.int(0, 6)),
      circumstances: rng.pick(CIRCUMSTANCES),
    };
    missing.push(record);
    return record;
  };

  const foundOf = (c: Child, when: string): DemoFound => {
    // Nobody is found after the demo's last day.
    const on = when > LAST_DAY ? LAST_DAY : when;
    const d = destination();
    const spelling = spellingFor(rng, d.state);
    const rendered = renderName(rng, c.name, spelling);
    const unidentified = rng.chance(0.06);
    const given = rendered.name.split(' ');
    // A frightened child often gives the first name only, and sometimes no father's name.
    const name = unidentified
      ? null
      : rng.chance(0.25)
        ? given.slice(0, given.length > 2 ? 2 : 1).join(' ') || rendered.name
        : rendered.name;
    const years = Math.max(0, (Date.parse(on) - Date.parse(c.lastSeen)) / (365.25 * 86_400_000));
    const age = Math.max(
      5,
      Math.round(c.age + years + rng.int(-1, 1) + (rng.chance(0.1) ? rng.int(-2, 2) : 0)),
    );
    const child = age < 18;
    const record: DemoFound = {
      key: `F${found.length + 1}`,
      entity: c.entity,
      unitKey: d.unitKey,
      name,
      fatherName:
        unidentified || rng.chance(0.35)
          ? null
          : (rendered.father.split(' ')[0] ?? '') +
            (rng.chance(0.5) ? ` ${rendered.father.split(' ').slice(1).join(' ')}` : ''),
      motherName: null,
      address: !unidentified && rng.chance(0.5) ? c.village : null,
      // One record in two hundred has the sex written wrong: the price of never matching across sexes.
      sex: rng.chance(0.005) ? (c.sex === 'female' ? 'male' : 'female') : c.sex,
      ageYears: age,
      language: rng.chance(0.92) ? LANGUAGE[c.community] : 'hi',
      on,
      districtLgd: d.district,
      stateLgd: d.state,
      foundKind: unidentified ? 'unidentified' : rng.chance(0.7) ? 'rescued' : 'intercepted',
      placementKey: child ? d.placement : null,
      cwcKey: child ? d.cwc : null,
      foundPlace: rng.pick(d.places),
    };
    found.push(record);
    return record;
  };

  for (let i = 0; i < missingCount; i += 1) {
    const source = rng.pick(SOURCES);
    const child = newChild(source);
    const m = missingOf(child);
    // About two in five missing children turn up somewhere else.
    if (rng.chance(0.4)) {
      const f = foundOf(child, addDays(child.lastSeen, rng.int(3, 420)));
      truth.push([m.key, f.key]);
    }
    // Hard negatives: a sibling found elsewhere (never reported), or a namesake of the other sex.
    if (rng.chance(0.12)) foundOf(newChild(source, child), addDays(child.lastSeen, rng.int(-200, 300)));
    if (rng.chance(0.08)) {
      const twin = newChild(source, child);
      twin.sex = child.sex === 'female' ? 'male' : 'female';
      twin.name = { ...child.name };
      twin.age = child.age;
      foundOf(twin, addDays(child.lastSeen, rng.int(10, 200)));
    }
    // Found persons who were never reported missing.
    if (rng.chance(0.35)) foundOf(newChild(rng.pick(SOURCES)), addDays('2024-06-01', rng.int(0, 900)));
  }
  return { missing, found, truth };
}

function spellMother(rng: Rng, book: NameBook, community: Community): string {
  const given = rng.pick(book.given(community, 'female'));
  return rng.chance(0.4) ? given.hi : (given.latin[0] ?? given.hi);
}
