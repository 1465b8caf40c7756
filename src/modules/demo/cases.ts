/**
 * Several hundred synthetic trafficking cases for demo mode, registered through the real cases service
 * as the registering unit's demo officer, so reference numbers, derived flags, deadlines, Row-Level
 * Security and the audit trail are exactly what a real registration produces. Idempotent: nothing is
 * added once demo cases exist. Needs the reference data and seedDemo() first.
 */
import type { Database, Tx } from '../../db/database.ts';
import type { Actor, RequestScope } from '../../server/access.ts';
import { appendAudit } from '../audit/service.ts';
import { changeStatus, createCase } from '../cases/service.ts';
import { CORRIDORS, type Place } from './case-corridors.ts';
import { readNcrbPurposes } from './case-mix.ts';
import { loadNameBook } from './case-names.ts';
import { planDemoCases, type CasePlan, type PlaceInfo, type PlanContext } from './case-plan.ts';
import { DEMO_ACCOUNTS, DEMO_UNITS } from './units.ts';

export interface DemoCasesOptions {
  count?: number;
  seed?: number;
  referenceDir?: string;
}

export interface DemoCasesSummary {
  cases: number;
  persons: number;
  skipped: boolean;
}

export const DEMO_CASE_COUNT = 600;
export const DEMO_CASE_SEED = 20_181_122;
/** Cases per system transaction that marks them as demo data and records the linkage ground truth. */
const BATCH = 50;

const COUNTRY_NAMES: Record<string, string> = { NP: 'Nepal', BD: 'Bangladesh' };

// Station names in the reference data are upper case ("PATNA JN"); titles read better in title case.
const titleCase = (name: string) =>
  name === name.toUpperCase() ? name.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase()) : name;

async function loadPlaces(tx: Tx): Promise<Map<Place, PlaceInfo>> {
  const wanted = new Set(
    CORRIDORS.flatMap((c) => [
      ...c.sources,
      ...c.via.flat(),
      ...(c.destinations === 'same' ? [] : c.destinations),
    ]),
  );
  const codes = (prefix: string) => [...wanted].filter((p) => p.startsWith(prefix)).map((p) => p.slice(2));
  type Row = { code: string; name: string; state_lgd: number | null; district_lgd: number | null };
  const lookups: [string, string][] = [
    [
      'd:',
      'SELECT lgd_code::text AS code, name, state_lgd, lgd_code AS district_lgd FROM districts WHERE lgd_code::text = ANY($1)',
    ],
    ['s:', 'SELECT code, name, state_lgd, district_lgd FROM railway_stations WHERE code = ANY($1)'],
    [
      'b:',
      'SELECT locode AS code, name, state_lgd, district_lgd FROM border_crossings WHERE locode = ANY($1)',
    ],
  ];
  const places = new Map<Place, PlaceInfo>();
  for (const [prefix, sql] of lookups) {
    const { rows } = await tx.query<Row>(sql, [codes(prefix)]);
    for (const row of rows)
      places.set(`${prefix}${row.code}`, {
        name: titleCase(row.name),
        stateLgd: row.state_lgd,
        districtLgd: row.district_lgd,
      });
  }
  for (const code of codes('c:'))
    places.set(`c:${code}`, { name: COUNTRY_NAMES[code] ?? code, stateLgd: null, districtLgd: null });
  return places;
}

/** What planning needs from the database and the reference files. */
export async function loadDemoPlanContext(db: Database, referenceDir: string): Promise<PlanContext> {
  const ahtus = new Map<number, string>();
  const ahtuState = new Map<string, number>();
  for (const unit of DEMO_UNITS) {
    if (unit.kind !== 'ahtu' || unit.district === undefined || unit.state === undefined) continue;
    ahtus.set(unit.district, unit.key);
    ahtuState.set(unit.key, unit.state);
  }
  return db.asSystem(async (tx) => {
    const sections = await tx.query<{ code: string; days: number }>(
      'SELECT code, charge_sheet_days AS days FROM legal_sections',
    );
    return {
      places: await loadPlaces(tx),
      ahtus,
      ahtuState,
      sectionDays: new Map(sections.rows.map((row) => [row.code, row.days])),
      book: loadNameBook(referenceDir),
      ncrb: readNcrbPurposes(referenceDir),
      today: new Date().toISOString().slice(0, 10),
    };
  });
}

interface ActorRow {
  id: string;
  username: string;
  display_name: string;
  role: Actor['role'];
  unit_id: string;
  unit_name: string;
  level: Actor['level'];
  state_lgd: number | null;
  district_lgd: number | null;
}

