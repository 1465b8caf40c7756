import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIELD_COUNT, FIELD_LEVELS, FIELD_NAMES, patternCode, type FieldName } from './fields.ts';
import { parseModel, scorePair, serialiseModel, withPopulation, withThresholds } from './model.ts';
import { trainModel } from './pipeline.ts';
import { prepareRecord } from './prepare.ts';
import { buildModel, expectationMaximisation, reestimateFromLabels, rng, termFrequencies } from './train.ts';

function at<T>(list: readonly T[], i: number): T {
  const item = list[i];
  assert.ok(item !== undefined);
  return item;
}

/** m: agreement likely (first real level); u: disagreement likely (last level). */
function distributions(): { m: Record<FieldName, number[]>; u: Record<FieldName, number[]> } {
  const m = {} as Record<FieldName, number[]>;
  const u = {} as Record<FieldName, number[]>;
  for (const f of FIELD_NAMES) {
    const n = FIELD_LEVELS[f].length - 1;
    m[f] = [1, ...Array.from({ length: n }, (_v, i) => (i === 0 ? 0.7 : 0.3 / (n - 1)))];
    u[f] = [1, ...Array.from({ length: n }, (_v, i) => (i === n - 1 ? 0.9 : 0.1 / (n - 1)))];
  }
  return { m, u };
}

function draw(p: number[], random: () => number): number {
  let x = random();
  for (let l = 1; l < p.length; l++) {
    x -= p[l] ?? 0;
    if (x <= 0) return l;
  }
  return p.length - 1;
}

test('EM recovers m and λ from a synthetic set with known truth', () => {
  const { m, u } = distributions();
  const random = rng(3);
  const patterns = new Map<number, number>();
  const levels = new Uint8Array(FIELD_COUNT);
  const add = (p: Record<FieldName, number[]>) => {
    FIELD_NAMES.forEach((f, i) => (levels[i] = draw(p[f], random)));
    const code = patternCode(levels);
    patterns.set(code, (patterns.get(code) ?? 0) + 1);
  };
  for (let i = 0; i < 2_000; i++) add(m);
  for (let i = 0; i < 40_000; i++) add(u);
  const totalPairs = 20_000_000;
  const em = expectationMaximisation(patterns, u, { totalPairs });
  assert.ok(em.converged);
  assert.ok(Math.abs(em.lambda - 2_000 / totalPairs) / (2_000 / totalPairs) < 0.1, `λ ${em.lambda}`);
  for (const f of FIELD_NAMES) {
    assert.ok(Math.abs((em.m[f][1] ?? 0) - 0.7) < 0.05, `${f}: m(first level) ${em.m[f][1]}`);
  }
});

const records = [
  prepareRecord({
    id: 'a',
    givenName: 'Mohammad Saleem',
    familyName: 'Shaikh',
    dob: '1994-03-05',
    sex: 'M',
    district: '230',
    phone: '9876543210',
  }),
  prepareRecord({
    id: 'b',
    givenName: 'मोहम्मद सलीम',
    familyName: 'शेख',
    dob: '05/03/1994',
    sex: 'पुरुष',
    district: '230',
    phone: '+91 98765 43210',
  }),
  prepareRecord({
    id: 'c',
    givenName: 'Sunita',
    familyName: 'Kumari',
    dob: '2001-08-12',
    sex: 'F',
    district: '231',
  }),
  prepareRecord({
    id: 'd',
    givenName: 'Sunita',
    familyName: 'Kumari',
    dob: '2001-08-12',
    sex: 'M',
    district: '231',
  }),
];

/** A population of 1,000 others, so the four records' names are as rare as names usually are. */
const others = Array.from({ length: 1_000 }, (_v, i) =>
  prepareRecord({ id: `o${i}`, givenName: `Given${i}`, familyName: `Family${i % 300}` }),
);

function model() {
  const { m, u } = distributions();
  return buildModel(m, u, 1e-5, termFrequencies([...records, ...others]));
}

