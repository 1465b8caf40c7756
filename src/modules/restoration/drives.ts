/**
 * Operation Muskan / Smile drives: a period, the participating units, and a dashboard of children traced
 * and restored per district. Counts cover the found persons recorded against the drive that the viewer
 * may see (Row-Level Security), so a State sees its own districts of a national drive.
 */
import type { RequestScope } from '../../server/access.ts';
import { badRequest, notFound } from '../../server/errors.ts';
import type { DriveDashboard, DriveInput, DriveView } from './schemas.ts';

interface DriveRow {
  id: string;
  name: string;
  state_lgd: number | null;
  starts_on: string;
  ends_on: string;
  units: { id: string; name: string }[] | null;
}

const SELECT = `SELECT d.id, d.name, d.state_lgd, d.starts_on::text AS starts_on, d.ends_on::text AS ends_on,
  (SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name)
     FROM muskan_drive_units du JOIN units u ON u.id = du.unit_id WHERE du.drive_id = d.id) AS units
  FROM muskan_drives d`;

const present = (row: DriveRow): DriveView => ({
  id: row.id,
  name: row.name,
  stateLgd: row.state_lgd,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  units: row.units ?? [],
});

export async function listDrives(scope: RequestScope): Promise<DriveView[]> {
  const { rows } = await scope.tx.query<DriveRow>(`${SELECT} ORDER BY d.starts_on DESC LIMIT 100`);
  return rows.map(present);
}

export async function getDrive(scope: RequestScope, id: string): Promise<DriveView> {
  const { rows } = await scope.tx.query<DriveRow>(`${SELECT} WHERE d.id = $1`, [id]);
  if (!rows[0]) throw notFound('The drive');
  return present(rows[0]);
}

export async function createDrive(scope: RequestScope, input: DriveInput): Promise<string> {
  const { tx, actor } = scope;
  if (input.endsOn < input.startsOn)
    throw badRequest('A drive ends on or after the day it starts.', { field: 'endsOn' });
  const stateLgd = actor.level === 'state' ? actor.stateLgd : (input.stateLgd ?? null);
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO muskan_drives (name, state_lgd, starts_on, ends_on, created_by, created_by_unit_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [input.name, stateLgd, input.startsOn, input.endsOn, actor.userId, actor.unitId],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('drive insert returned no id');
  if (input.unitIds.length > 0) {
    const units = await tx.query<{ id: string }>(
      'SELECT id FROM units WHERE id = ANY($1::uuid[]) AND ($2::int IS NULL OR state_lgd = $2)',
      [input.unitIds, stateLgd],
    );
    if (units.rows.length !== input.unitIds.length)
      throw badRequest("Some units do not exist or lie outside the drive's State.", { field: 'unitIds' });
    await tx.query('INSERT INTO muskan_drive_units (drive_id, unit_id) SELECT $1, unnest($2::uuid[])', [
      id,
      input.unitIds,
    ]);
  }
  await scope.audit({
    action: 'drive.create',
    objectType: 'muskan_drive',
    objectId: id,
    details: { stateLgd, units: input.unitIds.length },
  });
  return id;
}

interface CountRow {
  district_lgd: number;
  district_name: string;
  state_name: string;
  found: number;
  children: number;
  traced: number;
  restored: number;
}

export async function driveDashboard(scope: RequestScope, id: string): Promise<DriveDashboard> {
  const drive = await getDrive(scope, id);
  // Found during the drive: recorded against it, or found by a participating unit within its dates.
  const { rows } = await scope.tx.query<CountRow>(
    `SELECT f.found_district_lgd AS district_lgd, d.name AS district_name, s.name AS state_name,
       count(*)::int AS found,
       count(*) FILTER (WHERE f.age_years < 18)::int AS children,
       count(c.id)::int AS traced,
       count(r.handed_over_on)::int AS restored
     FROM found_persons f
     JOIN districts d ON d.lgd_code = f.found_district_lgd JOIN states s ON s.lgd_code = d.state_lgd
     LEFT JOIN match_candidates c ON c.found_id = f.id AND c.status = 'confirmed'
     LEFT JOIN restorations r ON r.found_id = f.id
     WHERE f.drive_id = $1 OR (f.found_on BETWEEN $2 AND $3
       AND f.registering_unit_id IN (SELECT unit_id FROM muskan_drive_units WHERE drive_id = $1))
     GROUP BY 1, 2, 3 ORDER BY found DESC, district_name`,
    [id, drive.startsOn, drive.endsOn],
  );
  const totals = { found: 0, children: 0, traced: 0, restored: 0 };
  for (const r of rows) {
    totals.found += r.found;
    totals.children += r.children;
    totals.traced += r.traced;
    totals.restored += r.restored;
  }
  return {
    drive,
    totals,
    districts: rows.map((r) => ({
      districtLgd: r.district_lgd,
      districtName: r.district_name,
      stateName: r.state_name,
      found: r.found,
      children: r.children,
      traced: r.traced,
      restored: r.restored,
    })),
  };
}