/** The demo units by key, and for each AHTU the account that registers its cases. */
async function loadRegistrars(db: Database) {
  return db.asSystem(async (tx) => {
    const units = await tx.query<{ id: string; name: string }>('SELECT id, name FROM units WHERE is_demo');
    const unitIds = new Map(units.rows.map((row) => [row.name, row.id]));
    const unitId = (key: string) => unitIds.get(DEMO_UNITS.find((u) => u.key === key)?.name ?? '');
    const actors = new Map<string, Actor>();
    const actorFor = async (username: string): Promise<Actor> => {
      const cached = actors.get(username);
      if (cached) return cached;
      const { rows } = await tx.query<ActorRow>(
        `SELECT u.id, u.username, u.display_name, u.role, u.unit_id, un.name AS unit_name, un.level, un.state_lgd, un.district_lgd
         FROM users u JOIN units un ON un.id = u.unit_id WHERE u.username = $1 AND u.is_demo`,
        [username],
      );
      const row = rows[0];
      if (!row) throw new Error(`demo account ${username} is missing: run the demo seed (seedDemo) first`);
      const actor: Actor = {
        userId: row.id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        unitId: row.unit_id,
        unitName: row.unit_name,
        level: row.level,
        stateLgd: row.state_lgd,
        districtLgd: row.district_lgd,
        via: 'session',
        mfaPassed: true,
        mfaEnrolled: false,
      };
      actors.set(username, actor);
      return actor;
    };
    const registrars = new Map<string, { actor: Actor; unitId: string; stationId: string | null }>();
    for (const unit of DEMO_UNITS.filter((u) => u.kind === 'ahtu')) {
      // AHTUs without a demo officer register through their State nodal officer, as the service allows.
      const own = DEMO_ACCOUNTS.find((a) => a.unit === unit.key && a.role === 'district_officer');
      const nodal = DEMO_ACCOUNTS.find((a) => a.unit === unit.parent && a.role === 'state_nodal_officer');
      const account = own ?? nodal;
      const id = unitId(unit.key);
      if (!account || !id)
        throw new Error(`demo unit ${unit.key} or its officer is missing: run seedDemo first`);
      registrars.set(unit.key, {
        actor: await actorFor(account.username),
        unitId: id,
        stationId: unitId(unit.key.replace(/-ahtu$/, '-ps')) ?? null,
      });
    }
    return registrars;
  });
}

/** Registers one planned case and walks it through its lifecycle, as its officer would over the years. */
async function registerCase(
  db: Database,
  plan: CasePlan,
  registrar: { actor: Actor; unitId: string; stationId: string | null },
  index: number,
): Promise<string> {
  const { actor } = registrar;
  const ownOfficer = actor.role === 'district_officer' && index % 3 === 0;
  return db.asActor({ userId: actor.userId }, async (tx) => {
    const scope: RequestScope = { actor, tx, audit: (entry) => appendAudit(tx, { actor }, entry) };
    const caseId = await createCase(scope, {
      ...plan.input,
      registeringUnitId: registrar.unitId,
      ...(plan.policeStationName
        ? { policeStationName: plan.policeStationName }
        : { policeStationUnitId: registrar.stationId }),
      ...(ownOfficer
        ? { investigatingOfficerId: actor.userId }
        : { investigatingOfficerName: plan.investigatingOfficerName }),
      persons: plan.persons.map((p) => p.input),
    });
    for (const step of plan.statuses) await changeStatus(scope, caseId, step);
    return caseId;
  });
}

export async function seedDemoCases(db: Database, options: DemoCasesOptions = {}): Promise<DemoCasesSummary> {
  const existing = await db.asSystem((tx) => tx.query('SELECT 1 FROM cases WHERE is_demo LIMIT 1'));
  if (existing.rowCount > 0) return { cases: 0, persons: 0, skipped: true };
  const referenceDir = options.referenceDir ?? process.env.SETU_REFERENCE_DIR ?? '../shared/data';
  const ctx = await loadDemoPlanContext(db, referenceDir);
  const registrars = await loadRegistrars(db);
  const plans = planDemoCases(ctx, options.count ?? DEMO_CASE_COUNT, options.seed ?? DEMO_CASE_SEED);
  let persons = 0;
  for (let start = 0; start < plans.length; start += BATCH) {
    const batch = plans.slice(start, start + BATCH);
    const ids: string[] = [];
    for (const [offset, plan] of batch.entries()) {
      const registrar = registrars.get(plan.unitKey);
      if (!registrar) throw new Error(`no registrar for demo unit ${plan.unitKey}`);
      ids.push(await registerCase(db, plan, registrar, start + offset));
    }
    // Names are unique within a planned case, so (case, recorded name) finds each person's row.
    const truth = batch.flatMap((plan, i) =>
      plan.persons.map((p) => ({ caseId: ids[i] ?? '', name: p.input.name, key: p.identityKey })),
    );
    await db.asSystem(async (tx) => {
      await tx.query('UPDATE cases SET is_demo = true WHERE id = ANY($1::uuid[])', [ids]);
      const inserted = await tx.query(
        `INSERT INTO demo_truth (person_id, case_id, identity_key, role)
         SELECT i.person_id, i.case_id, t.identity_key, p.role
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t (case_id, name, identity_key)
         JOIN person_identities i ON i.case_id = t.case_id AND i.name = t.name
         JOIN case_persons p ON p.id = i.person_id`,
        [truth.map((t) => t.caseId), truth.map((t) => t.name), truth.map((t) => t.key)],
      );
      if (inserted.rowCount !== truth.length)
        throw new Error(`demo truth: ${inserted.rowCount} of ${truth.length} persons matched their records`);
    });
    persons += truth.length;
  }
  await db.asSystem((tx) =>
    appendAudit(
      tx,
      { username: 'setu demo seed' },
      { action: 'demo.seed_cases', details: { cases: plans.length, persons } },
    ),
  );
  return { cases: plans.length, persons, skipped: false };
}

/** Groups of demo person records that are truly the same person (for linkage tests and benchmarks). */
export async function demoTruthClusters(db: Database): Promise<string[][]> {
  const { rows } = await db.asSystem((tx) =>
    tx.query<{ persons: string[] }>(
      `SELECT array_agg(person_id::text ORDER BY person_id) AS persons FROM demo_truth
       GROUP BY identity_key HAVING count(*) > 1 ORDER BY identity_key`,
    ),
  );
  return rows.map((row) => row.persons);
}
