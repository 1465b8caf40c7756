/**
 * The reference import against the real shared data on a fresh in-memory PGlite: counts, joins,
 * point-in-polygon, and the skip / reload behaviour that start-up relies on.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openDatabase, type Database } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { importReference, SOURCES, type ImportSummary } from './import.ts';

const REFERENCE_DIR = path.resolve(process.env.SETU_REFERENCE_DIR ?? '../shared/data');

async function one<T extends object>(db: Database, sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await db.asSystem((tx) => tx.query<T>(sql, params));
  const row = rows[0];
  assert.ok(row, `no row for ${sql}`);
  return row;
}

/** A digest of every reference table, to prove a skipped import wrote nothing. */
async function fingerprint(db: Database): Promise<string> {
  const row = await one<{ digest: string }>(
    db,
    `SELECT concat_ws('|',
       (SELECT md5(string_agg(t::text, ',' ORDER BY lgd_code)) FROM states t),
       (SELECT md5(string_agg(t::text, ',' ORDER BY lgd_code)) FROM districts t),
       (SELECT md5(string_agg(t::text, ',' ORDER BY lgd_code)) FROM subdistricts t),
       (SELECT md5(string_agg(t::text, ',' ORDER BY code)) FROM railway_stations t),
       (SELECT md5(string_agg(t::text, ',' ORDER BY locode)) FROM border_crossings t),
       (SELECT md5(string_agg(t::text, ',' ORDER BY source)) FROM reference_imports t)) AS digest`,
  );
  return row.digest;
}

