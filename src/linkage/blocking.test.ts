import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  blockingKeys,
  buildBlocks,
  forEachCandidateOf,
  forEachCandidatePair,
  type BlockingRule,
} from './blocking.ts';
import { prepareRecord } from './prepare.ts';
import type { PreparedRecord } from './types.ts';

const people = [
  {
    id: '0',
    givenName: 'Salim',
    familyName: 'Shaikh',
    dob: '1994-03-05',
    phone: '9876543210',
    district: '230',
  },
  {
    id: '1',
    givenName: 'Saleem',
    familyName: 'Sheikh',
    dob: '1994-03-05',
    phone: '9876543210',
    district: '231',
  },
  { id: '2', givenName: 'सलीम', familyName: 'शेख', age: 30, ageAt: '2024-06-01', district: '230' },
  {
    id: '3',
    givenName: 'Anita',
    familyName: 'Devi',
    dob: '2001-01-01',
    phone: '9123456780',
    district: '230',
  },
  {
    id: '4',
    givenName: 'Anita',
    familyName: 'Devi',
    dob: '2001-05-06',
    phone: '9123456780',
    district: '400',
  },
  { id: '5', givenName: 'Rekha', familyName: 'Kumari', dob: '1990-02-02', district: '500' },
].map((p) => prepareRecord(p));

function pairs(records: PreparedRecord[], rules?: BlockingRule[], maxBlockPairs?: number) {
  const index = buildBlocks(records, { rules, maxBlockPairs });
  const seen: string[] = [];
  forEachCandidatePair(index, (i, j) => seen.push(`${i}-${j}`));
  return { seen, index };
}

test('rules run in union and every pair is produced once', () => {
  const { seen, index } = pairs(people);
  assert.equal(new Set(seen).size, seen.length, `duplicates in ${seen.join(' ')}`);
  for (const expected of ['0-1', '0-2', '1-2', '3-4'])
    assert.ok(seen.includes(expected), `${expected} missing from ${seen.join(' ')}`);
  assert.ok(!seen.includes('0-5') && !seen.includes('3-5'));
  assert.equal(index.report.candidatePairs >= seen.length, true);
});

test('the pairs of one record are those the batch produces', () => {
  const { seen, index } = pairs(people);
  for (let i = 0; i < people.length; i++) {
    const partners: number[] = [];
    forEachCandidateOf(index, i, (j) => partners.push(j));
    const batch = seen
      .filter((p) => p.split('-').includes(String(i)))
      .map((p) => Number(p.split('-').find((x) => x !== String(i))));
    assert.deepEqual(partners.sort(), batch.sort(), `record ${i}`);
  }
});

test('oversized blocks are skipped and reported, the rest still pair', () => {
  const crowd = Array.from({ length: 30 }, (_v, i) =>
    prepareRecord({
      id: `c${i}`,
      givenName: 'Sunita',
      familyName: 'Devi',
      phone: i < 2 ? '9000000001' : null,
    }),
  );
  const rules: BlockingRule[] = [
    { name: 'given', keys: (r) => (r.given ? [r.given.key] : []) },
    { name: 'phone', keys: (r) => (r.phone ? [r.phone] : []) },
  ];
  const { seen, index } = pairs(crowd, rules, 100);
  assert.deepEqual(seen, ['0-1'], 'only the phone rule pairs');
  const given = index.report.rules.find((r) => r.rule === 'given');
  assert.ok(given);
  assert.equal(given.oversizedBlocks, 1);
  const first = crowd[0];
  assert.ok(first?.given);
  assert.deepEqual(given.largest[0], { key: first.given.key, records: 30 });
});

test('in a link only pairs across the two sides are produced', () => {
  const sides = Uint8Array.from([0, 0, 0, 1, 1, 1]);
  const index = buildBlocks(people, { sides });
  const seen: string[] = [];
  forEachCandidatePair(index, (i, j) => seen.push(`${i}-${j}`));
  for (const p of seen) {
    const [i, j] = p.split('-').map(Number);
    assert.equal(sides[i ?? 0], 0);
    assert.equal(sides[j ?? 0], 1);
  }
});

test('blocking keys are computed from one record alone, ready for an indexed table', () => {
  const keys = blockingKeys(people[0] as PreparedRecord);
  assert.ok(keys.some((k) => k.rule === 'phone' && k.key === '9876543210'));
  assert.ok(keys.some((k) => k.rule === 'names'));
  assert.deepEqual(blockingKeys(people[0] as PreparedRecord), keys, 'deterministic');
  const transliterated = blockingKeys(people[2] as PreparedRecord).find((k) => k.rule === 'names');
  assert.equal(
    transliterated?.key,
    keys.find((k) => k.rule === 'names')?.key,
    'Devanagari and Latin share the name key',
  );
});
