/**
 * Writes N generated records to a CSV, to time `setu link` end to end (streaming parse included):
 *   node --import tsx bench/linkage/write-csv.ts 1000000 /tmp/people.csv
 *   /usr/bin/time -v npx setu link /tmp/people.csv --id id --out /tmp/pairs.csv --map given_name=given,...
 */
import fs from 'node:fs';
import { generate, shuffleAndNumber } from './generate.ts';

const [count = '100000', file = 'people.csv'] = process.argv.slice(2);
const columns = [
  'id',
  'given',
  'family',
  'full',
  'father',
  'dob',
  'age',
  'age_at',
  'sex',
  'district',
  'address',
  'phone',
  'aadhaar',
] as const;
const cell = (v: string | number | null | undefined) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const out = fs.createWriteStream(file);
out.write(columns.join(',') + '\n');
for (const r of shuffleAndNumber(generate(Number(count), 7))) {
  const row = [
    r.id,
    r.givenName,
    r.familyName,
    r.fullName,
    r.fatherName,
    r.dob,
    r.age,
    r.ageAt,
    r.sex,
    r.district,
    r.address,
    r.phone,
    r.idNumber,
  ];
  out.write(row.map(cell).join(',') + '\n');
}
out.end();
