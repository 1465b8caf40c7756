/**
 * A generator of Indian person records with known truth (`entity`): one person appears in several
 * registers, in Devanagari or in one of several romanisations, with typos, dropped surnames, initials,
 * swapped name order, titles, "s/o" fathers, estimated ages that drift, other districts and phones.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { rng } from '../../src/linkage/train.ts';
import type { DistrictRow } from '../../src/linkage/places.ts';
import type { PersonInput } from '../../src/linkage/types.ts';
import { formatDate, pad, respell, typo } from './variants.ts';
import {
  loadGivenNames,
  MOHAMMAD,
  MOHAMMAD_HINDI,
  referenceDir,
  SURNAMES,
  type NameGroup,
  type Surname,
} from './names.ts';

export interface GeneratedRecord extends PersonInput {
  entity: number;
}

export function loadDistricts(): DistrictRow[] {
  const rows = parse<Record<string, string>>(
    fs.readFileSync(path.join(referenceDir(), 'lgd/2-district.csv'), 'utf8'),
    {
      columns: true,
    },
  );
  return rows.map((r) => ({
    districtCode: r['District Code'] ?? '',
    districtName: r['District Name'] ?? '',
    stateCode: r['State Code'] ?? '',
    stateName: r['State Name'] ?? '',
  }));
}

interface Person {
  given: NameGroup;
  family: Surname;
  mohammad: boolean;
  sex: 'm' | 'f';
  dob: Date;
  father: NameGroup;
  home: DistrictRow;
  phone: string | null;
  aadhaar: string | null;
  village: string;
}

type Random = () => number;

function weighted<T>(items: readonly T[], weight: (t: T) => number, random: Random): () => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) cumulative.push((total += weight(item)));
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo] as T;
  };
}

const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)] as T;

export interface GenerateOptions {
  /** Share of records written in Devanagari (default 0.35). */
  devanagari?: number;
  /**
   * Scales every error and omission (typos, dropped surnames, initials, swaps, missing fathers, ages for
   * dates, moves between districts, changed phones): 1 is the hard default, 0.5 a moderate register.
   */
  noise?: number;
}

export function generate(count: number, seed = 42, options: GenerateOptions = {}): GeneratedRecord[] {
  const random = rng(seed);
  const groups = loadGivenNames();
  const districts = loadDistricts();
  // A Zipf-like law over a shuffled name list: the commonest name is about 0.5% of people.
  const ranked = [...groups].sort(() => random() - 0.5);
  const rank = new Map(ranked.map((g, i) => [g, i]));
  const zipf = (g: NameGroup) => 1 / Math.pow((rank.get(g) ?? 0) + 30, 0.9);
  const women = weighted(
    groups.filter((g) => g.female),
    zipf,
    random,
  );
  const men = weighted(
    groups.filter((g) => !g.female),
    zipf,
    random,
  );
  const surnameFor = (sex: 'm' | 'f') =>
    weighted(
      SURNAMES.filter((s) => !s.sex || s.sex === sex),
      (s) => s.weight,
      random,
    );
  const surnames = { m: surnameFor('m'), f: surnameFor('f') };
  const devanagariShare = options.devanagari ?? 0.35;

  const records: GeneratedRecord[] = [];
  let entity = 0;
  while (records.length < count) {
    entity++;
    const sex = random() < 0.55 ? 'f' : 'm';
    const year = random() < 0.6 ? 1996 + Math.floor(random() * 20) : 1960 + Math.floor(random() * 36);
    const family = surnames[sex]();
    const person: Person = {
      given: sex === 'f' ? women() : men(),
      family,
      mohammad: sex === 'm' && family.muslim === true && random() < 0.5,
      sex,
      dob: new Date(Date.UTC(year, Math.floor(random() * 12), 1 + Math.floor(random() * 28))),
      father: men(),
      home: pick(districts, random),
      phone:
        random() < 0.7
          ? String(6 + Math.floor(random() * 4)) + String(Math.floor(random() * 1e9)).padStart(9, '0')
          : null,
      aadhaar:
        random() < 0.25
          ? String(2 + Math.floor(random() * 8)) + String(Math.floor(random() * 1e11)).padStart(11, '0')
          : null,
      village: pick(groups, random).latin[0] ?? 'Rampur',
    };
    const r = random();
    const copies = r < 0.55 ? 1 : r < 0.8 ? 2 : r < 0.92 ? 3 : 4;
    for (let c = 0; c < copies && records.length < count; c++)
      records.push(render(person, entity, random, districts, devanagariShare, options.noise ?? 1));
  }
  return records;
}