void describe('reference import', () => {
  let db: Database;
  let first: ImportSummary;
  const lines: string[] = [];

  before(async () => {
    db = await openDatabase({});
    await migrate(db);
    first = await importReference(db, REFERENCE_DIR, (line) => lines.push(line));
  });
  after(() => db.close());

  void test('every source loads on the first run and the log says what happened', (t) => {
    t.diagnostic(`first reference import on PGlite: ${first.durationMs} ms`);
    assert.equal(first.loaded, SOURCES.length);
    assert.ok(first.sources.every((s) => s.status === 'loaded'));
    assert.ok(lines.some((l) => /railway_stations: loaded \d+ rows/.test(l)));
    assert.ok(lines.some((l) => /import finished in/.test(l)));
  });

  void test('36 States and UTs in title case, with Hindi names, Ladakh included', async () => {
    const count = await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM states');
    assert.equal(count.n, 36);
    const missingHindi = await one<{ n: number }>(
      db,
      'SELECT count(*)::int AS n FROM states WHERE name_hi IS NULL',
    );
    assert.equal(missingHindi.n, 0);
    const ladakh = await one<{ name: string; is_union_territory: boolean; name_hi: string }>(
      db,
      'SELECT name, is_union_territory, name_hi FROM states WHERE lgd_code = 37',
    );
    assert.deepEqual(ladakh, { name: 'Ladakh', is_union_territory: true, name_hi: 'लद्दाख' });
    const names = await db.asSystem((tx) =>
      tx.query<{ name: string }>('SELECT name FROM states WHERE lgd_code IN (1, 9, 35) ORDER BY lgd_code'),
    );
    assert.deepEqual(
      names.rows.map((r) => r.name),
      ['Jammu and Kashmir', 'Uttar Pradesh', 'Andaman and Nicobar Islands'],
    );
    const bihar = await one<{ name_hi: string; is_union_territory: boolean }>(
      db,
      'SELECT name_hi, is_union_territory FROM states WHERE lgd_code = 10',
    );
    assert.deepEqual(bihar, { name_hi: 'बिहार', is_union_territory: false });
  });

  void test('763 districts and 6,921 sub-districts as in the LGD files', async () => {
    const districts = await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM districts');
    assert.equal(districts.n, 763);
    const subdistricts = await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM subdistricts');
    assert.equal(subdistricts.n, 6921);
    const kaimur = await one<{ name: string }>(db, `SELECT name FROM districts WHERE name ILIKE 'kaimur%'`);
    assert.equal(kaimur.name, 'Kaimur (Bhabua)');
  });

  void test('Patna has its boundary and headquarters, joined through the crosswalk', async () => {
    const patna = await one<{ name: string; type: string; hq_name: string; hq_lat: number }>(
      db,
      `SELECT name, boundary->>'type' AS type, hq_name, hq_lat FROM districts WHERE lgd_code = 212`,
    );
    assert.equal(patna.name, 'Patna');
    assert.ok(['Polygon', 'MultiPolygon'].includes(patna.type));
    assert.equal(patna.hq_name, 'Patna');
    assert.ok(Math.abs(patna.hq_lat - 25.6) < 0.1);
    const withBoundary = await one<{ n: number }>(
      db,
      'SELECT count(*)::int AS n FROM districts WHERE boundary IS NOT NULL',
    );
    assert.equal(withBoundary.n, 718);
    // Coordinates are rounded to 5 decimals.
    const sample = await one<{ lon: number }>(
      db,
      `SELECT (boundary->'coordinates'->0->0->>0)::float8 AS lon FROM districts
       WHERE lgd_code = 212 AND boundary->>'type' = 'Polygon'`,
    );
    assert.equal(Math.round(sample.lon * 1e5) / 1e5, sample.lon);
  });

  void test('stations without a State get it (and their district) by point-in-polygon', async () => {
    // PATNA JN has coordinates but no State in the source.
    const patna = await one<{ state_lgd: number; district_lgd: number; state_from: string }>(
      db,
      `SELECT state_lgd, district_lgd, state_from FROM railway_stations WHERE code = 'PNBE'`,
    );
    assert.deepEqual(patna, { state_lgd: 10, district_lgd: 212, state_from: 'point_in_polygon' });
    // NEW DELHI: Delhi's districts share one map polygon, which still gives the State.
    const delhi = await one<{ state_lgd: number; state_from: string }>(
      db,
      `SELECT state_lgd, state_from FROM railway_stations WHERE code = 'NDLS'`,
    );
    assert.deepEqual(delhi, { state_lgd: 7, state_from: 'point_in_polygon' });
    // RAXAUL JN names its State.
    const raxaul = await one<{ state_lgd: number; state_from: string }>(
      db,
      `SELECT state_lgd, state_from FROM railway_stations WHERE code = 'RXL'`,
    );
    assert.deepEqual(raxaul, { state_lgd: 10, state_from: 'source' });
    // KICHHA is "Uttar Pradesh" in the source, geocoded before Uttarakhand existed.
    const kichha = await one<{ state_lgd: number }>(
      db,
      `SELECT state_lgd FROM railway_stations WHERE code = 'KHH'`,
    );
    assert.equal(kichha.state_lgd, 5);
    const stations = first.sources.find((s) => s.table === 'railway_stations');
    assert.ok((stations?.stats.stateByPointInPolygon ?? 0) > 4000);
    assert.ok((stations?.stats.stateUnmatched ?? Infinity) < 150);
  });

  void test('border crossings carry neighbour, State and a plausible nearest station', async () => {
    const raxaul = await one<{ neighbour_country: string; state_lgd: number; nearest_station_code: string }>(
      db,
      `SELECT neighbour_country, state_lgd, nearest_station_code FROM border_crossings WHERE locode = 'INRXL'`,
    );
    assert.deepEqual(raxaul, { neighbour_country: 'Nepal', state_lgd: 10, nearest_station_code: 'RXL' });
    // Gunji's name-matched station is in Karnataka: rejected.
    const gunji = await one<{ state_lgd: number; nearest_station_code: string | null }>(
      db,
      `SELECT state_lgd, nearest_station_code FROM border_crossings WHERE locode = 'INGJI'`,
    );
    assert.deepEqual(gunji, { state_lgd: 5, nearest_station_code: null });
    const count = await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM border_crossings');
    assert.equal(count.n, 72);
  });

  void test('a second run skips every source and changes nothing', async () => {
    const before = await fingerprint(db);
    const second = await importReference(db, REFERENCE_DIR);
    assert.equal(second.loaded, 0);
    assert.equal(second.skipped, SOURCES.length);
    assert.equal(await fingerprint(db), before);
  });

  void test('a changed file reloads its source and those built on it, and nothing else', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setu-reference-'));
    try {
      for (const file of new Set(SOURCES.flatMap((s) => s.files))) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.copyFileSync(path.join(REFERENCE_DIR, file), path.join(dir, file));
      }
      // Drop RAXAUL JN's State and rename it: the State must now come from its coordinates.
      const stationsFile = path.join(dir, 'transit/stations.geojson');
      const geojson = JSON.parse(fs.readFileSync(stationsFile, 'utf8')) as {
        features: { properties: Record<string, unknown> }[];
      };
      const raxaul = geojson.features.find((f) => f.properties.code === 'RXL');
      assert.ok(raxaul);
      raxaul.properties.state = null;
      raxaul.properties.name = 'RAXAUL JUNCTION';
      fs.writeFileSync(stationsFile, JSON.stringify(geojson));

      const third = await importReference(db, dir);
      const loaded = third.sources.filter((s) => s.status === 'loaded').map((s) => s.table);
      assert.deepEqual(loaded, ['railway_stations', 'border_crossings']);
      const row = await one<{ name: string; state_lgd: number; district_lgd: number; state_from: string }>(
        db,
        `SELECT name, state_lgd, district_lgd, state_from FROM railway_stations WHERE code = 'RXL'`,
      );
      assert.equal(row.name, 'RAXAUL JUNCTION');
      assert.equal(row.state_lgd, 10);
      assert.equal(row.state_from, 'point_in_polygon');
      const stations = await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM railway_stations');
      assert.equal(stations.n, first.sources.find((s) => s.table === 'railway_stations')?.rows);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  void test('a missing reference folder fails with a message that says what to set', async () => {
    await assert.rejects(
      importReference(db, path.join(os.tmpdir(), 'setu-no-such-folder')),
      /SETU_REFERENCE_DIR/,
    );
  });
});
