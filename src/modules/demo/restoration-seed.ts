/**
 * Demo missing reports and found persons (restoration-data.ts, with known true pairs), matched in one
 * pass; then an Operation Muskan drive, some confirmed matches at every stage of restoration, and care
 * plans with NGO referrals, services, compensation and follow-up visits. Idempotent: nothing is added once
 * demo missing reports exist. Needs seedDemo() first.
 */
import crypto from 'node:crypto';
import type { Database, Tx } from '../../db/database.ts';
import { matchAll } from '../restoration/matching.ts';
import { lookup } from './channel-build.ts';
import { generateTracing, type DemoFound, type DemoMissing } from './restoration-data.ts';
import { addDays, Rng } from './rng.ts';

/** `npm start` makes this many missing reports (and about as many found persons); tests use far fewer. */
export const DEMO_MISSING_REPORTS = 2500;

type Ids = Awaited<ReturnType<typeof lookup>>;

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const pseudonym = (prefix: string) =>
  `${prefix}-${Array.from(crypto.randomBytes(5), (b) => ALPHABET[b % ALPHABET.length]).join('')}`;

async function insertMissing(tx: Tx, ids: Ids, list: DemoMissing[]): Promise<Map<string, string>> {
  const rows = list.map((m) => ({
    key: m.key,
    reference: `MP-${String(m.stateLgd).padStart(2, '0')}-${m.reportedOn.slice(0, 4)}-D${m.key.slice(1).padStart(5, '0')}`,
    state: Math.floor(m.stateLgd),
    district: m.districtLgd,
    unit: ids.unit(m.unitKey),
    reported: m.reportedOn,
    seen: m.on,
    circumstances: m.circumstances,
    pseudonym: pseudonym('M'),
    sex: m.sex,
    age: m.ageYears,
    language: m.language,
  }));
  const { rows: inserted } = await tx.query<{ id: string; reference: string }>(
    `WITH x AS (SELECT * FROM json_to_recordset($1) AS x(key text, reference text, state int, district int, unit uuid,
        reported date, seen date, circumstances text, pseudonym text, sex person_sex, age int, language text))
     INSERT INTO missing_reports (reference, state_lgd, district_lgd, registering_unit_id, reported_on, last_seen_on,
       last_seen_district_lgd, last_seen_state_lgd, circumstances, pseudonym, sex, age_years, age_on, language,
       status_changed_on, is_demo)
     SELECT reference, state, district, unit, reported, seen, district, state, circumstances, pseudonym, sex, age, seen,
       language, reported, true FROM x
     RETURNING id, reference`,
    [JSON.stringify(rows)],
  );
  const keyOf = new Map(rows.map((r) => [r.reference, r.key]));
  const byKey = new Map(inserted.map((r) => [keyOf.get(r.reference) ?? '', r.id]));
  const identities = list.map((m) => ({
    id: byKey.get(m.key),
    name: m.name,
    father: m.fatherName,
    mother: m.motherName,
    address: m.address,
  }));
  await tx.query(
    `INSERT INTO missing_identities (report_id, name, father_name, mother_name, address)
     SELECT id, name, father, mother, address FROM json_to_recordset($1) AS x(id uuid, name text, father text, mother text, address text)`,
    [JSON.stringify(identities)],
  );
  return byKey;
}

async function insertFound(tx: Tx, ids: Ids, list: DemoFound[]): Promise<Map<string, string>> {
  const rows = list.map((f) => ({
    key: f.key,
    reference: `FP-${String(f.stateLgd).padStart(2, '0')}-${f.on.slice(0, 4)}-D${f.key.slice(1).padStart(5, '0')}`,
    state: f.stateLgd,
    district: f.districtLgd,
    unit: ids.unit(f.unitKey),
    kind: f.foundKind,
    on: f.on,
    place: f.foundPlace,
    pseudonym: pseudonym('F'),
    sex: f.sex,
    age: f.ageYears,
    language: f.language,
    placement: f.placementKey ? ids.unit(f.placementKey) : null,
    cwc: f.cwcKey ? ids.unit(f.cwcKey) : null,
  }));
  const { rows: inserted } = await tx.query<{ id: string; reference: string }>(
    `WITH x AS (SELECT * FROM json_to_recordset($1) AS x(key text, reference text, state int, district int, unit uuid,
        kind text, "on" date, place text, pseudonym text, sex person_sex, age int, language text, placement uuid, cwc uuid))
     INSERT INTO found_persons (reference, state_lgd, district_lgd, registering_unit_id, found_kind, found_on,
       found_district_lgd, found_state_lgd, found_place, pseudonym, sex, age_years, age_on, language, placement_unit_id,
       placed_on, cwc_unit_id, status_changed_on, is_demo)
     SELECT reference, state, district, unit, kind, "on", district, state, place, pseudonym, sex, age, "on", language,
       placement, CASE WHEN placement IS NULL THEN NULL ELSE "on" END, cwc, "on", true FROM x
     RETURNING id, reference`,
    [JSON.stringify(rows)],
  );
  const keyOf = new Map(rows.map((r) => [r.reference, r.key]));
  const byKey = new Map(inserted.map((r) => [keyOf.get(r.reference) ?? '', r.id]));
  const identities = list.map((f) => ({
    id: byKey.get(f.key),
    name: f.name,
    father: f.fatherName,
    address: f.address,
  }));
  await tx.query(
    `INSERT INTO found_identities (found_id, name, father_name, address)
     SELECT id, name, father, address FROM json_to_recordset($1) AS x(id uuid, name text, father text, address text)`,
    [JSON.stringify(identities)],
  );
  return byKey;
}