function render(
  p: Person,
  entity: number,
  random: Random,
  districts: DistrictRow[],
  devanagari: number,
  k: number,
): GeneratedRecord {
  const hindi = random() < devanagari;
  const latinName = (g: NameGroup) => {
    let s = pick(g.latin, random);
    if (random() < 0.3 * k) s = respell(s, random);
    if (random() < 0.08 * k) s = typo(s, random);
    return s;
  };
  let given = hindi ? p.given.hindi : latinName(p.given);
  if (p.mohammad && random() < 0.8) given = `${hindi ? MOHAMMAD_HINDI : pick(MOHAMMAD, random)} ${given}`;
  let family: string = hindi ? p.family.hindi : pick(p.family.latin, random);
  if (!hindi && random() < 0.05 * k) family = typo(family, random);
  if (!hindi && random() < 0.06 * k) given = `${given[0] ?? ''}.`;
  if (random() < 0.12 * k) family = '';
  if (random() < 0.05 * k) [given, family] = [family || given, family ? given : ''];
  const caseStyle = random();
  const styled = (s: string) =>
    hindi ? s : caseStyle < 0.3 ? s.toUpperCase() : caseStyle < 0.4 ? s.toLowerCase() : s;
  const fatherName =
    random() < 1 - 0.3 * k
      ? (hindi ? p.father.hindi : latinName(p.father)) +
        (!p.family.sex && random() < 0.5 ? ` ${hindi ? p.family.hindi : (p.family.latin[0] ?? '')}` : '')
      : null;

  const record: GeneratedRecord = {
    id: '',
    entity,
    sex:
      random() < 0.04 * k
        ? null
        : random() < 0.005 * k
          ? p.sex === 'm'
            ? 'F'
            : 'M'
          : p.sex === 'm'
            ? 'M'
            : 'F',
  };
  if (random() < 0.3) {
    const title =
      random() < 0.15
        ? (p.sex === 'f'
            ? pick(['Smt.', 'Km.', 'Kumari', 'श्रीमती'], random)
            : pick(['Shri', 'Sri', 'श्री'], random)) + ' '
        : '';
    const relation = fatherName && random() < 0.3 ? ` ${p.sex === 'm' ? 's/o' : 'd/o'} ${fatherName}` : '';
    record.fullName = styled(`${title}${given} ${family}`.trim() + relation);
    if (!relation && fatherName) record.fatherName = styled(fatherName);
  } else {
    record.givenName = styled(given);
    record.familyName = styled(family);
    if (fatherName) record.fatherName = styled(fatherName);
  }

  const seen = new Date(
    Date.UTC(2015 + Math.floor(random() * 10), Math.floor(random() * 12), 1 + Math.floor(random() * 28)),
  );
  const trueAge = (seen.getTime() - p.dob.getTime()) / (365.25 * 86_400_000);
  const d = random();
  if (d < 1 - 0.45 * k) {
    let dob = p.dob;
    const t = random();
    if (t < 0.05 * k) dob = new Date(Date.UTC(dob.getUTCFullYear(), 0, 1));
    else if (t < 0.09 * k && dob.getUTCDate() <= 12)
      dob = new Date(Date.UTC(dob.getUTCFullYear(), dob.getUTCDate() - 1, dob.getUTCMonth() + 1));
    else if (t < 0.13 * k) dob = new Date(dob.getTime() + (random() < 0.5 ? 1 : 10) * 86_400_000);
    record.dob = formatDate(dob, random);
  } else if (d < 1 - 0.1 * k && trueAge > 0) {
    // Estimated ages drift more for adults than for children.
    const drift = (random() + random() + random() - 1.5) * (0.8 + 0.08 * trueAge);
    record.age = String(Math.max(0, Math.round(trueAge + drift)));
    record.ageAt = `${seen.getUTCFullYear()}-${pad(seen.getUTCMonth() + 1)}-${pad(seen.getUTCDate())}`;
  }

  const moved = random() < 0.45 * k;
  const district = moved
    ? random() < 0.5
      ? pick(
          districts.filter((x) => x.stateCode === p.home.stateCode),
          random,
        )
      : pick(districts, random)
    : p.home;
  record.district = random() < 0.75 ? district.districtCode : district.districtName;
  if (random() < 0.5)
    record.address = `Vill. ${p.village}, P.O. ${p.village}, Dist. ${district.districtName}`;
  // A phone is written in six records of ten; one in five of those is a new or a relative's number.
  if (p.phone && random() < 0.6) {
    const phone =
      random() < 1 - 0.2 * k
        ? p.phone
        : String(6 + Math.floor(random() * 4)) + String(Math.floor(random() * 1e9)).padStart(9, '0');
    record.phone = random() < 0.5 ? `+91 ${phone}` : random() < 0.5 ? `0${phone}` : phone;
  }
  if (p.aadhaar && random() < 0.5)
    record.idNumber =
      random() < 0.4 ? `XXXX-XXXX-${p.aadhaar.slice(-4)}` : p.aadhaar.replace(/(\d{4})(?=\d)/g, '$1 ');
  return record;
}

/** Gives records ids in a shuffled order, so duplicates are not neighbours. */
export function shuffleAndNumber(records: GeneratedRecord[], seed = 9): GeneratedRecord[] {
  const random = rng(seed);
  for (let i = records.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [records[i], records[j]] = [records[j] as GeneratedRecord, records[i] as GeneratedRecord];
  }
  records.forEach((r, i) => (r.id = `r${i + 1}`));
  return records;
}
