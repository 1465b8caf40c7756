/**
 * Awareness campaigns (FM, TV, newspapers, social media, placards at transit points) by place and date,
 * and the map that sets them beside the districts victims are recruited from, so a State sees which
 * source districts no campaign has reached.
 */
import { Conditions } from '../../db/sql.ts';
import type { RequestScope } from '../../server/access.ts';
import { AppError, badRequest, forbidden, notFound } from '../../server/errors.ts';
import type { CampaignInput, CampaignQuery, CampaignView, MapDistrict, MapQuery } from './schemas.ts';

/** A district is "vulnerable" on the map when it is among this many top source districts (and has ≥ 2 events). */
export const VULNERABLE_TOP = 15;

export async function recordCampaign(scope: RequestScope, input: CampaignInput): Promise<string> {
  const { tx, actor } = scope;
  let district = input.districtLgd ?? null;
  let station: string | null = null;
  if (input.stationCode) {
    const { rows } = await tx.query<{ code: string; district_lgd: number | null }>(
      'SELECT code, district_lgd FROM railway_stations WHERE code = $1',
      [input.stationCode.toUpperCase()],
    );
    if (!rows[0])
      throw new AppError(
        422,
        'unknown_reference',
        `There is no railway station with code ${input.stationCode}.`,
        {
          field: 'stationCode',
        },
      );
    station = rows[0].code;
    district ??= rows[0].district_lgd;
  }
  district ??= actor.districtLgd;
  if (district === null)
    throw badRequest('Say in which district the campaign ran (districtLgd or stationCode).', {
      field: 'districtLgd',
    });
  if (input.endsOn < input.startsOn)
    throw badRequest('The campaign cannot end before it starts: check startsOn and endsOn.', {
      field: 'endsOn',
    });
  const place = await tx.query<{ state_lgd: number }>('SELECT state_lgd FROM districts WHERE lgd_code = $1', [
    district,
  ]);
  const state = place.rows[0]?.state_lgd;
  if (state === undefined)
    throw new AppError(422, 'unknown_reference', `No district has LGD code ${district}.`, {
      field: 'districtLgd',
    });
  const inside =
    actor.level === 'national' ||
    (actor.level === 'state' && actor.stateLgd === state) ||
    (actor.level === 'district' && actor.districtLgd === district);
  if (!inside) throw forbidden('You can record campaigns only inside your own jurisdiction.');
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO campaigns (state_lgd, district_lgd, station_code, unit_id, title, medium, starts_on, ends_on, reach,
       languages, notes, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      state,
      district,
      station,
      actor.unitId,
      input.title,
      input.medium,
      input.startsOn,
      input.endsOn,
      input.reach,
      input.languages ?? [],
      input.notes ?? null,
      actor.userId,
    ],
  );
  const id = rows[0]?.id ?? '';
  await scope.audit({
    action: 'campaign.record',
    objectType: 'campaign',
    objectId: id,
    details: { district },
  });
  return id;
}

interface CampaignRow {
  id: string;
  title: string;
  medium: string;
  state_lgd: number;
  state_name: string;
  district_lgd: number;
  district_name: string;
  station_code: string | null;
  station_name: string | null;
  unit_id: string;
  unit_name: string;
  starts_on: string;
  ends_on: string;
  reach: number;
  languages: string[];
  notes: string | null;
}

const SELECT_CAMPAIGN = `SELECT c.id, c.title, c.medium, c.state_lgd, s.name AS state_name, c.district_lgd,
  d.name AS district_name, c.station_code, r.name AS station_name, c.unit_id, un.name AS unit_name,
  c.starts_on::text AS starts_on, c.ends_on::text AS ends_on, c.reach, c.languages, c.notes
  FROM campaigns c JOIN states s ON s.lgd_code = c.state_lgd JOIN districts d ON d.lgd_code = c.district_lgd
  JOIN units un ON un.id = c.unit_id LEFT JOIN railway_stations r ON r.code = c.station_code`;

function present(row: CampaignRow): CampaignView {
  return {
    id: row.id,
    title: row.title,
    medium: row.medium,
    state: { lgdCode: row.state_lgd, name: row.state_name },
    district: { lgdCode: row.district_lgd, name: row.district_name },
    station: row.station_code ? { code: row.station_code, name: row.station_name ?? row.station_code } : null,
    unit: { id: row.unit_id, name: row.unit_name },
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    reach: row.reach,
    languages: row.languages,
    notes: row.notes,
  };
}

