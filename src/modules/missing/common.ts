/** What missing reports and found persons share: references, pseudonyms, places, identities and reveal. */
import type { Tx } from '../../db/database.ts';
import type { RequestScope } from '../../server/access.ts';
import { AppError, badRequest, notFound } from '../../server/errors.ts';
import type { PlaceView, TracingIdentityView } from './schemas.ts';

export type Side = 'missing' | 'found';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * A pseudonym like M-7KQ2XH (missing) or F-3HT9AB (found), derived from the reference's number (one
 * sequence for both sides) through a bijection on 30-bit numbers, so no two records ever share one. A random
 * draw collided within a few thousand records, and checking for a clash would need rows RLS hides.
 */
export function newPseudonym(side: Side, reference: string): string {
  const n = BigInt(reference.slice(reference.lastIndexOf('-') + 1));
  // An odd multiplier is invertible modulo 2^30; the xor keeps the result within 30 bits.
  let x = Number((n * 0x2f0b5a3dn) & 0x3fffffffn) ^ 0x15a3c96e;
  let chars = '';
  for (let i = 0; i < 6; i += 1) {
    chars = `${ALPHABET.charAt(x & 31)}${chars}`;
    x >>>= 5;
  }
  return `${side === 'missing' ? 'M' : 'F'}-${chars}`;
}

/** A reference like MP-JH-2026-000123 or FP-DL-2026-000045. */
export async function newReference(tx: Tx, side: Side, stateLgd: number, year: number): Promise<string> {
  const { rows } = await tx.query<{ n: string }>(`SELECT nextval('tracing_number_seq')::text AS n`);
  const n = (rows[0]?.n ?? '0').padStart(6, '0');
  return `${side === 'missing' ? 'MP' : 'FP'}-${String(stateLgd).padStart(2, '0')}-${year}-${n}`;
}

export interface PlaceRow {
  district_lgd: number;
  district_name: string;
  state_lgd: number;
  state_name: string;
}

export async function resolveDistrict(tx: Tx, lgd: number, field: string): Promise<PlaceRow> {
  const { rows } = await tx.query<PlaceRow>(
    `SELECT d.lgd_code AS district_lgd, d.name AS district_name, s.lgd_code AS state_lgd, s.name AS state_name
     FROM districts d JOIN states s ON s.lgd_code = d.state_lgd WHERE d.lgd_code = $1`,
    [lgd],
  );
  const row = rows[0];
  if (!row)
    throw new AppError(422, 'unknown_reference', `No district with LGD code ${lgd} is known.`, { field });
  return row;
}

export const placeOf = (
  district: number,
  districtName: string | null,
  state: number,
  stateName: string | null,
): PlaceView => ({
  districtLgd: district,
  districtName: districtName ?? String(district),
  stateLgd: state,
  stateName: stateName ?? String(state),
});

/** The actor's unit as the registering unit: it must be a district unit or a State office. */
export async function actorUnit(
  scope: RequestScope,
): Promise<{ id: string; state_lgd: number | null; district_lgd: number | null }> {
  const { rows } = await scope.tx.query<{
    id: string;
    state_lgd: number | null;
    district_lgd: number | null;
  }>('SELECT id, state_lgd, district_lgd FROM units WHERE id = $1', [scope.actor.unitId]);
  const unit = rows[0];
  if (!unit?.state_lgd)
    throw new AppError(403, 'forbidden', 'Only a State or district unit registers these records.');
  return unit;
}

export async function requireUnit(tx: Tx, id: string | null | undefined, field: string, kinds?: string[]) {
  if (!id) return null;
  const { rows } = await tx.query<{ id: string; kind: string; name: string }>(
    'SELECT id, kind, name FROM units WHERE id = $1',
    [id],
  );
  const unit = rows[0];
  if (!unit)
    throw new AppError(422, 'unknown_reference', 'That unit does not exist; pick one from the list.', {
      field,
    });
  if (kinds && !kinds.includes(unit.kind))
    throw badRequest(
      `That unit is a ${unit.kind.replaceAll('_', ' ')}; pick a ${kinds.join(' or ').replaceAll('_', ' ')}.`,
      {
        field,
      },
    );
  return unit;
}

export interface IdentityInput {
  name?: string | null;
  aliases?: string[];
  dateOfBirth?: string | null;
  fatherName?: string | null;
  motherName?: string | null;
  address?: string | null;
  phones?: string[];
  photo?: { contentType: string; base64: string } | null;
}

export function photoBytes(photo: IdentityInput['photo']): Buffer | null {
  if (!photo) return null;
  const bytes = Buffer.from(photo.base64, 'base64');
  if (bytes.length === 0) throw badRequest('The photo is empty or not base64.', { field: 'photo' });
  if (bytes.length > 512 * 1024)
    throw badRequest('The photo is larger than 512 KB; send a smaller one.', { field: 'photo' });
  return bytes;
}

interface IdentityRow {
  name: string | null;
  aliases: string[];
  date_of_birth: string | null;
  father_name: string | null;
  mother_name: string | null;
  address: string | null;
  phones: string[];
  photo_content_type: string | null;
  photo: Uint8Array | null;
}

