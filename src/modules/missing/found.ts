/**
 * Found persons: rescued, intercepted or unidentified people, where they were found, where they stay now
 * (a shelter home or Child Care Institution) and the Child Welfare Committee's order.
 */
import type { RequestScope } from '../../server/access.ts';
import { conflict, notFound } from '../../server/errors.ts';
import {
  actorUnit,
  canEditSql,
  listTracing,
  newPseudonym,
  newReference,
  notInFuture,
  photoBytes,
  placeOf,
  presentCommon,
  requireUnit,
  resolveDistrict,
  type CommonRow,
  type TracingList,
} from './common.ts';
import type { FoundInput, FoundListQuery, FoundPatch, FoundView } from './schemas.ts';

interface FoundRow extends CommonRow {
  found_kind: FoundView['foundKind'];
  found_on: string;
  found_district_lgd: number;
  f_district_name: string | null;
  found_state_lgd: number;
  f_state_name: string | null;
  found_place: string | null;
  case_id: string | null;
  drive_id: string | null;
  placement_unit_id: string | null;
  placement_name: string | null;
  placed_on: string | null;
  cwc_unit_id: string | null;
  cwc_name: string | null;
  cwc_order_number: string | null;
  cwc_order_on: string | null;
  status: FoundView['status'];
  status_changed_on: string;
  care_plan_id: string | null;
}

const SELECT_FOUND = `SELECT f.id, f.reference, f.pseudonym, f.sex::text AS sex, f.age_years, f.age_on::text AS age_on,
  f.language, f.state_lgd, s.name AS state_name, f.district_lgd, d.name AS district_name, f.registering_unit_id,
  u.name AS unit_name, f.found_kind, f.found_on::text AS found_on, f.found_district_lgd, fd.name AS f_district_name,
  f.found_state_lgd, fs.name AS f_state_name, f.found_place, f.case_id, f.drive_id, f.placement_unit_id,
  pu.name AS placement_name, f.placed_on::text AS placed_on, f.cwc_unit_id, cu.name AS cwc_name, f.cwc_order_number,
  f.cwc_order_on::text AS cwc_order_on, f.status, f.status_changed_on::text AS status_changed_on, f.version,
  (SELECT count(*)::int FROM match_candidates c WHERE c.found_id = f.id AND c.status = 'proposed') AS open_candidates,
  cm.id AS confirmed_candidate, cm.missing_id AS confirmed_other, mr.reference AS confirmed_reference,
  (SELECT cp.id FROM care_plans cp WHERE cp.found_id = f.id) AS care_plan_id, ${canEditSql('f')}
  FROM found_persons f
  JOIN units u ON u.id = f.registering_unit_id
  LEFT JOIN units pu ON pu.id = f.placement_unit_id
  LEFT JOIN units cu ON cu.id = f.cwc_unit_id
  LEFT JOIN states s ON s.lgd_code = f.state_lgd
  LEFT JOIN districts d ON d.lgd_code = f.district_lgd
  LEFT JOIN districts fd ON fd.lgd_code = f.found_district_lgd
  LEFT JOIN states fs ON fs.lgd_code = f.found_state_lgd
  LEFT JOIN match_candidates cm ON cm.found_id = f.id AND cm.status = 'confirmed'
  LEFT JOIN missing_reports mr ON mr.id = cm.missing_id`;

function present(row: FoundRow): FoundView {
  return {
    ...presentCommon(row),
    foundKind: row.found_kind,
    foundOn: row.found_on,
    foundIn: placeOf(row.found_district_lgd, row.f_district_name, row.found_state_lgd, row.f_state_name),
    foundPlace: row.found_place,
    caseId: row.case_id,
    driveId: row.drive_id,
    placement:
      row.placement_unit_id && row.placement_name
        ? { id: row.placement_unit_id, name: row.placement_name }
        : null,
    placedOn: row.placed_on,
    cwc: row.cwc_unit_id && row.cwc_name ? { id: row.cwc_unit_id, name: row.cwc_name } : null,
    cwcOrderNumber: row.cwc_order_number,
    cwcOrderOn: row.cwc_order_on,
    status: row.status,
    statusChangedOn: row.status_changed_on,
    carePlanId: row.care_plan_id,
  };
}

export async function getFound(scope: RequestScope, id: string): Promise<FoundView> {
  const { rows } = await scope.tx.query<FoundRow>(`${SELECT_FOUND} WHERE f.id = $1`, [id]);
  const row = rows[0];
  if (!row) throw notFound('The found person');
  return present(row);
}

const FOUND_LIST: TracingList<FoundRow, FoundView> = {
  table: 'found_persons',
  alias: 'f',
  select: SELECT_FOUND,
  orderBy: 'f.found_on DESC, f.reference DESC',
  present,
};

export async function listFound(
  scope: RequestScope,
  query: FoundListQuery,
): Promise<{ items: FoundView[]; total: number }> {
  return listTracing(
    scope,
    FOUND_LIST,
    [
      { column: 'status', value: query.status },
      { column: 'state_lgd', value: query.state },
      { column: 'district_lgd', value: query.district, district: 'district' },
      { column: 'found_district_lgd', value: query.foundDistrict, district: 'foundDistrict' },
    ],
    query,
  );
}

const PLACEMENT_KINDS = ['shelter_home', 'ngo'];

