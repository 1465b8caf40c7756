import type { Database, Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/service.ts';
import { hashPassword } from '../auth/passwords.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_UNITS, type DemoAccount, type DemoUnit } from './units.ts';

export interface DemoSeedSummary {
  units: number;
  accounts: number;
  newAccounts: number;
}

/**
 * Builds the synthetic units and accounts. Idempotent: units and accounts are matched by name and
 * username, so a second run changes nothing and keeps passwords already set.
 * Requires the reference geography (States and districts) to be imported first.
 */
export async function seedDemo(db: Database): Promise<DemoSeedSummary> {
  const existing = await db.asSystem((tx) =>
    tx.query<{ username: string }>('SELECT lower(username) AS username FROM users WHERE is_demo'),
  );
  const known = new Set(existing.rows.map((row) => row.username));
  const units = await db.asSystem((tx) =>
    tx.query<{ n: number }>('SELECT count(*)::int AS n FROM units WHERE is_demo'),
  );
  // Already complete: skip the argon2 hash and the upserts, which would otherwise slow every start.
  if (DEMO_ACCOUNTS.every((a) => known.has(a.username)) && units.rows[0]?.n === DEMO_UNITS.length) {
    return { units: DEMO_UNITS.length, accounts: DEMO_ACCOUNTS.length, newAccounts: 0 };
  }
  // Hash outside the transaction: argon2 is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return db.asSystem(async (tx) => {
    const states = await tx.query<{ lgd_code: number }>('SELECT lgd_code FROM states');
    if (states.rows.length === 0) {
      throw new Error('the reference geography is not loaded: run `setu reference import` first');
    }
    const unitIds = new Map<string, string>();
    for (const unit of DEMO_UNITS) unitIds.set(unit.key, await upsertUnit(tx, unit));
    for (const unit of DEMO_UNITS) {
      if (!unit.parent) continue;
      await tx.query('UPDATE units SET parent_unit_id = $2 WHERE id = $1', [
        unitIds.get(unit.key),
        unitIds.get(unit.parent),
      ]);
    }
    let newAccounts = 0;
    for (const account of DEMO_ACCOUNTS) {
      const unitId = unitIds.get(account.unit);
      if (!unitId) throw new Error(`demo account ${account.username} names an unknown unit ${account.unit}`);
      if (!known.has(account.username)) newAccounts += 1;
      await upsertAccount(tx, account, unitId, passwordHash);
    }
    await appendAudit(
      tx,
      { username: 'setu demo seed' },
      {
        action: 'demo.seed',
        details: { units: DEMO_UNITS.length, accounts: DEMO_ACCOUNTS.length, newAccounts },
      },
    );
    return { units: DEMO_UNITS.length, accounts: DEMO_ACCOUNTS.length, newAccounts };
  });
}

async function upsertUnit(tx: Tx, unit: DemoUnit): Promise<string> {
  const level = unit.district !== undefined ? 'district' : unit.state !== undefined ? 'state' : 'national';
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO units (kind, name, name_hi, level, state_lgd, district_lgd, force, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, true)
     ON CONFLICT (kind, name, coalesce(state_lgd, 0), coalesce(district_lgd, 0))
     DO UPDATE SET name_hi = EXCLUDED.name_hi, force = EXCLUDED.force
     RETURNING id`,
    [
      unit.kind,
      unit.name,
      unit.nameHi ?? null,
      level,
      unit.state ?? null,
      unit.district ?? null,
      unit.force ?? null,
    ],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error(`could not create demo unit ${unit.name}`);
  return id;
}

async function upsertAccount(
  tx: Tx,
  account: DemoAccount,
  unitId: string,
  passwordHash: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO users (username, display_name, role, unit_id, password_hash, is_demo)
     VALUES ($1, $2, $3, $4, $5, true)
     ON CONFLICT (lower(username)) DO UPDATE
       SET display_name = EXCLUDED.display_name, role = EXCLUDED.role, unit_id = EXCLUDED.unit_id
       WHERE users.is_demo`,
    [account.username, account.displayName, account.role, unitId, passwordHash],
  );
}

export interface DemoAccountListing {
  username: string;
  password: string;
  role: string;
  unit: string;
  state: string | null;
  district: string | null;
}

/** The demo accounts as `setu demo users --json` prints them. */
export async function listDemoAccounts(db: Database): Promise<DemoAccountListing[]> {
  const { rows } = await db.asSystem((tx) =>
    tx.query<{ username: string; role: string; unit: string; state: string | null; district: string | null }>(
      `SELECT u.username, u.role::text AS role, un.name AS unit, s.name AS state, d.name AS district
       FROM users u JOIN units un ON un.id = u.unit_id
       LEFT JOIN states s ON s.lgd_code = un.state_lgd
       LEFT JOIN districts d ON d.lgd_code = un.district_lgd
       WHERE u.is_demo ORDER BY un.level, s.name NULLS FIRST, u.username`,
    ),
  );
  return rows.map((row) => ({ ...row, password: DEMO_PASSWORD }));
}
