/**
 * Matching missing reports and found persons across all States. Runs with system rights (it must read
 * every State's records and identities), after the request that created or changed a record has committed,
 * so a failure here never loses the record; `setu` demo seeding runs `matchAll` in one pass.
 */
import type { Database, Tx } from '../../db/database.ts';
import type { LinkageModel } from '../../linkage/model.ts';
import { raiseSystemAlert } from '../alerts/service.ts';
import {
  ALERT_FROM,
  CANDIDATE_FLOOR,
  prepareSubject,
  rankCandidates,
  scoreCandidate,
  subjectKeys,
  tracingModel,
  type CandidateScore,
  type PreparedSubject,
  type TracingSubject,
} from './scoring.ts';

type Side = 'missing' | 'found';

interface SubjectRow {
  id: string;
  reference: string;
  unit_id: string;
  state_lgd: number;
  district_lgd: number;
  place_district: number;
  place_state: number;
  event_on: string;
  sex: string;
  age_years: number | null;
  age_on: string | null;
  language: string | null;
  name: string | null;
  aliases: string[] | null;
  date_of_birth: string | null;
  father_name: string | null;
  mother_name: string | null;
  address: string | null;
  phones: string[] | null;
  open: boolean;
}

const SELECT: Record<Side, string> = {
  missing: `SELECT r.id, r.reference, r.registering_unit_id AS unit_id, r.state_lgd, r.district_lgd,
      r.last_seen_district_lgd AS place_district, r.last_seen_state_lgd AS place_state, r.last_seen_on::text AS event_on,
      r.sex::text AS sex, r.age_years, r.age_on::text AS age_on, r.language, i.name, i.aliases,
      i.date_of_birth::text AS date_of_birth, i.father_name, i.mother_name, i.address, i.phones, r.status = 'missing' AS open
    FROM missing_reports r LEFT JOIN missing_identities i ON i.report_id = r.id`,
  found: `SELECT f.id, f.reference, f.registering_unit_id AS unit_id, f.state_lgd, f.district_lgd,
      f.found_district_lgd AS place_district, f.found_state_lgd AS place_state, f.found_on::text AS event_on,
      f.sex::text AS sex, f.age_years, f.age_on::text AS age_on, f.language, i.name, i.aliases,
      i.date_of_birth::text AS date_of_birth, i.father_name, i.mother_name, i.address, i.phones,
      f.status IN ('in_care', 'transferred') AS open
    FROM found_persons f LEFT JOIN found_identities i ON i.found_id = f.id`,
};
const ID: Record<Side, string> = { missing: 'r.id', found: 'f.id' };

interface Loaded {
  row: SubjectRow;
  prepared: PreparedSubject;
}

function toSubject(side: Side, row: SubjectRow): TracingSubject {
  return {
    id: row.id,
    side,
    names: [row.name, ...(row.aliases ?? [])].filter((n): n is string => !!n && n.trim() !== ''),
    fatherName: row.father_name,
    motherName: row.mother_name,
    dateOfBirth: row.date_of_birth,
    ageYears: row.age_years,
    ageOn: row.age_on,
    sex: row.sex,
    language: row.language,
    districtLgd: row.place_district,
    stateLgd: row.place_state,
    eventOn: row.event_on,
    address: row.address,
    phone: row.phones?.[0] ?? null,
  };
}

async function load(tx: Tx, side: Side, where: string, params: unknown[]): Promise<Loaded[]> {
  const { rows } = await tx.query<SubjectRow>(`${SELECT[side]} WHERE ${where}`, params);
  return rows.map((row) => ({ row, prepared: prepareSubject(toSubject(side, row)) }));
}