export async function listCampaigns(scope: RequestScope, query: CampaignQuery) {
  const filter = new Conditions();
  if (query.state !== undefined) filter.add((p) => `c.state_lgd = ${p}`, query.state);
  if (query.district !== undefined) filter.add((p) => `c.district_lgd = ${p}`, query.district);
  if (query.medium) filter.add((p) => `c.medium = ${p}`, query.medium);
  if (query.from) filter.add((p) => `c.ends_on >= ${p}::date`, query.from);
  if (query.to) filter.add((p) => `c.starts_on <= ${p}::date`, query.to);
  const total = await scope.tx.query<{ n: number; reach: number | string }>(
    `SELECT count(*)::int AS n, coalesce(sum(reach), 0)::bigint AS reach FROM campaigns c ${filter.where}`,
    filter.params,
  );
  const page = filter.page(query.limit ?? 50, query.offset ?? 0);
  const { rows } = await scope.tx.query<CampaignRow>(
    `${SELECT_CAMPAIGN} ${filter.where} ORDER BY c.starts_on DESC, c.id ${page.sql}`,
    page.params,
  );
  return {
    items: rows.map(present),
    total: total.rows[0]?.n ?? 0,
    totalReach: Number(total.rows[0]?.reach ?? 0),
  };
}

export async function getCampaign(scope: RequestScope, id: string): Promise<CampaignView> {
  const { rows } = await scope.tx.query<CampaignRow>(`${SELECT_CAMPAIGN} WHERE c.id = $1`, [id]);
  if (!rows[0]) throw notFound('The campaign');
  return present(rows[0]);
}

/**
 * Per district: campaigns and reach in the period, and recruitment-stage route events of cases (source
 * districts). A State's officers see their State; the Nodal Cell all States or the one it picks.
 */
export async function campaignMap(
  scope: RequestScope,
  query: MapQuery,
): Promise<{ districts: MapDistrict[] }> {
  const state = scope.actor.level === 'national' ? (query.state ?? null) : scope.actor.stateLgd;
  const { rows } = await scope.tx.query<{
    district_lgd: number;
    name: string;
    state_lgd: number;
    state_name: string;
    lat: number | null;
    lon: number | null;
    campaigns: number;
    reach: number | string;
    media: string[] | null;
    recruitment_events: number;
  }>(
    `WITH sources AS (SELECT * FROM campaign_source_districts($1::int)),
     runs AS (
       SELECT c.district_lgd, count(*)::int AS campaigns, sum(c.reach)::bigint AS reach,
         array_agg(DISTINCT c.medium ORDER BY c.medium) AS media
       FROM campaigns c
       WHERE ($1::int IS NULL OR c.state_lgd = $1) AND ($2::date IS NULL OR c.ends_on >= $2)
         AND ($3::date IS NULL OR c.starts_on <= $3)
       GROUP BY c.district_lgd)
     SELECT d.lgd_code AS district_lgd, d.name, d.state_lgd, s.name AS state_name, d.hq_lat AS lat, d.hq_lon AS lon,
       coalesce(runs.campaigns, 0) AS campaigns, coalesce(runs.reach, 0) AS reach, runs.media,
       coalesce(sources.recruitment_events, 0) AS recruitment_events
     FROM districts d JOIN states s ON s.lgd_code = d.state_lgd
       LEFT JOIN runs ON runs.district_lgd = d.lgd_code
       LEFT JOIN sources ON sources.district_lgd = d.lgd_code
     WHERE runs.district_lgd IS NOT NULL OR sources.district_lgd IS NOT NULL
     ORDER BY coalesce(sources.recruitment_events, 0) DESC, d.name`,
    [state, query.from ?? null, query.to ?? null],
  );
  const ranked = rows.filter((r) => r.recruitment_events >= 2).slice(0, VULNERABLE_TOP);
  const vulnerable = new Set(ranked.map((r) => r.district_lgd));
  return {
    districts: rows.map((r) => ({
      districtLgd: r.district_lgd,
      name: r.name,
      stateLgd: r.state_lgd,
      stateName: r.state_name,
      lat: r.lat,
      lon: r.lon,
      campaigns: r.campaigns,
      reach: Number(r.reach),
      media: r.media ?? [],
      recruitmentEvents: r.recruitment_events,
      vulnerable: vulnerable.has(r.district_lgd),
      uncovered: vulnerable.has(r.district_lgd) && r.campaigns === 0,
    })),
  };
}