export async function createFound(scope: RequestScope, input: FoundInput): Promise<string> {
  const { tx, actor } = scope;
  const unit = await actorUnit(scope);
  notInFuture(input.foundOn, 'foundOn');
  const found = await resolveDistrict(tx, input.foundDistrictLgd, 'foundDistrictLgd');
  await requireUnit(tx, input.placementUnitId, 'placementUnitId', PLACEMENT_KINDS);
  await requireUnit(tx, input.cwcUnitId, 'cwcUnitId', ['cwc']);
  const photo = photoBytes(input.photo);
  const reference = await newReference(tx, 'found', unit.state_lgd ?? 0, Number(input.foundOn.slice(0, 4)));
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO found_persons (reference, state_lgd, district_lgd, registering_unit_id, found_kind, found_on,
       found_district_lgd, found_state_lgd, found_place, case_id, drive_id, pseudonym, sex, age_years, age_on, language,
       placement_unit_id, placed_on, cwc_unit_id, cwc_order_number, cwc_order_on, status_changed_on, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $6, $22)
     RETURNING id`,
    [
      reference,
      unit.state_lgd,
      unit.district_lgd ?? found.district_lgd,
      unit.id,
      input.foundKind,
      input.foundOn,
      found.district_lgd,
      found.state_lgd,
      input.foundPlace ?? null,
      input.caseId ?? null,
      input.driveId ?? null,
      newPseudonym('found', reference),
      input.sex,
      input.ageYears ?? null,
      input.ageYears === undefined || input.ageYears === null ? null : input.foundOn,
      input.language ?? null,
      input.placementUnitId ?? null,
      input.placedOn ?? null,
      input.cwcUnitId ?? null,
      input.cwcOrderNumber ?? null,
      input.cwcOrderOn ?? null,
      actor.userId,
    ],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('found person insert returned no id');
  await tx.query(
    `INSERT INTO found_identities (found_id, name, aliases, date_of_birth, father_name, mother_name, address, phones,
       photo_content_type, photo) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      id,
      input.name ?? null,
      input.aliases ?? [],
      input.dateOfBirth ?? null,
      input.fatherName ?? null,
      input.motherName ?? null,
      input.address ?? null,
      input.phones ?? [],
      photo ? (input.photo?.contentType ?? null) : null,
      photo,
    ],
  );
  await scope.audit({
    action: 'found.create',
    objectType: 'found_person',
    objectId: id,
    details: {
      reference,
      foundKind: input.foundKind,
      foundDistrictLgd: found.district_lgd,
      photo: photo !== null,
    },
  });
  return id;
}

export async function patchFound(scope: RequestScope, id: string, patch: FoundPatch): Promise<void> {
  const { tx } = scope;
  const current = await getFound(scope, id);
  if (current.version !== patch.version)
    throw conflict('The record changed since you read it; reload it and apply your change again.');
  await requireUnit(tx, patch.placementUnitId, 'placementUnitId', PLACEMENT_KINDS);
  await requireUnit(tx, patch.cwcUnitId, 'cwcUnitId', ['cwc']);
  const set = (field: keyof FoundPatch) => patch[field] !== undefined;
  const { rowCount } = await tx.query(
    `UPDATE found_persons SET
       status = coalesce($2, status),
       status_changed_on = CASE WHEN $2::text IS NOT NULL AND $2::text <> status THEN current_date ELSE status_changed_on END,
       sex = coalesce($3::person_sex, sex),
       age_years = CASE WHEN $4 THEN $5::int ELSE age_years END,
       language = CASE WHEN $6 THEN $7::text ELSE language END,
       placement_unit_id = CASE WHEN $8 THEN $9::uuid ELSE placement_unit_id END,
       placed_on = CASE WHEN $10 THEN $11::date ELSE placed_on END,
       cwc_unit_id = CASE WHEN $12 THEN $13::uuid ELSE cwc_unit_id END,
       cwc_order_number = CASE WHEN $14 THEN $15::text ELSE cwc_order_number END,
       cwc_order_on = CASE WHEN $16 THEN $17::date ELSE cwc_order_on END,
       version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $18`,
    [
      id,
      patch.status ?? null,
      patch.sex ?? null,
      set('ageYears'),
      patch.ageYears ?? null,
      set('language'),
      patch.language ?? null,
      set('placementUnitId'),
      patch.placementUnitId ?? null,
      set('placedOn'),
      patch.placedOn ?? null,
      set('cwcUnitId'),
      patch.cwcUnitId ?? null,
      set('cwcOrderNumber'),
      patch.cwcOrderNumber ?? null,
      set('cwcOrderOn'),
      patch.cwcOrderOn ?? null,
      patch.version,
    ],
  );
  if (rowCount === 0)
    throw conflict(
      'The record could not be changed: it changed meanwhile or lies outside your jurisdiction.',
    );
  if (set('name') || set('fatherName') || set('address')) {
    await tx.query(
      `UPDATE found_identities SET name = CASE WHEN $2 THEN $3 ELSE name END,
         father_name = CASE WHEN $4 THEN $5 ELSE father_name END, address = CASE WHEN $6 THEN $7 ELSE address END,
         updated_at = now() WHERE found_id = $1`,
      [
        id,
        set('name'),
        patch.name ?? null,
        set('fatherName'),
        patch.fatherName ?? null,
        set('address'),
        patch.address ?? null,
      ],
    );
  }
  await scope.audit({
    action: 'found.update',
    objectType: 'found_person',
    objectId: id,
    details: { fields: Object.keys(patch).filter((k) => k !== 'version') },
  });
}