async function openReports(tx: Tx): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM missing_reports WHERE status = 'missing'`,
  );
  return rows[0]?.n ?? 0;
}

/** The stored model (name frequencies from the last full rematch) with the prior of today's open reports. */
async function currentModel(tx: Tx): Promise<LinkageModel> {
  const open = await openReports(tx);
  const base = tracingModel(open);
  const { rows } = await tx.query<{ model: LinkageModel }>('SELECT model FROM tracing_model WHERE id = 1');
  const stored = rows[0]?.model;
  return stored ? { ...base, tf: stored.tf } : base;
}

async function storeKeys(tx: Tx, side: Side, id: string, keys: string[]): Promise<void> {
  await tx.query('DELETE FROM tracing_blocking_keys WHERE side = $1 AND subject_id = $2', [side, id]);
  if (keys.length > 0)
    await tx.query(
      `INSERT INTO tracing_blocking_keys (side, subject_id, key) SELECT $1, $2, k FROM unnest($3::text[]) k
       ON CONFLICT DO NOTHING`,
      [side, id, keys],
    );
}

interface Pair {
  missing: SubjectRow;
  found: SubjectRow;
  score: CandidateScore;
}

/** Inserts or refreshes candidates; returns those that are new. Rejected or confirmed pairs are left alone. */
async function upsertCandidates(tx: Tx, pairs: readonly Pair[]): Promise<Pair[]> {
  const fresh: Pair[] = [];
  // In batches: a full rematch writes thousands of candidates.
  for (let at = 0; at < pairs.length; at += 500) {
    const batch = pairs.slice(at, at + 500);
    const { rows } = await tx.query<{ missing_id: string; found_id: string; inserted: boolean }>(
      `INSERT INTO match_candidates (missing_id, found_id, missing_state_lgd, missing_district_lgd, missing_unit_id,
         found_state_lgd, found_district_lgd, found_unit_id, probability, weight, explanation)
       SELECT m, f, ms, md, mu, fs, fd, fu, p, w, e FROM json_to_recordset($1)
         AS x(m uuid, f uuid, ms int, md int, mu uuid, fs int, fd int, fu uuid, p float8, w float8, e jsonb)
       ON CONFLICT (missing_id, found_id) DO UPDATE SET probability = EXCLUDED.probability, weight = EXCLUDED.weight,
         explanation = EXCLUDED.explanation, updated_at = now(),
         status = CASE WHEN match_candidates.status = 'withdrawn' THEN 'proposed' ELSE match_candidates.status END
       WHERE match_candidates.status IN ('proposed', 'withdrawn')
       RETURNING missing_id, found_id, (xmax = 0) AS inserted`,
      [
        JSON.stringify(
          batch.map((p) => ({
            m: p.missing.id,
            f: p.found.id,
            ms: p.missing.state_lgd,
            md: p.missing.district_lgd,
            mu: p.missing.unit_id,
            fs: p.found.state_lgd,
            fd: p.found.district_lgd,
            fu: p.found.unit_id,
            p: p.score.probability,
            w: p.score.weight,
            e: p.score.explanation,
          })),
        ),
      ],
    );
    const inserted = new Set(rows.filter((r) => r.inserted).map((r) => `${r.missing_id}|${r.found_id}`));
    for (const p of batch) if (inserted.has(`${p.missing.id}|${p.found.id}`)) fresh.push(p);
  }
  return fresh;
}

async function alertNew(tx: Tx, pairs: readonly Pair[]): Promise<void> {
  for (const p of pairs) {
    if (p.score.probability < ALERT_FROM) continue;
    const percent = Math.round(p.score.probability * 100);
    await raiseSystemAlert(tx, {
      kind: 'missing_person_match',
      severity: p.score.probability >= 0.9 ? 'critical' : 'warning',
      title: `Possible match: missing ${p.missing.reference} and found ${p.found.reference} (${percent}%)`,
      body: `Setu found a possible match between missing-person report ${p.missing.reference} and found person ${p.found.reference}, with a probability of ${percent}%. Review the candidate and its field-by-field explanation before anyone contacts the family.`,
      unitIds: [p.missing.unit_id, p.found.unit_id],
      stateLgd: p.found.state_lgd,
      districtLgd: p.found.district_lgd,
      details: { missingId: p.missing.id, foundId: p.found.id, probability: p.score.probability },
      dedupeKey: `missing_match:${p.missing.id}:${p.found.id}`,
    });
  }
}

export interface MatchOutcome {
  candidates: number;
  fresh: number;
}

/** Re-matches one record against the other side: new keys, fresh candidates, refreshed scores, alerts. */
export async function matchSubject(tx: Tx, side: Side, id: string): Promise<MatchOutcome> {
  const [self] = await load(tx, side, `${ID[side]} = $1`, [id]);
  if (!self) return { candidates: 0, fresh: 0 };
  const keys = subjectKeys(self.prepared);
  await storeKeys(tx, side, id, keys);
  const column = side === 'missing' ? 'missing_id' : 'found_id';
  if (!self.row.open) {
    await tx.query(
      `UPDATE match_candidates SET status = 'withdrawn', updated_at = now() WHERE ${column} = $1 AND status = 'proposed'`,
      [id],
    );
    return { candidates: 0, fresh: 0 };
  }
  const other: Side = side === 'missing' ? 'found' : 'missing';
  // Records sharing most keys first; a cap keeps one common name from fetching thousands.
  const { rows: hits } = await tx.query<{ subject_id: string }>(
    `SELECT subject_id FROM tracing_blocking_keys WHERE side = $1 AND key = ANY($2::text[])
     GROUP BY subject_id ORDER BY count(*) DESC LIMIT 400`,
    [other, keys],
  );
  const { rows: existing } = await tx.query<{ other_id: string }>(
    `SELECT ${side === 'missing' ? 'found_id' : 'missing_id'} AS other_id FROM match_candidates
     WHERE ${column} = $1 AND status = 'proposed'`,
    [id],
  );
  const ids = [...new Set([...hits.map((h) => h.subject_id), ...existing.map((e) => e.other_id)])];
  const others = ids.length > 0 ? await load(tx, other, `${ID[other]} = ANY($1::uuid[])`, [ids]) : [];
  const open = others.filter((o) => o.row.open);
  const model = await currentModel(tx);
  const ranked = rankCandidates(
    model,
    self.prepared,
    open.map((o) => o.prepared),
  );
  const byId = new Map(open.map((o) => [o.row.id, o]));
  const pairs: Pair[] = [];
  for (const r of ranked) {
    const o = byId.get(r.other.subject.id);
    if (!o) continue;
    pairs.push(
      side === 'missing'
        ? { missing: self.row, found: o.row, score: r.score }
        : { missing: o.row, found: self.row, score: r.score },
    );
  }
  // Candidates proposed earlier that fell out of the list keep a fresh score, or go when it is too low.
  const kept = new Set(pairs.map((p) => (side === 'missing' ? p.found.id : p.missing.id)));
  for (const e of existing) {
    if (kept.has(e.other_id)) continue;
    const o = others.find((x) => x.row.id === e.other_id);
    const score =
      o && o.row.open
        ? side === 'missing'
          ? scoreCandidate(model, self.prepared, o.prepared)
          : scoreCandidate(model, o.prepared, self.prepared)
        : null;
    if (!o || !score || score.probability < CANDIDATE_FLOOR) {
      await tx.query(
        `UPDATE match_candidates SET status = 'withdrawn', updated_at = now()
         WHERE ${column} = $1 AND ${side === 'missing' ? 'found_id' : 'missing_id'} = $2 AND status = 'proposed'`,
        [id, e.other_id],
      );
    } else {
      pairs.push(
        side === 'missing'
          ? { missing: self.row, found: o.row, score }
          : { missing: o.row, found: self.row, score },
      );
    }
  }
  const fresh = await upsertCandidates(tx, pairs);
  await alertNew(tx, fresh);
  return { candidates: pairs.length, fresh: fresh.length };
}

/** Runs matching for one record after its request committed; errors are logged, never thrown at the user. */
export async function matchAfterCommit(
  db: Database,
  side: Side,
  id: string,
  log: (error: unknown) => void,
): Promise<void> {
  try {
    await db.asSystem((tx) => matchSubject(tx, side, id));
  } catch (error) {
    log(error);
  }
}

/** Matches everything in one pass (demo seeding, a rebuild): keys for every record, top candidates both ways. */
export async function matchAll(tx: Tx, options: { alerts?: boolean } = {}): Promise<MatchOutcome> {
  const missing = await load(tx, 'missing', 'true', []);
  const found = await load(tx, 'found', 'true', []);
  const index = new Map<string, Loaded[]>();
  const keysOf = new Map<string, string[]>();
  // Every record's keys are rebuilt in bulk: one statement per few thousand rows, not two per record.
  await tx.query('DELETE FROM tracing_blocking_keys');
  for (const [side, list] of [
    ['missing', missing],
    ['found', found],
  ] as const) {
    const batch: { id: string; key: string }[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await tx.query(
        `INSERT INTO tracing_blocking_keys (side, subject_id, key)
         SELECT DISTINCT $1, id, key FROM json_to_recordset($2) AS x(id uuid, key text) ON CONFLICT DO NOTHING`,
        [side, JSON.stringify(batch)],
      );
      batch.length = 0;
    };
    for (const l of list) {
      const keys = subjectKeys(l.prepared);
      keysOf.set(l.row.id, keys);
      for (const key of keys) batch.push({ id: l.row.id, key });
      if (batch.length > 20_000) await flush();
      if (side === 'missing' && l.row.open)
        for (const k of keys) {
          const block = index.get(k) ?? [];
          block.push(l);
          index.set(k, block);
        }
    }
    await flush();
  }
  const model = tracingModel(
    missing.filter((m) => m.row.open).length,
    [...missing, ...found].map((l) => l.prepared),
  );
  await tx.query(
    `INSERT INTO tracing_model (id, model) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET model = EXCLUDED.model, updated_at = now()`,
    [JSON.stringify(model)],
  );
  const pairs = new Map<string, Pair>();
  for (const f of found) {
    if (!f.row.open) continue;
    const candidates = new Set<Loaded>();
    for (const k of keysOf.get(f.row.id) ?? []) {
      const block = index.get(k);
      if (block && block.length <= 400) for (const m of block) candidates.add(m);
    }
    const list = [...candidates];
    for (const r of rankCandidates(
      model,
      f.prepared,
      list.map((m) => m.prepared),
    )) {
      const m = list.find((x) => x.prepared === r.other);
      if (m) pairs.set(`${m.row.id}|${f.row.id}`, { missing: m.row, found: f.row, score: r.score });
    }
  }
  const fresh = await upsertCandidates(tx, [...pairs.values()]);
  if (options.alerts) await alertNew(tx, fresh);
  return { candidates: pairs.size, fresh: fresh.length };
}
