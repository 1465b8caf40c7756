/**
 * `setu link` on CSV files it has never seen: Devanagari and Latin spellings of the same people among
 * two hundred strangers, a link of two files, and the exit status 2 with a helpful message for a
 * missing column or a bad mapping.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SETU = path.resolve('bin/setu.js');

async function setu(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [SETU, ...args], { maxBuffer: 10 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const GIVEN = [
  'Aarav',
  'Vivaan',
  'Aditya',
  'Ishaan',
  'Kabir',
  'Anaya',
  'Diya',
  'Pari',
  'Myra',
  'Sara',
  'Riya',
  'Neha',
  'Pooja',
  'Kiran',
  'Ravi',
  'Arjun',
  'Meera',
  'Tara',
  'Nisha',
  'Gopal',
];
const FAMILY = [
  'Sharma',
  'Verma',
  'Yadav',
  'Gupta',
  'Mishra',
  'Patel',
  'Das',
  'Mandal',
  'Paswan',
  'Mahto',
  'Tiwari',
  'Pandey',
];

/** People who appear twice, once in Devanagari or another spelling: [id, given, family, father, dob, sex, district, phone]. */
const TWINS = [
  ['s1', 'Mohammad Saleem', 'Shaikh', 'Abdul Rahim', '05/03/1994', 'M', 'Patna', '+91 98765 43210'],
  ['s2', 'मोहम्मद सलीम', 'शेख', 'अब्दुल रहीम', '1994-03-05', 'M', 'पटना', '9876543210'],
  ['k1', 'Sunita', 'Kumari', 'Ramesh Paswan', '12-08-2006', 'F', 'Gaya', ''],
  ['k2', 'सुनीता', 'कुमारी', 'रमेश पासवान', '12.08.2006', 'F', 'Gaya', ''],
  ['g1', 'Gurpreet', 'Singh', 'Harjeet Singh', '1 Jan 1999', 'M', 'Amritsar', '9988776655'],
  ['g2', 'Gurpreet', 'Sing', 'Harjit Singh', '1999-01-01', 'M', 'Ludhiana', '09988776655'],
];

function csv(rows: string[][]): string {
  return (
    rows
      .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(','))
      .join('\n') + '\n'
  );
}

function strangers(count: number, prefix: string): string[][] {
  let seed = 11;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  return Array.from({ length: count }, (_v, i) => [
    `${prefix}${i}`,
    GIVEN[next(GIVEN.length)] ?? '',
    FAMILY[next(FAMILY.length)] ?? '',
    `${GIVEN[next(GIVEN.length)] ?? ''} ${FAMILY[next(FAMILY.length)] ?? ''}`,
    `${1960 + next(50)}-${String(1 + next(12)).padStart(2, '0')}-${String(1 + next(28)).padStart(2, '0')}`,
    next(2) ? 'M' : 'F',
    ['Patna', 'Gaya', 'Ranchi', 'Kolkata', 'Varanasi'][next(5)] ?? '',
    next(3) ? '' : `9${String(next(1e9)).padStart(9, '0')}`,
  ]);
}

const HEADER = [
  'Record No',
  'First Name',
  'Surname',
  'Father',
  'Date of Birth',
  'Gender',
  'District',
  'Mobile',
];
const MAP =
  'given_name=First Name,family_name=Surname,father_name=Father,dob=Date of Birth,sex=Gender,district=District,phone=Mobile';

function readPairs(file: string): { header: string; pairs: Map<string, { p: number; tier: string }> } {
  const [header = '', ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  const pairs = new Map<string, { p: number; tier: string }>();
  for (const line of lines) {
    const [l = '', r = '', p = '', tier = ''] = line.split(',');
    pairs.set([l, r].sort().join('|'), { p: Number(p), tier });
  }
  return { header, pairs };
}

describe('setu link', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setu-link-'));
    fs.writeFileSync(path.join(dir, 'people.csv'), csv([HEADER, ...TWINS, ...strangers(200, 'x')]));
    fs.writeFileSync(
      path.join(dir, 'left.csv'),
      csv([HEADER, ...TWINS.filter((_t, i) => i % 2 === 0), ...strangers(100, 'l')]),
    );
    fs.writeFileSync(
      path.join(dir, 'right.csv'),
      csv([
        ['Case Ref', ...HEADER.slice(1)],
        ...TWINS.filter((_t, i) => i % 2 === 1),
        ...strangers(100, 'r').slice(50),
      ]),
    );
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('de-duplicates one file across Devanagari and Latin spellings', async () => {
    const out = path.join(dir, 'out.csv');
    const result = await setu([
      'link',
      path.join(dir, 'people.csv'),
      '--id',
      'Record No',
      '--map',
      MAP,
      '--out',
      out,
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /206 records/);
    const { header, pairs } = readPairs(out);
    assert.equal(header, 'left_id,right_id,match_probability,tier');
    for (const [a, b] of [
      ['s1', 's2'],
      ['k1', 'k2'],
      ['g1', 'g2'],
    ]) {
      const pair = pairs.get([a, b].sort().join('|'));
      assert.ok(pair, `${a}-${b} not found in ${[...pairs.keys()].join(' ')}`);
      assert.ok(pair.p >= 0.5 && ['auto_link', 'review'].includes(pair.tier));
    }
    assert.equal(pairs.get('s1|s2')?.tier, 'auto_link');
    assert.ok(!pairs.has('k1|s1'));
    for (const { tier } of pairs.values()) assert.ok(tier === 'auto_link' || tier === 'review');
  });

  test('links two files with differently named id columns', async () => {
    const out = path.join(dir, 'linked.csv');
    const result = await setu([
      'link',
      path.join(dir, 'left.csv'),
      path.join(dir, 'right.csv'),
      '--id',
      'Record No',
      '--right-id',
      'Case Ref',
      '--map',
      MAP,
      '--out',
      out,
      '--auto-link',
      '0.95',
      '--review',
      '0.6',
    ]);
    assert.equal(result.code, 0, result.stderr);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n').slice(1);
    const sides = lines.map((l) => l.split(',').slice(0, 2).join('-'));
    for (const expected of ['s1-s2', 'k1-k2', 'g1-g2'])
      assert.ok(sides.includes(expected), `${expected} missing: ${sides.join(' ')}`);
    for (const s of sides) assert.ok(!s.startsWith('r') && !/-l/.test(s), `left ids first: ${s}`);
  });

  test('a missing column exits with status 2, naming it and listing the columns', async () => {
    const result = await setu([
      'link',
      path.join(dir, 'people.csv'),
      '--id',
      'Record No',
      '--map',
      'given_name=First Name,dob=DOB',
      '--out',
      path.join(dir, 'x.csv'),
    ]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no column "DOB" \(for dob\)/);
    assert.match(result.stderr, /"Record No", "First Name", "Surname"/);
    assert.ok(!fs.existsSync(path.join(dir, 'x.csv')));
  });

  test('a bad mapping exits with status 2 and lists the fields', async () => {
    const result = await setu([
      'link',
      path.join(dir, 'people.csv'),
      '--id',
      'Record No',
      '--map',
      'name=First Name',
      '--out',
      path.join(dir, 'x.csv'),
    ]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown field "name"; fields are: given_name, family_name, full_name/);
    const missingId = await setu([
      'link',
      path.join(dir, 'people.csv'),
      '--id',
      'ID',
      '--map',
      MAP,
      '--out',
      path.join(dir, 'x.csv'),
    ]);
    assert.equal(missingId.code, 2);
    assert.match(missingId.stderr, /no column "ID" \(--id\)/);
  });
});
