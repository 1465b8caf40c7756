/**
 * Missing-person reports. The report's facts are readable within the registering unit's jurisdiction (and
 * by the other side of a match); identity goes to missing_identities and is read through a reveal only.
 */
import type { RequestScope } from '../../server/access.ts';
import { badRequest, conflict, notFound } from '../../server/errors.ts';
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
import type { MissingInput, MissingListQuery, MissingPatch, MissingView } from './schemas.ts';

interface MissingRow extends CommonRow {
  police_station_name: string | null;
  gd_number: string | null;
  reported_on: string;
  last_seen_on: string;
  last_seen_district_lgd: number;
  ls_district_name: string | null;
  last_seen_state_lgd: number;
  ls_state_name: string | null;
  last_seen_place: string | null;
  circumstances: string | null;
  status: MissingView['status'];
  status_changed_on: string;
}

const SELECT_MISSING = `SELECT r.id, r.reference, r.pseudonym, r.sex::text AS sex, r.age_years, r.age_on::text AS age_on,
  r.language, r.state_lgd, s.name AS state_name, r.district_lgd, d.name AS district_name, r.registering_unit_id,
  u.name AS unit_name, coalesce(ps.name, r.police_station_name) AS police_station_name, r.gd_number,
  r.reported_on::text AS reported_on, r.last_seen_on::text AS last_seen_on, r.last_seen_district_lgd,
  ld.name AS ls_district_name, r.last_seen_state_lgd, ls.name AS ls_state_name, r.last_seen_place, r.circumstances,
  r.status, r.status_changed_on::text AS status_changed_on, r.version,
  (SELECT count(*)::int FROM match_candidates c WHERE c.missing_id = r.id AND c.status = 'proposed') AS open_candidates,
  cm.id AS confirmed_candidate, cm.found_id AS confirmed_other, fp.reference AS confirmed_reference,
  ${canEditSql('r')}
  FROM missing_reports r
  JOIN units u ON u.id = r.registering_unit_id
  LEFT JOIN units ps ON ps.id = r.police_station_unit_id
  LEFT JOIN states s ON s.lgd_code = r.state_lgd
  LEFT JOIN districts d ON d.lgd_code = r.district_lgd
  LEFT JOIN districts ld ON ld.lgd_code = r.last_seen_district_lgd
  LEFT JOIN states ls ON ls.lgd_code = r.last_seen_state_lgd
  LEFT JOIN match_candidates cm ON cm.missing_id = r.id AND cm.status = 'confirmed'
  LEFT JOIN found_persons fp ON fp.id = cm.found_id`;

function present(row: MissingRow): MissingView {
  return {
    ...presentCommon(row),
    policeStation: row.police_station_name,
    gdNumber: row.gd_number,
    reportedOn: row.reported_on,
    lastSeenOn: row.last_seen_on,
    lastSeenIn: placeOf(
      row.last_seen_district_lgd,
      row.ls_district_name,
      row.last_seen_state_lgd,
      row.ls_state_name,
    ),
    lastSeenPlace: row.last_seen_place,
    circumstances: row.circumstances,
    status: row.status,
    statusChangedOn: row.status_changed_on,
  };
}

export async function getMissing(scope: RequestScope, id: string): Promise<MissingView> {
  const { rows } = await scope.tx.query<MissingRow>(`${SELECT_MISSING} WHERE r.id = $1`, [id]);
  const row = rows[0];
  if (!row) throw notFound('The missing-person report');
  return present(row);
}

const MISSING_LIST: TracingList<MissingRow, MissingView> = {
  table: 'missing_reports',
  alias: 'r',
  select: SELECT_MISSING,
  orderBy: 'r.reported_on DESC, r.reference DESC',
  present,
};

export async function listMissing(
  scope: RequestScope,
  query: MissingListQuery,
): Promise<{ items: MissingView[]; total: number }> {
  return listTracing(
    scope,
    MISSING_LIST,
    [
      { column: 'status', value: query.status },
      { column: 'state_lgd', value: query.state },
      { column: 'district_lgd', value: query.district, district: 'district' },
      { column: 'last_seen_district_lgd', value: query.lastSeenDistrict, district: 'lastSeenDistrict' },
    ],
    query,
  );
}

