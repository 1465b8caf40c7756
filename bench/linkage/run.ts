/**
 * Linkage benchmarks: accuracy on the generated cross-script set and on the public fake_1000 set,
 * then batch de-duplication of a large generated set (wall time, comparisons per second, peak RSS).
 * Usage: npm run bench:linkage [-- --accuracy N] [--scale N] [--only accuracy|fake1000|scale]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { dedupe } from '../../src/linkage/pipeline.ts';
import { placeNames, placeResolver } from '../../src/linkage/places.ts';
import { prepareRecord } from '../../src/linkage/prepare.ts';
import { generate, loadDistricts, shuffleAndNumber } from './generate.ts';
import { evaluate, oracle, type Accuracy } from './metrics.ts';
import { referenceDir } from './names.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function report(title: string, a: Accuracy): void {
  console.log(`\n## ${title}: ${a.records} records, ${a.truePairs} true pairs`);
  console.log(
    `candidate pairs ${a.candidatePairs}, blocking recall ${a.blockingRecall}, ${a.comparisonsPerSecond} comparisons/s`,
  );
  console.log('tier                 pairs  precision  recall     F1');
  for (const [tier, s] of Object.entries(a.tiers)) {
    console.log(
      `${tier.padEnd(18)} ${String(s.pairs).padStart(7)}  ${s.precision.toFixed(4)}    ${s.recall.toFixed(4)}  ${s.f1.toFixed(4)}`,
    );
  }
  console.log(
    'calibration (predicted → observed): ' +
      a.calibration
        .filter((c) => c.pairs > 0)
        .map((c) => `${c.meanPredicted.toFixed(2)}→${c.observed.toFixed(2)} (${c.pairs})`)
        .join(', '),
  );
  console.log(`λ ${a.model.lambda}, EM iterations ${String(a.model.meta.emIterations)}`);
}

function accuracy(noise: number, label: string): void {
  const n = option('accuracy', 20_000);
  const records = shuffleAndNumber(generate(n, 42, { noise }));
  const districts = loadDistricts();
  const options = { resolvePlace: placeResolver(districts), placeNames: placeNames(districts) };
  const prepared = records.map((r) => prepareRecord(r, options));
  const devanagari = records.filter((r) =>
    /[\u0900-\u097f]/.test(`${r.givenName ?? ''}${r.fullName ?? ''}`),
  ).length;
  const truth = records.map((r) => r.entity);
  report(
    `Generated cross-script set, ${label} (${Math.round((100 * devanagari) / n)}% of records in Devanagari)`,
    evaluate(prepared, truth),
  );
  const ceiling = oracle(prepared, truth);
  const best = evaluate(prepared, truth, ceiling.model).tiers['auto_link+review'];
  console.log(
    `ceiling (m from the truth): ${ceiling.identifiable} of all true pairs reach p ≥ 0.5; with the same blocking ` +
      `precision ${best.precision}, recall ${best.recall}, F1 ${best.f1}`,
  );
}

if (!only || only === 'accuracy') {
  accuracy(1, 'hard registers (noise 1)');
  accuracy(0.5, 'moderate registers (noise 0.5)');
}

if (!only || only === 'fake1000') {
  const file = path.join(referenceDir(), 'names/fake_1000_from_splink_demos.csv');
  const rows = parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { columns: true });
  // UK-style records: first name, surname, dob, city (as the place) and email (as an identity number).
  const prepared = rows.map((r) =>
    prepareRecord({
      id: r.unique_id ?? '',
      givenName: r.first_name,
      familyName: r.surname,
      dob: r.dob,
      district: r.city,
      idNumber: r.email,
    }),
  );
  report(
    'fake_1000 (Splink demo data)',
    evaluate(
      prepared,
      rows.map((r) => r.cluster ?? ''),
    ),
  );
}

if (!only || only === 'scale') {
  const n = option('scale', 1_000_000);
  const records = shuffleAndNumber(generate(n, 7));
  const districts = loadDistricts();
  const resolvePlace = placeResolver(districts);
  global.gc?.();
  const before = process.memoryUsage().rss;
  const start = performance.now();
  const result = dedupe(records, { resolvePlace, placeNames: placeNames(districts), keepPairs: true });
  const seconds = (performance.now() - start) / 1000;
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(`\n## Batch de-duplication of ${n} generated records`);
  console.log(`wall ${seconds.toFixed(1)} s (${JSON.stringify(result.timings)})`);
  console.log(
    `comparisons ${result.comparisons}, pairs in auto-link or review ${result.pairs.length}, identities ${result.clusters?.identities.size ?? 0}`,
  );
  // Pairwise accuracy of what the run wrote out, against the generator's truth.
  const entity = new Map(records.map((r) => [r.id, r.entity]));
  const sizes = new Map<number, number>();
  for (const r of records) sizes.set(r.entity, (sizes.get(r.entity) ?? 0) + 1);
  let truePairs = 0;
  for (const k of sizes.values()) truePairs += (k * (k - 1)) / 2;
  const correct = (pairs: typeof result.pairs) =>
    pairs.filter((p) => entity.get(p.left) === entity.get(p.right)).length;
  for (const tier of ['auto_link', 'review'] as const) {
    const found = result.pairs.filter((p) => p.tier === tier);
    const precision = correct(found) / Math.max(found.length, 1);
    console.log(
      `${tier}: ${found.length} pairs, precision ${precision.toFixed(4)}, recall ${(correct(found) / truePairs).toFixed(4)}`,
    );
  }
  const precision = correct(result.pairs) / Math.max(result.pairs.length, 1);
  const recall = correct(result.pairs) / truePairs;
  const f1 = (2 * precision * recall) / (precision + recall);
  console.log(
    `auto_link+review: precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}, F1 ${f1.toFixed(4)} (${truePairs} true pairs)`,
  );
  console.log(
    `peak RSS ${mb(peak)} MB (generator and input records included; ${mb(before)} MB before the run)`,
  );
  for (const r of result.blocking.rules)
    if (r.oversizedBlocks > 0)
      console.log(
        `  ${r.rule}: ${r.oversizedBlocks} oversized blocks skipped, largest ${JSON.stringify(r.largest.slice(0, 3))}`,
      );
}
