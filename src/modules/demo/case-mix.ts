/**
 * The mix the demo cases follow: NCRB 2016 persons trafficked by purpose, NCRB cases per year, and
 * who the victims of each form of exploitation typically are.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FormCode } from './case-corridors.ts';

const NCRB_FILE = path.join('ncrb', 'janaganana_2016', 'ncrb2016_trafficking_purpose_state.csv');
const NCRB_PURPOSES: Record<string, string> = {
  'Forced labour': 'forced_labour',
  'Sexual exploitation for prostitution': 'sexual_exploitation',
  'Domestic servitude': 'domestic_servitude',
  'Forced marriage': 'forced_marriage',
  'Petty crimes': 'petty_crimes',
  'Child pornography': 'child_pornography',
  Begging: 'begging',
  'Other reasons': 'other',
};

/** The India row of NCRB 2016 "persons trafficked by purpose", keyed like exploitation_forms.ncrb_purpose. */
export function readNcrbPurposes(referenceDir: string): Map<string, number> {
  const text = fs.readFileSync(path.join(referenceDir, NCRB_FILE), 'utf8');
  const shares = new Map<string, number>();
  for (const line of text.split('\n')) {
    const [level, , , motive = '', , total] = line.trim().split(',');
    const purpose = NCRB_PURPOSES[motive];
    if (level === 'country' && purpose) shares.set(purpose, Number(total));
  }
  if (shares.size !== Object.keys(NCRB_PURPOSES).length)
    throw new Error(`${NCRB_FILE}: expected the India row for every purpose of trafficking`);
  return shares;
}

/** NCRB purposes are coarser than Setu's forms: forced labour splits into forced, bonded and child labour. */
export function formWeights(ncrb: Map<string, number>): [FormCode, number][] {
  const n = (purpose: string) => ncrb.get(purpose) ?? 0;
  return [
    ['forced_labour', n('forced_labour') * 0.4],
    ['bonded_labour', n('forced_labour') * 0.3],
    ['child_labour', n('forced_labour') * 0.3],
    ['sexual_exploitation', n('sexual_exploitation')],
    ['domestic_servitude', n('domestic_servitude')],
    ['forced_marriage', n('forced_marriage')],
    ['other_illicit_activity', n('petty_crimes') * 0.75],
    ['drug_couriers', n('petty_crimes') * 0.25],
    ['child_sexual_abuse_material', n('child_pornography')],
    ['forced_begging', n('begging')],
    ['other', n('other')],
  ];
}

/** NCRB counted 2,278 (2018) to 2,250 (2022) cases a year; later years assumed level. */
export const YEARS: [number, number][] = [
  [2018, 2278],
  [2019, 2260],
  [2020, 1714],
  [2021, 2189],
  [2022, 2250],
  [2023, 2250],
  [2024, 2250],
  [2025, 2250],
];

export const CHILD_SHARE: Partial<Record<FormCode, number>> = {
  forced_labour: 0.25,
  bonded_labour: 0.2,
  child_labour: 1,
  sexual_exploitation: 0.35,
  child_sexual_abuse_material: 1,
  forced_marriage: 0.5,
  domestic_servitude: 0.6,
  forced_begging: 0.9,
  drug_couriers: 0.5,
  other_illicit_activity: 0.8,
};
export const FEMALE_SHARE: Partial<Record<FormCode, number>> = {
  forced_labour: 0.35,
  bonded_labour: 0.45,
  child_labour: 0.35,
  sexual_exploitation: 0.98,
  child_sexual_abuse_material: 0.7,
  forced_marriage: 1,
  domestic_servitude: 0.9,
  drug_couriers: 0.3,
  other_illicit_activity: 0.25,
};
export const GROUP_FORMS: FormCode[] = ['forced_labour', 'bonded_labour', 'child_labour'];
