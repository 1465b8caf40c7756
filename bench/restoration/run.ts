/**
 * Restoration matching on the demo truth: every found person's top-5 candidate list among the missing
 * reports (the same blocking, scoring and ranking the server uses), measured against the known true pairs.
 * Usage: npm run bench:restoration [-- --missing N] [--seed S] [--fit]
 * --fit prints the logistic recalibration (slope, shift) of the evidence on this seed's candidates: fit it
 * on another seed than the one reported (scoring.ts CALIBRATION was fitted on seed 7).
 */
import {
  generateTracing,
  type DemoFound,
  type DemoMissing,
  type DemoTracingRecord,
} from '../../src/modules/demo/restoration-data.ts';
import {
  CANDIDATE_FLOOR,
  prepareSubject,
  rankCandidates,
  subjectKeys,
  tracingModel,
  type PreparedSubject,
  type TracingSubject,
} from '../../src/modules/restoration/scoring.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const referenceDir = process.env.SETU_REFERENCE_DIR ?? '../shared/data';

function subject(side: 'missing' | 'found', r: DemoTracingRecord): TracingSubject {
  return {
    id: r.key,
    side,
    names: r.name ? [r.name] : [],
    fatherName: r.fatherName,
    motherName: r.motherName,
    dateOfBirth: null,
    ageYears: r.ageYears,
    ageOn: r.on,
    sex: r.sex,
    language: r.language,
    districtLgd: r.districtLgd,
    stateLgd: r.stateLgd,
    eventOn: r.on,
    address: r.address,
    phone: null,
  };
}

const started = performance.now();
const data = generateTracing(referenceDir, option('missing', 3000), option('seed', 2026));
const generated = performance.now();
const missing = data.missing.map((m: DemoMissing) => prepareSubject(subject('missing', m)));
const found = data.found.map((f: DemoFound) => prepareSubject(subject('found', f)));
const index = new Map<string, PreparedSubject[]>();
for (const m of missing)
  for (const k of subjectKeys(m)) {
    const block = index.get(k) ?? [];
    block.push(m);
    index.set(k, block);
  }
const model = tracingModel(missing.length, [...missing, ...found]);
const truth = new Set(data.truth.map(([m, f]) => `${m}|${f}`));
const sexOf = new Map([...data.missing, ...data.found].map((r) => [r.key, r.sex]));

let listed = 0;
let correct = 0;
let lists = 0;
let top1 = 0;
let crossSex = 0;
let blockedTrue = 0;
const bins = Array.from({ length: 10 }, () => ({ n: 0, predicted: 0, observed: 0 }));
const rankStart = performance.now();
for (const f of found) {
  const pool = new Set<PreparedSubject>();
  for (const k of subjectKeys(f)) {
    const block = index.get(k);
    if (block && block.length <= 400) for (const m of block) pool.add(m);
  }
  for (const m of pool) if (truth.has(`${m.subject.id}|${f.subject.id}`)) blockedTrue += 1;
  const ranked = rankCandidates(model, f, [...pool]);
  if (ranked.length > 0) lists += 1;
  ranked.forEach((r, i) => {
    const hit = truth.has(`${r.other.subject.id}|${f.subject.id}`);
    listed += 1;
    if (hit) correct += 1;
    if (hit && i === 0) top1 += 1;
    if (sexOf.get(r.other.subject.id) !== sexOf.get(f.subject.id)) crossSex += 1;
    const bin = bins[Math.min(9, Math.floor(r.score.probability * 10))];
    if (bin) {
      bin.n += 1;
      bin.predicted += r.score.probability;
      bin.observed += hit ? 1 : 0;
    }
  });
}
const done = performance.now();
if (args.includes('--fit')) {
  // Logistic regression of truth on raw evidence (bits), by Newton's method on (slope, shift).
  const points: [number, number][] = [];
  for (const f of found) {
    const pool = new Set<PreparedSubject>();
    for (const k of subjectKeys(f)) for (const m of index.get(k) ?? []) pool.add(m);
    for (const r of rankCandidates(model, f, [...pool], 5, 0))
      points.push([r.score.weight, truth.has(`${r.other.subject.id}|${f.subject.id}`) ? 1 : 0]);
  }
  let [a, b] = [0.5, 0];
  for (let it = 0; it < 50; it++) {
    let [ga, gb, haa, hab, hbb] = [0, 0, 0, 0, 0];
    for (const [w, y] of points) {
      const x = w * Math.LN2;
      const p = 1 / (1 + Math.exp(-(a * x + b * Math.LN2)));
      const v = p * (1 - p);
      ga += (y - p) * x;
      gb += (y - p) * Math.LN2;
      haa += v * x * x;
      hab += v * x * Math.LN2;
      hbb += v * Math.LN2 * Math.LN2;
    }
    const det = haa * hbb - hab * hab;
    a += (hbb * ga - hab * gb) / det;
    b += (haa * gb - hab * ga) / det;
  }
  console.log(`fit on ${points.length} candidates: slope ${a.toFixed(4)}, shift ${b.toFixed(4)}`);
}
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const named = data.truth.filter(([, fk]) => data.found.find((f) => f.key === fk)?.name).length;

console.log(`# Restoration matching on the demo truth (seed ${option('seed', 2026)})`);
console.log(
  `missing reports ${data.missing.length}, found persons ${data.found.length}, true pairs ${data.truth.length} (${named} with a name given)`,
);
console.log(
  `found persons with a candidate list: ${lists}; candidates listed: ${listed} (top 5, probability ≥ ${CANDIDATE_FLOOR})`,
);
console.log(
  `precision of the top-5 lists: ${pct(correct / Math.max(listed, 1))} (${correct} of ${listed} listed candidates are true)`,
);
console.log(
  `recall: ${pct(correct / data.truth.length)} of true pairs appear in the found person's list; blocking reaches ${pct(blockedTrue / data.truth.length)}`,
);
console.log(`recall among found persons who gave a name: ${pct(correct / Math.max(named, 1))}`);
console.log(`true pair ranked first: ${pct(top1 / data.truth.length)}`);
console.log(`candidates of the other sex: ${crossSex}`);
console.log('calibration (mean predicted → observed, candidates):');
for (const [i, b] of bins.entries())
  if (b.n > 0)
    console.log(
      `  ${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}: ${(b.predicted / b.n).toFixed(3)} → ${(b.observed / b.n).toFixed(3)} (${b.n})`,
    );
console.log(
  `time: generate ${((generated - started) / 1000).toFixed(1)} s, prepare+index ${((rankStart - generated) / 1000).toFixed(1)} s, rank ${((done - rankStart) / 1000).toFixed(1)} s (${((done - rankStart) / found.length).toFixed(2)} ms per found person)`,
);
