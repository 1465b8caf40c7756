/** Demo accounts as Actors, so capacity demo data goes through the real services under Row-Level Security. */
import type { Database } from '../../db/database.ts';
import type { Actor, RequestScope } from '../../server/access.ts';
import { appendAudit } from '../audit/service.ts';

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

export async function demoActors(db: Database): Promise<(username: string) => Actor> {
  const { rows } = await db.asSystem((tx) =>
    tx.query<ActorRow>(
      `SELECT u.id, u.username, u.display_name, u.role, u.unit_id, un.name AS unit_name, un.level, un.state_lgd, un.district_lgd
       FROM users u JOIN units un ON un.id = u.unit_id WHERE u.is_demo`,
    ),
  );
  const actors = new Map(
    rows.map((row): [string, Actor] => [
      row.username,
      {
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
      },
    ]),
  );
  return (username) => {
    const actor = actors.get(username);
    if (!actor) throw new Error(`demo account ${username} is missing: run seedDemo first`);
    return actor;
  };
}

/** Runs fn as the actor in one transaction, like a request would. */
export function asDemo<T>(db: Database, actor: Actor, fn: (scope: RequestScope) => Promise<T>): Promise<T> {
  return db.asActor({ userId: actor.userId }, (tx) =>
    fn({ actor, tx, audit: (entry) => appendAudit(tx, { actor }, entry) }),
  );
}

export async function demoUnitIds(db: Database): Promise<Map<string, string>> {
  const { rows } = await db.asSystem((tx) =>
    tx.query<{ id: string; name: string }>('SELECT id, name FROM units WHERE is_demo'),
  );
  return new Map(rows.map((r) => [r.name, r.id]));
}
