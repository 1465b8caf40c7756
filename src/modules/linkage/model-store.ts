/**
 * The linkage model kept in the database: the active one scores new records; `trainLinkageModel`
 * re-estimates it from the stored records (u by sampling, m and λ by EM) and reviewers' decisions
 * (confirmed and rejected pairs as labels), and makes the result active.
 */
import type { Database, Tx } from '../../db/database.ts';
import {
  parseModel,
  priorModel,
  reestimateFromLabels,
  serialiseModel,
  trainModel,
  withPopulation,
  type LabelledPair,
  type LinkageModel,
  type PreparedRecord,
} from '../../linkage/index.ts';

export interface ActiveModel {
  id: number;
  model: LinkageModel;
}

// Keyed by id and creation time, so two databases in one process (tests) never share an entry.
const cache = new Map<string, ActiveModel>();

/** The active model, created from the built-in parameters the first time (as a system transaction). */
export async function activeModel(tx: Tx): Promise<ActiveModel> {
  const { rows } = await tx.query<{ id: number; stamp: string }>(
    "SELECT id, id || ':' || created_at::text AS stamp FROM linkage_models WHERE is_active",
  );
  const row = rows[0];
  if (row) {
    const hit = cache.get(row.stamp);
    if (hit) return hit;
    const { rows: full } = await tx.query<{ model: unknown }>(
      'SELECT model FROM linkage_models WHERE id = $1',
      [row.id],
    );
    const active = { id: row.id, model: parseModel(JSON.stringify(full[0]?.model)) };
    if (cache.size > 8) cache.clear();
    cache.set(row.stamp, active);
    return active;
  }
  return saveModel(tx, priorModel([]), { note: 'built-in parameters', records: 0, labelled: 0 });
}

export async function saveModel(
  tx: Tx,
  model: LinkageModel,
  info: { note: string; records: number; labelled: number },
): Promise<ActiveModel> {
  await tx.query('UPDATE linkage_models SET is_active = false WHERE is_active');
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO linkage_models (model, is_active, trained_on_records, labelled_pairs, note)
     VALUES ($1, true, $2, $3, $4) RETURNING id`,
    [serialiseModel(model), info.records, info.labelled, info.note],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('could not store the linkage model');
  return { id, model };
}

const populations = new WeakMap<LinkageModel, { key: string; model: LinkageModel }>();

/** The model rescaled to the number of stored records (λ is a per-pair prior; see withPopulation). */
export async function modelForPopulation(tx: Tx): Promise<ActiveModel> {
  const active = await activeModel(tx);
  const { rows } = await tx.query<{ n: number | string | null }>('SELECT max(seq) AS n FROM linkage_records');
  // Two significant digits: λ moves by under 5%, and the compiled model is reused between records.
  const records = Number(Math.max(Number(rows[0]?.n ?? 0), 2).toPrecision(2));
  const key = `${String(active.id)}@${String(records)}`;
  let scaled = populations.get(active.model);
  if (scaled?.key !== key) {
    scaled = { key, model: withPopulation(active.model, records) };
    populations.set(active.model, scaled);
  }
  return { id: active.id, model: scaled.model };
}

export interface TrainSummary {
  modelId: number;
  records: number;
  labelledPairs: number;
  prior: boolean;
}

/** Re-estimates the model from everything stored and every reviewer decision, and makes it active. */
export async function trainLinkageModel(db: Database): Promise<TrainSummary> {
  const { records, labels } = await db.asSystem(async (tx) => {
    const { rows } = await tx.query<{ prepared: string }>(
      'SELECT prepared::text AS prepared FROM linkage_records',
    );
    // The latest decision on each pair; "unsure" teaches nothing.
    const { rows: decided } = await tx.query<{ a: PreparedRecord; b: PreparedRecord; decision: string }>(
      `SELECT ra.prepared AS a, rb.prepared AS b, d.decision FROM (
         SELECT DISTINCT ON (candidate_id) candidate_id, decision FROM linkage_decisions
         ORDER BY candidate_id, decided_at DESC, id DESC) d
       JOIN linkage_candidates k ON k.id = d.candidate_id
       JOIN linkage_records ra ON ra.person_id = k.person_a
       JOIN linkage_records rb ON rb.person_id = k.person_b
       WHERE d.decision IN ('confirmed', 'rejected')`,
    );
    const pairs: LabelledPair[] = decided.map((r) => ({ a: r.a, b: r.b, match: r.decision === 'confirmed' }));
    return { records: rows.map((r) => JSON.parse(r.prepared) as PreparedRecord), labels: pairs };
  });
  let model = trainModel(records);
  const prior = model.meta.prior === true;
  if (labels.length > 0) model = reestimateFromLabels(model, labels);
  const saved = await db.asSystem((tx) =>
    saveModel(tx, model, {
      note: prior
        ? 'built-in parameters with reviewer decisions'
        : 'EM on stored records with reviewer decisions',
      records: records.length,
      labelled: labels.length,
    }),
  );
  return { modelId: saved.id, records: records.length, labelledPairs: labels.length, prior };
}
