/**
 * Synthetic people for the demo cases. An identity is the person as they really are (name parts, birth
 * year, father, home, phone); a record is what one case wrote down about them, spelled the registering
 * State's way and with the estimated age of that day. Traffickers recur across cases and States; a few
 * victims are trafficked again. Every record carries the identity key, which is the linkage ground truth.
 */
import type { PersonInput } from '../cases/schemas.ts';
import {
  newPersonName,
  renderName,
  spellingFor,
  type Community,
  type NameBook,
  type PersonName,
  type Sex,
} from './case-names.ts';
import type { Place } from './case-corridors.ts';
import { addDays, daysBetween, type Rng } from './rng.ts';

export interface Identity {
  key: string;
  name: PersonName;
  community: Community;
  sex: Sex;
  birthDate: string;
  /** Whether records know the exact date of birth (school or Aadhaar record) or estimate the age. */
  birthDateKnown: boolean;
  homeDistrict: number | null;
  nationality: string;
  phone: string | null;
  alias: string | null;
  idDocument: { type: NonNullable<PersonInput['idDocumentType']>; number: string } | null;
}

const NICKNAMES = ['Chhotu', 'Pappu', 'Munna', 'Bablu', 'Guddu', 'Raju', 'Bhaiya', 'Sonu', 'Pintu', 'Kallu'];
const FEMALE_NICKNAMES = ['Didi', 'Aunty', 'Madam', 'Chhoti', 'Guddi', 'Munni'];

function digits(rng: Rng, count: number): string {
  return Array.from({ length: count }, () => String(rng.int(0, 9))).join('');
}

function phoneFor(rng: Rng, nationality: string): string {
  if (nationality === 'NP') return `+977 98${digits(rng, 8)}`;
  if (nationality === 'BD') return `+880 17${digits(rng, 8)}`;
  return `+91 ${rng.pick(['6', '7', '8', '9'])}${digits(rng, 4)} ${digits(rng, 5)}`;
}

export interface IdentitySpec {
  key: string;
  community: Community;
  sex: Sex;
  /** Age on `on`. */
  age: number;
  on: string;
  homeDistrict: number | null;
  nationality: string;
  trafficker: boolean;
}

export function newIdentity(rng: Rng, book: NameBook, spec: IdentitySpec): Identity {
  const birthDate = addDays(spec.on, -(spec.age * 365 + rng.int(0, 364)));
  const nickname =
    spec.trafficker && rng.chance(0.5)
      ? spec.sex === 'male'
        ? rng.pick(NICKNAMES)
        : rng.pick(FEMALE_NICKNAMES)
      : null;
  const name = newPersonName(rng, book, spec.community, spec.sex, spec.age >= 18);
  const idType =
    spec.nationality === 'NP'
      ? 'nepal_citizenship'
      : spec.nationality === 'BD'
        ? 'other'
        : spec.age < 18
          ? rng.pick(['school_certificate', 'birth_certificate', 'aadhaar'] as const)
          : rng.pick(['aadhaar', 'aadhaar', 'voter_id', 'ration_card'] as const);
  return {
    key: spec.key,
    name,
    community: spec.community,
    sex: spec.sex,
    birthDate,
    birthDateKnown: rng.chance(spec.age < 18 ? 0.35 : 0.2),
    homeDistrict: spec.homeDistrict,
    nationality: spec.nationality,
    phone: rng.chance(spec.trafficker ? 0.8 : 0.3) ? phoneFor(rng, spec.nationality) : null,
    alias: nickname ? `${nickname}${rng.chance(0.5) ? '' : ` ${name.given.latin[0] ?? ''}`}`.trim() : null,
    idDocument: rng.chance(spec.trafficker ? 0.5 : 0.3) ? { type: idType, number: digits(rng, 12) } : null,
  };
}

export function ageOn(identity: Identity, on: string): number {
  return Math.floor(daysBetween(identity.birthDate, on) / 365.25);
}

/** A record's person was a child on the day the case was registered. */
export function isChild(record: PersonInput, registeredOn: string): boolean {
  if (record.dateOfBirth) return daysBetween(record.dateOfBirth, registeredOn) < 18 * 365.25;
  return (record.ageYears ?? 18) < 18;
}