/** Reveals identity through the database function, which checks need-to-know and audits the view. */
export async function revealTracingIdentity(
  scope: RequestScope,
  side: Side,
  id: string,
  reason: string | undefined,
  clientIp: string,
): Promise<TracingIdentityView> {
  let rows: IdentityRow[];
  try {
    ({ rows } = await scope.tx.query<IdentityRow>(
      `SELECT name, aliases, date_of_birth::text AS date_of_birth, father_name, mother_name, address, phones,
         photo_content_type, photo FROM reveal_tracing_identity($1, $2, $3, $4)`,
      [side, id, reason ?? null, clientIp],
    ));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'P0002')
      throw notFound(side === 'missing' ? 'The missing-person report' : 'The found person');
    if (code === '42501')
      throw new AppError(
        403,
        'identity_not_authorised',
        'Only the registering unit, its jurisdiction, the other side of a match and units the person was referred to may see this identity.',
      );
    if (code === '22023')
      throw badRequest('State why you need to see this identity (at least 5 characters).', {
        field: 'reason',
      });
    throw error;
  }
  const row = rows[0];
  if (!row) throw notFound('The identity record');
  return {
    name: row.name,
    aliases: row.aliases,
    dateOfBirth: row.date_of_birth,
    fatherName: row.father_name,
    motherName: row.mother_name,
    address: row.address,
    phones: row.phones,
    photo:
      row.photo && row.photo_content_type
        ? `data:${row.photo_content_type};base64,${Buffer.from(row.photo).toString('base64')}`
        : null,
  };
}

export const isoToday = () => new Date().toISOString().slice(0, 10);

export function notInFuture(date: string | null | undefined, field: string): void {
  if (date && date > isoToday()) throw badRequest(`${field} cannot be in the future.`, { field });
}

/** Whether the actor may change a record: mirrors the UPDATE policies, so the web app offers only what works. */
export const canEditSql = (alias: string) =>
  `(app_tracing_writer() AND (app_in_jurisdiction(${alias}.state_lgd, ${alias}.district_lgd)
    OR ${alias}.registering_unit_id = app_user_unit())) AS can_edit`;

/** A list of missing reports or found persons: the table, its SELECT and how a row becomes a view. */
export interface TracingList<Row, View> {
  table: 'missing_reports' | 'found_persons';
  alias: string;
  select: string;
  /** Newest first, the reference breaking ties so pages do not overlap. */
  orderBy: string;
  present: (row: Row) => View;
}

/** A filter on one column of the listed table; an LGD filter names the query field an unknown code came from. */
export interface ListFilter {
  column: string;
  value: string | number | undefined;
  district?: string;
}

/**
 * One page of a tracing list. RLS decides what the actor sees; the filters only narrow it, so a district
 * outside the actor's jurisdiction lists nothing rather than being refused. An LGD code that names no
 * district at all is refused (422), so a mistyped link does not look like an empty district.
 */
export async function listTracing<Row extends object, View>(
  scope: RequestScope,
  list: TracingList<Row, View>,
  filters: ListFilter[],
  query: { q?: string; limit?: number; offset?: number },
): Promise<{ items: View[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const filter of filters) {
    if (filter.value === undefined || filter.value === '') continue;
    if (filter.district && typeof filter.value === 'number')
      await resolveDistrict(scope.tx, filter.value, filter.district);
    params.push(filter.value);
    where.push(`${list.alias}.${filter.column} = $${params.length}`);
  }
  if (query.q) {
    params.push(`%${query.q.toLowerCase()}%`);
    const p = `$${params.length}`;
    where.push(`(lower(${list.alias}.reference) LIKE ${p} OR lower(${list.alias}.pseudonym) LIKE ${p})`);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = await scope.tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${list.table} ${list.alias} ${clause}`,
    params,
  );
  params.push(query.limit ?? 50, query.offset ?? 0);
  const { rows } = await scope.tx.query<Row>(
    `${list.select} ${clause} ORDER BY ${list.orderBy} LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { items: rows.map(list.present), total: total.rows[0]?.n ?? 0 };
}

/** The columns both SELECTs name alike, for the fields both views share. */
export interface CommonRow {
  id: string;
  reference: string;
  pseudonym: string;
  sex: string;
  age_years: number | null;
  age_on: string | null;
  language: string | null;
  state_lgd: number;
  state_name: string | null;
  district_lgd: number;
  district_name: string | null;
  registering_unit_id: string;
  unit_name: string;
  version: number;
  open_candidates: number;
  confirmed_candidate: string | null;
  confirmed_other: string | null;
  confirmed_reference: string | null;
  can_edit: boolean;
}

export function presentCommon(row: CommonRow) {
  return {
    id: row.id,
    reference: row.reference,
    pseudonym: row.pseudonym,
    identityMasked: true as const,
    sex: row.sex,
    ageYears: row.age_years,
    ageOn: row.age_on,
    isChild: row.age_years === null ? null : row.age_years < 18,
    language: row.language,
    registeredIn: placeOf(row.district_lgd, row.district_name, row.state_lgd, row.state_name),
    registeringUnit: { id: row.registering_unit_id, name: row.unit_name },
    openCandidates: row.open_candidates,
    confirmedMatch:
      row.confirmed_candidate && row.confirmed_other
        ? {
            candidateId: row.confirmed_candidate,
            otherId: row.confirmed_other,
            otherReference: row.confirmed_reference ?? '',
          }
        : null,
    version: row.version,
    canEdit: row.can_edit,
  };
}