export async function createMissing(scope: RequestScope, input: MissingInput): Promise<string> {
  const { tx, actor } = scope;
  const unit = await actorUnit(scope);
  if (input.lastSeenOn > input.reportedOn)
    throw badRequest('The person cannot have been last seen after the report was made.', {
      field: 'lastSeenOn',
    });
  notInFuture(input.reportedOn, 'reportedOn');
  const lastSeen = await resolveDistrict(tx, input.lastSeenDistrictLgd, 'lastSeenDistrictLgd');
  await requireUnit(tx, input.policeStationUnitId, 'policeStationUnitId', [
    'police_station',
    'ahtu',
    'railway_post',
  ]);
  const photo = photoBytes(input.photo);
  const district = unit.district_lgd ?? lastSeen.district_lgd;
  if (unit.district_lgd === null && lastSeen.state_lgd !== unit.state_lgd)
    throw badRequest(
      'A State office registers reports of its own State: the place last seen lies elsewhere.',
      {
        field: 'lastSeenDistrictLgd',
      },
    );
  const reference = await newReference(
    tx,
    'missing',
    unit.state_lgd ?? 0,
    Number(input.reportedOn.slice(0, 4)),
  );
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO missing_reports (reference, state_lgd, district_lgd, registering_unit_id, police_station_unit_id,
       police_station_name, gd_number, reported_on, last_seen_on, last_seen_district_lgd, last_seen_state_lgd,
       last_seen_place, circumstances, pseudonym, sex, age_years, age_on, language, status_changed_on, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $8, $19) RETURNING id`,
    [
      reference,
      unit.state_lgd,
      district,
      unit.id,
      input.policeStationUnitId ?? null,
      input.policeStationName ?? null,
      input.gdNumber ?? null,
      input.reportedOn,
      input.lastSeenOn,
      lastSeen.district_lgd,
      lastSeen.state_lgd,
      input.lastSeenPlace ?? null,
      input.circumstances ?? null,
      newPseudonym('missing', reference),
      input.sex,
      input.ageYears ?? null,
      input.ageYears === undefined || input.ageYears === null ? null : input.lastSeenOn,
      input.language ?? null,
      actor.userId,
    ],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('missing report insert returned no id');
  await tx.query(
    `INSERT INTO missing_identities (report_id, name, aliases, date_of_birth, father_name, mother_name, address, phones,
       photo_content_type, photo) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      id,
      input.name,
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
    action: 'missing.create',
    objectType: 'missing_report',
    objectId: id,
    details: { reference, lastSeenDistrictLgd: lastSeen.district_lgd, photo: photo !== null },
  });
  return id;
}

export async function patchMissing(scope: RequestScope, id: string, patch: MissingPatch): Promise<void> {
  const { tx } = scope;
  const current = await getMissing(scope, id);
  if (current.version !== patch.version)
    throw conflict('The report changed since you read it; reload it and apply your change again.');
  const { rowCount } = await tx.query(
    `UPDATE missing_reports SET
       status = coalesce($2, status),
       status_changed_on = CASE WHEN $2::text IS NOT NULL AND $2::text <> status THEN current_date ELSE status_changed_on END,
       sex = coalesce($3::person_sex, sex),
       age_years = CASE WHEN $4 THEN $5::int ELSE age_years END,
       language = CASE WHEN $6 THEN $7::text ELSE language END,
       last_seen_place = CASE WHEN $8 THEN $9::text ELSE last_seen_place END,
       circumstances = CASE WHEN $10 THEN $11::text ELSE circumstances END,
       version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $12`,
    [
      id,
      patch.status ?? null,
      patch.sex ?? null,
      patch.ageYears !== undefined,
      patch.ageYears ?? null,
      patch.language !== undefined,
      patch.language ?? null,
      patch.lastSeenPlace !== undefined,
      patch.lastSeenPlace ?? null,
      patch.circumstances !== undefined,
      patch.circumstances ?? null,
      patch.version,
    ],
  );
  if (rowCount === 0)
    throw conflict(
      'The report could not be changed: it changed meanwhile or lies outside your jurisdiction.',
    );
  if (patch.fatherName !== undefined || patch.motherName !== undefined) {
    await tx.query(
      `UPDATE missing_identities SET father_name = CASE WHEN $2 THEN $3 ELSE father_name END,
         mother_name = CASE WHEN $4 THEN $5 ELSE mother_name END, updated_at = now() WHERE report_id = $1`,
      [
        id,
        patch.fatherName !== undefined,
        patch.fatherName ?? null,
        patch.motherName !== undefined,
        patch.motherName ?? null,
      ],
    );
  }
  await scope.audit({
    action: 'missing.update',
    objectType: 'missing_report',
    objectId: id,
    details: { fields: Object.keys(patch).filter((k) => k !== 'version') },
  });
}
