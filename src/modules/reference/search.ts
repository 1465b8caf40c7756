/**
 * Ranked place search over States, districts, sub-districts, railway stations and border crossings.
 * Each candidate scores the best of: trigram similarity of the lower-cased name, of the normalised key
 * (which is how Devanagari queries match Latin names), and word similarity of the key (one word of a
 * longer name). Exact and prefix matches rank first; Hindi State names also match as typed.
 */
import type { Tx } from '../../db/database.ts';
import { badRequest } from '../../server/errors.ts';
import { hasDevanagari, searchKey } from './normalise.ts';
import type { PlaceKind, PlaceResult } from './schemas.ts';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
export const likePattern = (q: string) => `${escapeLike(q.trim().toLowerCase())}%`;
export const keyLikePattern = (q: string) => `${escapeLike(searchKey(q))}%`;

/** Fewer than 2 letters match half the country; ask for more instead of returning noise. */
export function requireSearchText(q: string | undefined, what: string): string {
  const text = (q ?? '').trim();
  if (text.length < 2) throw badRequest(`Type at least 2 characters to search for ${what}.`);
  return text;
}

/**
 * Score shared by every branch. Parameters: $1 lower(q), $2 key(q), $3 "q%", $4 "key%", $9 "q %",
 * $10 "key %". An exact name outranks an exact key (Patna before Pathna), and a name that starts with
 * the query as a whole word (PATNA JN) outranks one that merely shares a key.
 */
const score = (name: string, key: string) => `greatest(similarity(lower(${name}), $1), similarity(${key}, $2),
    word_similarity($2, ${key}))
  + CASE WHEN lower(${name}) = $1 THEN 1 ELSE 0 END
  + CASE WHEN ${key} = $2 THEN 0.5 ELSE 0 END
  + CASE WHEN lower(${name}) LIKE $9 OR ${key} LIKE $10 THEN 0.4 ELSE 0 END
  + CASE WHEN lower(${name}) LIKE $3 THEN 0.3 ELSE 0 END
  + CASE WHEN ${key} LIKE $4 THEN 0.15 ELSE 0 END`;

// Candidates are found by the key alone (it folds the name, so the name arms would only repeat the
// work): whole-name similarity, similarity to one word of a longer name, and prefix for 2–3 letters.
const matches = (_name: string, key: string) => `(${key} % $2 OR $2 <% ${key} OR ${key} LIKE $4)`;

// Small per-kind weights only break ties: a State named like a district is the likelier meaning.
const BRANCHES: Record<PlaceKind, string> = {
  state: `SELECT 'state' AS kind, s.lgd_code::text AS code, s.name, s.lgd_code AS state_lgd, s.name AS state_name,
      NULL::int AS district_lgd, NULL::text AS district_name, NULL::float8 AS lat, NULL::float8 AS lon,
      ${score('s.name', 's.name_key')} + 0.05
      + CASE WHEN s.name_hi = $5 THEN 2 WHEN $5 <> '' AND strpos(s.name_hi, $5) > 0 THEN 0.8 ELSE 0 END AS score
    FROM states s
    WHERE (${matches('s.name', 's.name_key')} OR ($5 <> '' AND strpos(s.name_hi, $5) > 0))
      AND ($6::int IS NULL OR s.lgd_code = $6)`,
  district: `SELECT 'district', d.lgd_code::text, d.name, d.state_lgd, s.name, d.lgd_code, d.name, d.hq_lat, d.hq_lon,
      ${score('d.name', 'd.name_key')} + 0.04
    FROM districts d JOIN states s ON s.lgd_code = d.state_lgd
    WHERE ${matches('d.name', 'd.name_key')} AND ($6::int IS NULL OR d.state_lgd = $6)`,
  border_crossing: `SELECT 'border_crossing', b.locode, b.name, b.state_lgd, s.name, b.district_lgd, d.name, b.lat, b.lon,
      ${score('b.name', 'b.name_key')} + 0.03
    FROM border_crossings b LEFT JOIN states s ON s.lgd_code = b.state_lgd
      LEFT JOIN districts d ON d.lgd_code = b.district_lgd
    WHERE ${matches('b.name', 'b.name_key')} AND ($6::int IS NULL OR b.state_lgd = $6)`,
  station: `SELECT 'station', r.code, r.name, r.state_lgd, s.name, r.district_lgd, d.name, r.lat, r.lon,
      ${score('r.name', 'r.name_key')} + 0.02 + CASE WHEN r.code = $7 THEN 2 ELSE 0 END
    FROM railway_stations r LEFT JOIN states s ON s.lgd_code = r.state_lgd
      LEFT JOIN districts d ON d.lgd_code = r.district_lgd
    WHERE (${matches('r.name', 'r.name_key')} OR r.code = $7) AND ($6::int IS NULL OR r.state_lgd = $6)`,
  subdistrict: `SELECT 'subdistrict', t.lgd_code::text, t.name, t.state_lgd, s.name, t.district_lgd, d.name,
      NULL::float8, NULL::float8, ${score('t.name', 't.name_key')} + 0.01
    FROM subdistricts t JOIN states s ON s.lgd_code = t.state_lgd JOIN districts d ON d.lgd_code = t.district_lgd
    WHERE ${matches('t.name', 't.name_key')} AND ($6::int IS NULL OR t.state_lgd = $6)`,
};

const KIND_ORDER: readonly PlaceKind[] = ['state', 'district', 'border_crossing', 'station', 'subdistrict'];

export interface PlaceQuery {
  q: string;
  kind?: PlaceKind | undefined;
  state?: number | undefined;
  limit: number;
}

interface PlaceRow {
  kind: PlaceKind;
  code: string;
  name: string;
  state_lgd: number | null;
  state_name: string | null;
  district_lgd: number | null;
  district_name: string | null;
  lat: number | null;
  lon: number | null;
  score: number;
}

export async function searchPlaces(tx: Tx, query: PlaceQuery): Promise<PlaceResult[]> {
  const q = query.q.trim();
  const kinds = query.kind ? [query.kind] : KIND_ORDER;
  // The typed CTE fixes every parameter's type even when a kind filter leaves it unused in the branches.
  const sql = `WITH typed AS (SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::int, $7::text, $9::text, $10::text)
    SELECT * FROM (${kinds.map((k) => BRANCHES[k]).join('\nUNION ALL\n')})
      AS p(kind, code, name, state_lgd, state_name, district_lgd, district_name, lat, lon, score)
    ORDER BY score DESC, name LIMIT $8`;
  const { rows } = await tx.query<PlaceRow>(sql, [
    q.toLowerCase(),
    searchKey(q),
    likePattern(q),
    keyLikePattern(q),
    hasDevanagari(q) ? q : '',
    query.state ?? null,
    q.toUpperCase(),
    query.limit,
    `${escapeLike(q.toLowerCase())} %`,
    `${escapeLike(searchKey(q))} %`,
  ]);
  return rows.map((r) => ({
    kind: r.kind,
    code: r.code,
    name: r.name,
    stateLgd: r.state_lgd,
    stateName: r.state_name,
    districtLgd: r.district_lgd,
    districtName: r.district_name,
    lat: r.lat,
    lon: r.lon,
  }));
}