test('tiers follow configurable thresholds; a sex mismatch never auto-links', () => {
  const strong = scorePair(model(), at(records, 0), at(records, 1));
  assert.equal(strong.tier, 'auto_link');
  assert.ok(strong.probability > 0.99);
  const total = strong.explanation.reduce((s, e) => s + e.weight, Math.log2(1e-5 / (1 - 1e-5)));
  assert.ok(Math.abs(total - strong.weight) < 0.01, 'the explanation adds up to the weight');
  assert.deepEqual(
    strong.explanation.map((e) => `${e.field}:${e.level}`),
    [
      'given_name:exact',
      'family_name:exact',
      'birth:exact',
      'sex:same',
      'relatives:null',
      'district:same_district',
      'address:null',
      'phone:exact',
      'id_number:null',
    ],
  );
  const strict = withThresholds(model(), { autoLink: 0.999999999, review: 0.5 });
  assert.equal(scorePair(strict, at(records, 0), at(records, 1)).tier, 'review');
  const mixed = scorePair(model(), at(records, 2), at(records, 3));
  assert.equal(mixed.explanation.find((e) => e.field === 'sex')?.level, 'different');
  assert.notEqual(mixed.tier, 'auto_link');
  assert.equal(scorePair(model(), at(records, 0), at(records, 2)).tier, 'non_match');
});

test('common names weigh less than rare ones (term frequency)', () => {
  const many = Array.from({ length: 50 }, (_v, i) =>
    prepareRecord({ id: `k${i}`, givenName: `Name${i}`, familyName: 'Kumar' }),
  );
  const rare = [
    prepareRecord({ id: 'r1', givenName: 'Pranjal', familyName: 'Hembrom' }),
    prepareRecord({ id: 'r2', givenName: 'Pranjal', familyName: 'Hembrom' }),
  ];
  const { m, u } = distributions();
  const tfModel = buildModel(m, u, 1e-5, termFrequencies([...many, ...rare]));
  const family = (a: number, b: number, set = many) =>
    scorePair(tfModel, at(set, a), at(set, b)).explanation.find((e) => e.field === 'family_name');
  const common = family(0, 1);
  const uncommon = family(0, 1, rare);
  assert.ok(common?.tfAdjusted && uncommon?.tfAdjusted);
  assert.ok(uncommon.weight > common.weight + 3, `${uncommon.weight} vs ${common.weight}`);
});

test('a model survives JSON and is re-estimated from reviewer decisions', () => {
  const original = model();
  const restored = parseModel(serialiseModel(original));
  assert.deepEqual(restored, original);
  assert.throws(() => parseModel('{"version":2}'), /not a Setu linkage model/);
  const labelled = Array.from({ length: 100 }, () => ({ a: at(records, 0), b: at(records, 1), match: true }));
  const updated = reestimateFromLabels(original, labelled, { strength: 100 });
  // All confirmed pairs agreed exactly on the phone: m(exact) moves half-way to 1.
  assert.ok(Math.abs((updated.fields.phone.m[1] ?? 0) - 0.85) < 1e-6, String(updated.fields.phone.m[1]));
  assert.deepEqual(updated.fields.phone.u, original.fields.phone.u, 'u is left alone by default');
  assert.equal(updated.meta.labelledPairs, 100);
});

test('λ is rescaled for a collection of another size', () => {
  const trained = { ...model(), meta: { records: 1_001 } };
  const bigger = withPopulation(trained, 100_001);
  assert.ok(Math.abs(bigger.lambda - trained.lambda / 100) < 1e-12);
  assert.equal(bigger.meta.records, 100_001);
});

test('a file too small to estimate from gets the built-in parameters, which still know Devi is common', () => {
  const small = trainModel(records);
  assert.equal(small.meta.prior, true);
  const devi = scorePair(
    small,
    prepareRecord({ id: 'x', givenName: 'Sunita', familyName: 'Devi' }),
    prepareRecord({ id: 'y', givenName: 'सुनीता', familyName: 'देवी' }),
  );
  const rare = scorePair(
    small,
    prepareRecord({ id: 'x', givenName: 'Sunita', familyName: 'Hembrom' }),
    prepareRecord({ id: 'y', givenName: 'Sunita', familyName: 'Hembram' }),
  );
  assert.ok(devi.weight < rare.weight, `${devi.weight} vs ${rare.weight}`);
});
