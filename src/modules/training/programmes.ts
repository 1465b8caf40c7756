/** Training programmes: the curricula sessions are held under (Training of Trainers, induction, refresher, specialised). */
import type { RequestScope } from '../../server/access.ts';
import { AppError, forbidden, notFound } from '../../server/errors.ts';
import type { ProgrammeInput, ProgrammeView } from './schemas.ts';

interface ProgrammeRow {
  id: string;
  kind: string;
  title: string;
  description: string | null;
  state_lgd: number | null;
  state_name: string | null;
  sessions: number;
  created_at: string | Date;
}

const SELECT_PROGRAMME = `SELECT p.id, p.kind::text AS kind, p.title, p.description, p.state_lgd, s.name AS state_name,
  (SELECT count(*)::int FROM training_sessions x WHERE x.programme_id = p.id) AS sessions, p.created_at
  FROM training_programmes p LEFT JOIN states s ON s.lgd_code = p.state_lgd`;

const present = (row: ProgrammeRow): ProgrammeView => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  description: row.description,
  stateLgd: row.state_lgd,
  stateName: row.state_name,
  sessions: row.sessions,
  createdAt: new Date(row.created_at).toISOString(),
});

export async function listProgrammes(scope: RequestScope): Promise<{ items: ProgrammeView[] }> {
  const { rows } = await scope.tx.query<ProgrammeRow>(
    `${SELECT_PROGRAMME} ORDER BY p.state_lgd NULLS FIRST, p.kind, p.title`,
  );
  return { items: rows.map(present) };
}

export async function getProgramme(scope: RequestScope, id: string): Promise<ProgrammeView> {
  const { rows } = await scope.tx.query<ProgrammeRow>(`${SELECT_PROGRAMME} WHERE p.id = $1`, [id]);
  if (!rows[0]) throw notFound('The training programme');
  return present(rows[0]);
}

export async function createProgramme(scope: RequestScope, input: ProgrammeInput): Promise<string> {
  const { actor, tx } = scope;
  // A national programme is the Nodal Cell's; anyone else's programme belongs to their State.
  const state =
    input.stateLgd === undefined ? (actor.level === 'national' ? null : actor.stateLgd) : input.stateLgd;
  if (actor.level !== 'national' && state !== actor.stateLgd)
    throw forbidden(
      'You can create programmes for your own State only; national programmes are the Nodal Cell’s.',
    );
  if (state !== null) {
    const known = await tx.query('SELECT 1 FROM states WHERE lgd_code = $1', [state]);
    if (known.rowCount === 0)
      throw new AppError(422, 'unknown_reference', `No State has LGD code ${state}.`, { field: 'stateLgd' });
  }
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO training_programmes (kind, title, description, state_lgd, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [input.kind, input.title, input.description ?? null, state, actor.userId],
  );
  const id = rows[0]?.id ?? '';
  await scope.audit({ action: 'training.programme_create', objectType: 'training_programme', objectId: id });
  return id;
}
