import { Type, type Static } from '@fastify/type-provider-typebox';
import { Conditions, likePattern } from '../../db/sql.ts';
import type { RequestScope } from '../../server/access.ts';
import { AppError, notFound } from '../../server/errors.ts';

export const UNIT_KINDS = [
  'nodal_cell',
  'state_nodal_office',
  'ahtu',
  'police_station',
  'border_unit',
  'railway_post',
  'ngo',
  'shelter_home',
  'cwc',
  'dlsa',
  'prosecution',
  'court',
  'training_institute',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UnitView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  nameHi: Type.Union([Type.String(), Type.Null()]),
  level: Type.String(),
  stateLgd: Type.Union([Type.Integer(), Type.Null()]),
  stateName: Type.Union([Type.String(), Type.Null()]),
  districtLgd: Type.Union([Type.Integer(), Type.Null()]),
  districtName: Type.Union([Type.String(), Type.Null()]),
  parentUnitId: Type.Union([Type.String(), Type.Null()]),
  force: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
});
export type UnitView = Static<typeof UnitView>;

interface UnitRow {
  id: string;
  kind: string;
  name: string;
  name_hi: string | null;
  level: string;
  state_lgd: number | null;
  state_name: string | null;
  district_lgd: number | null;
  district_name: string | null;
  parent_unit_id: string | null;
  force: string | null;
  phone: string | null;
  email: string | null;
}

const SELECT_UNIT = `SELECT un.id, un.kind, un.name, un.name_hi, un.level, un.state_lgd, s.name AS state_name,
  un.district_lgd, d.name AS district_name, un.parent_unit_id, un.force, un.phone, un.email
  FROM units un LEFT JOIN states s ON s.lgd_code = un.state_lgd LEFT JOIN districts d ON d.lgd_code = un.district_lgd`;

function present(row: UnitRow): UnitView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    nameHi: row.name_hi,
    level: row.level,
    stateLgd: row.state_lgd,
    stateName: row.state_name,
    districtLgd: row.district_lgd,
    districtName: row.district_name,
    parentUnitId: row.parent_unit_id,
    force: row.force,
    phone: row.phone,
    email: row.email,
  };
}

export async function listUnits(
  scope: RequestScope,
  query: { kind?: UnitKind; state?: number; district?: number; q?: string; limit?: number; offset?: number },
): Promise<{ items: UnitView[]; total: number }> {
  const filter = new Conditions();
  if (query.kind) filter.add((p) => `un.kind = ${p}`, query.kind);
  if (query.state !== undefined) filter.add((p) => `un.state_lgd = ${p}`, query.state);
  if (query.district !== undefined) filter.add((p) => `un.district_lgd = ${p}`, query.district);
  if (query.q)
    filter.add(
      (p) => `(lower(un.name) LIKE ${p} OR un.name_hi LIKE ${p})`,
      likePattern(query.q.toLowerCase()),
    );
  const total = await scope.tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM units un ${filter.where}`,
    filter.params,
  );
  const page = filter.page(query.limit ?? 50, query.offset ?? 0);
  const { rows } = await scope.tx.query<UnitRow>(
    `${SELECT_UNIT} ${filter.where} ORDER BY un.level, s.name NULLS FIRST, d.name NULLS FIRST, un.name ${page.sql}`,
    page.params,
  );
  return { items: rows.map(present), total: total.rows[0]?.n ?? 0 };
}

export async function getUnit(scope: RequestScope, id: string): Promise<UnitView> {
  const { rows } = await scope.tx.query<UnitRow>(`${SELECT_UNIT} WHERE un.id = $1`, [id]);
  const row = rows[0];
  if (!row) throw notFound('The unit');
  return present(row);
}

export interface UnitInput {
  kind: UnitKind;
  name: string;
  nameHi?: string;
  stateLgd?: number;
  districtLgd?: number;
  parentUnitId?: string;
  force?: string;
  phone?: string;
  email?: string;
}

export async function createUnit(scope: RequestScope, input: UnitInput): Promise<UnitView> {
  if (input.districtLgd !== undefined) {
    const district = await scope.tx.query<{ state_lgd: number }>(
      'SELECT state_lgd FROM districts WHERE lgd_code = $1',
      [input.districtLgd],
    );
    const state = district.rows[0]?.state_lgd;
    if (state === undefined)
      throw new AppError(
        422,
        'unknown_reference',
        `There is no district with LGD code ${input.districtLgd}.`,
      );
    if (input.stateLgd !== undefined && input.stateLgd !== state) {
      throw new AppError(
        400,
        'bad_request',
        `District ${input.districtLgd} lies in State ${state}, not ${input.stateLgd}.`,
      );
    }
    input = { ...input, stateLgd: state };
  }
  const level =
    input.districtLgd !== undefined ? 'district' : input.stateLgd !== undefined ? 'state' : 'national';
  const { rows } = await scope.tx.query<{ id: string }>(
    `INSERT INTO units (kind, name, name_hi, level, state_lgd, district_lgd, parent_unit_id, force, phone, email)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      input.kind,
      input.name,
      input.nameHi ?? null,
      level,
      input.stateLgd ?? null,
      input.districtLgd ?? null,
      input.parentUnitId ?? null,
      input.force ?? null,
      input.phone ?? null,
      input.email ?? null,
    ],
  );
  const id = rows[0]?.id ?? '';
  await scope.audit({
    action: 'unit.create',
    objectType: 'unit',
    objectId: id,
    details: { kind: input.kind, level },
  });
  return getUnit(scope, id);
}

export async function updateUnit(
  scope: RequestScope,
  id: string,
  input: {
    name?: string;
    nameHi?: string | null;
    parentUnitId?: string | null;
    force?: string | null;
    phone?: string | null;
    email?: string | null;
  },
): Promise<UnitView> {
  await getUnit(scope, id);
  const columns: Record<string, string> = {
    name: 'name',
    nameHi: 'name_hi',
    parentUnitId: 'parent_unit_id',
    force: 'force',
    phone: 'phone',
    email: 'email',
  };
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [key, column] of Object.entries(columns)) {
    const value = (input as Record<string, unknown>)[key];
    if (value === undefined) continue;
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  const result = await scope.tx.query(`UPDATE units SET ${sets.join(', ')} WHERE id = $1`, params);
  if (result.rowCount === 0)
    throw new AppError(403, 'forbidden', 'This unit is outside the jurisdiction you administer.');
  await scope.audit({
    action: 'unit.update',
    objectType: 'unit',
    objectId: id,
    details: { changed: Object.keys(input) },
  });
  return getUnit(scope, id);
}