export interface RecordFacts {
  role: PersonInput['role'];
  registeredOn: string;
  stateLgd: number;
  extra?: Partial<PersonInput>;
}

/** What one case records about a person: the State's spelling, an estimated age, some details missing. */
export function recordOf(rng: Rng, identity: Identity, facts: RecordFacts): PersonInput {
  const spelling = spellingFor(rng, facts.stateLgd);
  const { name, father } = renderName(rng, identity.name, spelling);
  const trueAge = ageOn(identity, facts.registeredOn);
  // Estimates drift by a year or two between records; that is what matching must tolerate.
  const estimate = Math.max(0, trueAge + (rng.chance(0.35) ? rng.pick([-2, -1, 1, 1, 2]) : 0));
  const aliases: string[] = [];
  if (identity.alias && rng.chance(0.6)) aliases.push(identity.alias);
  if (spelling !== 'devanagari' && rng.chance(0.2))
    aliases.push(renderName(rng, identity.name, 'devanagari').name);
  const known = identity.birthDateKnown && rng.chance(0.7);
  return {
    role: facts.role,
    name,
    ...(aliases.length > 0 ? { aliases } : {}),
    sex: identity.sex,
    ...(known ? { dateOfBirth: identity.birthDate } : { ageYears: estimate }),
    ...(rng.chance(0.85) ? { fatherName: father } : {}),
    nationality: identity.nationality,
    ...(identity.homeDistrict !== null && rng.chance(0.85) ? { homeDistrictLgd: identity.homeDistrict } : {}),
    ...(identity.phone && rng.chance(0.7) ? { phones: [identity.phone] } : {}),
    ...(identity.idDocument && rng.chance(0.7)
      ? { idDocumentType: identity.idDocument.type, idNumber: identity.idDocument.number }
      : {}),
    ...facts.extra,
  };
}

export type AccusedRole = NonNullable<PersonInput['accusedRole']>;

/** A trafficker who works one corridor and turns up in several cases, often in different States. */
export interface NetworkMember {
  identity: Identity;
  corridor: string;
  role: AccusedRole;
  states: Set<number>;
  cases: number;
}

export class AccusedPool {
  private readonly members: NetworkMember[] = [];

  add(member: NetworkMember): void {
    this.members.push(member);
  }

  forCorridor(corridor: string, role: AccusedRole): NetworkMember[] {
    return this.members.filter((m) => m.corridor === corridor && m.role === role);
  }

  get size(): number {
    return this.members.length;
  }
}

/** The community and home of a person from a place on the route (a foreign country has no LGD district). */
export function homeOf(place: Place): { district: number | null; nationality: string } {
  if (place.startsWith('c:')) return { district: null, nationality: place.slice(2) };
  return { district: place.startsWith('d:') ? Number(place.slice(2)) : null, nationality: 'IN' };
}

/** Arrest, bail and custody as of today for an accused arrested on `arrestedOn` (or never). */
export function custodyFacts(
  rng: Rng,
  arrestedOn: string | null,
  absconding: boolean,
  today: string,
): Partial<PersonInput> {
  if (!arrestedOn || arrestedOn > today)
    return { arrestStatus: absconding ? 'absconding' : 'not_arrested', custodyStatus: 'none' };
  const status = rng.chance(0.06) ? 'surrendered' : 'arrested';
  const held = daysBetween(arrestedOn, today);
  if (held < 14)
    return { arrestStatus: status, arrestedOn, bailStatus: 'not_applied', custodyStatus: 'police' };
  const bail =
    held > 120
      ? rng.weighted([
          ['granted', 0.65],
          ['rejected', 0.25],
          ['not_applied', 0.1],
        ] as const)
      : rng.weighted([
          ['not_applied', 0.5],
          ['rejected', 0.4],
          ['granted', 0.1],
        ] as const);
  return {
    arrestStatus: status,
    arrestedOn,
    bailStatus: bail,
    custodyStatus: bail === 'granted' ? 'released' : 'judicial',
  };
}