export async function seedDemoRestoration(
  db: Database,
  options: { referenceDir: string; missing?: number },
): Promise<{ created: boolean; missing: number; found: number; candidates: number }> {
  return db.asSystem(async (tx) => {
    const existing = await tx.query('SELECT 1 FROM missing_reports WHERE is_demo LIMIT 1');
    if (existing.rowCount > 0) return { created: false, missing: 0, found: 0, candidates: 0 };
    const ids = await lookup(tx);
    const data = generateTracing(options.referenceDir, options.missing ?? DEMO_MISSING_REPORTS);
    const missing = await insertMissing(tx, ids, data.missing);
    const found = await insertFound(tx, ids, data.found);
    const outcome = await matchAll(tx);
    await seedDrive(tx, ids);
    await seedRestorations(tx, ids, data.truth, missing, found);
    await seedCare(tx, ids);
    return {
      created: true,
      missing: data.missing.length,
      found: data.found.length,
      candidates: outcome.candidates,
    };
  });
}

async function seedDrive(tx: Tx, ids: Ids): Promise<void> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO muskan_drives (name, state_lgd, starts_on, ends_on, created_by, created_by_unit_id, is_demo)
     VALUES ('Operation Muskan XII (demo)', NULL, '2026-07-01', '2026-07-31', $1, $2, true) RETURNING id`,
    [ids.user('nodal.analyst').id, ids.unit('nodal-cell')],
  );
  const drive = rows[0]?.id;
  const units = [
    'dl-north-west-ahtu',
    'dl-new-delhi-ahtu',
    'mh-mumbai-ahtu',
    'wb-kolkata-ahtu',
    'br-patna-ahtu',
  ].map((k) => ids.unit(k));
  await tx.query('INSERT INTO muskan_drive_units (drive_id, unit_id) SELECT $1, unnest($2::uuid[])', [
    drive,
    units,
  ]);
  await tx.query(
    `UPDATE found_persons SET drive_id = $1 WHERE is_demo AND found_on BETWEEN '2026-07-01' AND '2026-07-31'
       AND registering_unit_id = ANY($2::uuid[])`,
    [drive, units],
  );
}

/** Confirms some true pairs and moves their restorations along, so every stage has examples. */
async function seedRestorations(
  tx: Tx,
  ids: Ids,
  truth: [string, string][],
  missing: Map<string, string>,
  found: Map<string, string>,
): Promise<void> {
  const reviewer = ids.user('dl.newdelhi.ahtu').id;
  const stages = ['verification', 'cwc_order', 'handover', 'follow_up', 'follow_up', 'completed'] as const;
  let done = 0;
  for (const [mk, fk] of truth) {
    if (done >= 24) break;
    const { rows } = await tx.query<{
      id: string;
      missing_id: string;
      found_id: string;
      fs: number;
      fd: number;
      fu: string;
      ms: number;
      md: number;
      mu: string;
      found_on: string;
    }>(
      `SELECT c.id, c.missing_id, c.found_id, c.found_state_lgd AS fs, c.found_district_lgd AS fd, c.found_unit_id AS fu,
         c.missing_state_lgd AS ms, c.missing_district_lgd AS md, c.missing_unit_id AS mu, f.found_on::text AS found_on
       FROM match_candidates c JOIN found_persons f ON f.id = c.found_id
       WHERE c.missing_id = $1 AND c.found_id = $2 AND c.status = 'proposed' AND c.probability > 0.9
         AND f.found_on < '2026-10-01'`,
      [missing.get(mk), found.get(fk)],
    );
    const c = rows[0];
    if (!c) continue;
    const stage = stages[done % stages.length] ?? 'verification';
    done += 1;
    await tx.query(
      `UPDATE match_candidates SET status = 'confirmed', reviewed_by = $2, reviewed_at = $3::date + 20,
         review_note = 'Photo and parents named by the child agree (demo).' WHERE id = $1`,
      [c.id, reviewer, c.found_on],
    );
    await tx.query(
      `UPDATE match_candidates SET status = 'withdrawn' WHERE status = 'proposed' AND (missing_id = $1 OR found_id = $2)`,
      [c.missing_id, c.found_id],
    );
    await tx.query(
      `UPDATE missing_reports SET status = 'traced', status_changed_on = $2::date + 20 WHERE id = $1`,
      [c.missing_id, c.found_on],
    );
    const at = (days: number) => addDays(c.found_on, days);
    const past = (s: string) => stages.indexOf(stage) >= stages.indexOf(s as (typeof stages)[number]);
    const { rows: made } = await tx.query<{ id: string }>(
      `INSERT INTO restorations (candidate_id, missing_id, found_id, state_lgd, district_lgd, found_unit_id, home_state_lgd,
         home_district_lgd, home_unit_id, verification, verified_on, verification_note, cwc_order_number, cwc_order_on,
         handed_over_on, handed_over_to, escort_name, follow_up_due_on, status, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING id`,
      [
        c.id,
        c.missing_id,
        c.found_id,
        c.fs,
        c.fd,
        c.fu,
        c.ms,
        c.md,
        c.mu,
        past('cwc_order') ? 'verified' : 'pending',
        past('cwc_order') ? at(30) : null,
        past('cwc_order') ? 'Home visit: parents identified the child from the photo (demo).' : null,
        past('handover') ? `CWC/${c.fd}/2026/${100 + done}` : null,
        past('handover') ? at(40) : null,
        past('follow_up') ? at(45) : null,
        past('follow_up') ? 'Mother' : null,
        past('follow_up') ? 'Woman constable of the home district (demo)' : null,
        past('follow_up') && stage !== 'completed' ? at(135) : null,
        stage,
        reviewer,
      ],
    );
    if (past('follow_up')) {
      await tx.query(
        `INSERT INTO restoration_followups (restoration_id, state_lgd, visited_on, outcome, note) VALUES ($1, $2, $3, 'in_school', 'Back in school (demo).')`,
        [made[0]?.id, c.ms, at(75)],
      );
    }
    if (past('follow_up'))
      await tx.query(`UPDATE found_persons SET status = 'restored', status_changed_on = $2 WHERE id = $1`, [
        c.found_id,
        at(45),
      ]);
  }
}

async function seedCare(tx: Tx, ids: Ids): Promise<void> {
  const rng = new Rng(77);
  const ngo = ids.unit('ngo-delhi');
  const dlsa = ids.unit('dlsa-patna');
  const { rows } = await tx.query<{
    id: string;
    state_lgd: number;
    district_lgd: number;
    registering_unit_id: string;
    found_on: string;
  }>(
    `SELECT id, state_lgd, district_lgd, registering_unit_id, found_on::text AS found_on FROM found_persons
     WHERE is_demo AND state_lgd = 7 AND found_kind = 'rescued' ORDER BY reference LIMIT 30`,
  );
  for (const [i, f] of rows.entries()) {
    const { rows: plan } = await tx.query<{ id: string }>(
      `INSERT INTO care_plans (found_id, state_lgd, district_lgd, owner_unit_id, shelter, medical, counselling, legal_aid,
         education_skills, consent_tracing, consent_sharing, consent_given_by, consent_recorded_on, follow_up_until)
       VALUES ($1, $2, $3, $4, 'Government Children Home for Girls, Delhi', 'Health check-up done; follow-up for anaemia',
         'Weekly trauma counselling', 'Victim compensation application through DLSA', 'Bridge school, then tailoring course',
         true, $5, 'cwc', $6, $6::date + 365) RETURNING id`,
      [f.id, f.state_lgd, f.district_lgd, f.registering_unit_id, i % 3 !== 0, f.found_on],
    );
    const planId = plan[0]?.id;
    const status = i % 10 === 9 ? 'declined' : i % 5 === 4 ? 'sent' : 'accepted';
    await tx.query(
      `INSERT INTO care_referrals (plan_id, found_id, state_lgd, from_unit_id, to_unit_id, services, status, decline_reason, responded_at)
       VALUES ($1, $2, $3, $4, $5, '{counselling,education}', $6, $7, CASE WHEN $6 = 'sent' THEN NULL ELSE now() END)`,
      [
        planId,
        f.id,
        f.state_lgd,
        f.registering_unit_id,
        ngo,
        status,
        status === 'declined' ? 'No place for another girl this month (demo).' : null,
      ],
    );
    if (status !== 'accepted') continue;
    const event = (kind: string, days: number, extra: Record<string, unknown>) =>
      tx.query(
        `INSERT INTO care_events (plan_id, found_id, state_lgd, kind, occurred_on, service_kind, compensation_stage, amount_inr,
           authority_unit_id, risk_level, risk_flags, note, recorded_by_unit_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          planId,
          f.id,
          f.state_lgd,
          kind,
          addDays(f.found_on, days),
          extra.service ?? null,
          extra.stage ?? null,
          extra.amount ?? null,
          extra.stage ? dlsa : null,
          extra.risk ?? null,
          extra.flags ?? [],
          extra.note ?? null,
          extra.byNgo ? ngo : f.registering_unit_id,
        ],
      );
    await event('service', 7, {
      service: 'counselling',
      byNgo: true,
      note: 'First counselling session (demo).',
    });
    await event('compensation', 20, { stage: 'applied', amount: 200000 });
    if (rng.chance(0.5)) await event('compensation', 80, { stage: 'sanctioned', amount: 150000 });
    await event('follow_up', 120, {
      risk: rng.pick(['low', 'low', 'medium', 'high']),
      flags: rng.chance(0.3) ? ['plans_to_migrate'] : [],
      byNgo: true,
      note: 'Home visit (demo).',
    });
  }
}
