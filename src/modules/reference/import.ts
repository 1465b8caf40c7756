/**
 * `importReference` loads the public reference geography from the shared data folder. It is idempotent
 * and resumable: each source runs in its own transaction and records the SHA-256 of its inputs, so an
 * unchanged source is skipped, a changed one is upserted again, and an interrupted run resumes where it
 * stopped. Server start-up calls it every time, so the unchanged path must stay cheap (hashing only).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database, Tx } from '../../db/database.ts';
import { BORDER_CROSSINGS_FILE, loadBorderCrossings } from './import-border-crossings.ts';
import { CROSSWALK_FILE, DISTRICT_MAP_FILE, HQ_POINTS_FILE, loadBoundaries } from './import-boundaries.ts';
import {
  DISTRICTS_FILE,
  loadDistricts,
  loadStates,
  loadSubdistricts,
  STATES_FILE,
  SUBDISTRICTS_FILE,
} from './import-lgd.ts';
import { loadStations, STATIONS_FILE } from './import-stations.ts';
import { sha256, type Inputs, type LoadResult } from './import-util.ts';

interface SourceDefinition {
  /** The name recorded in reference_imports: the file the table is loaded from. */
  source: string;
  table: string;
  /** Raise when the importer would write something different from the same files. */
  version: number;
  /** Every file the result depends on, upstream ones included, so a change there reloads this too. */
  files: readonly string[];
  load(tx: Tx, inputs: Inputs): Promise<LoadResult>;
}

const BOUNDARY_FILES = [CROSSWALK_FILE, DISTRICT_MAP_FILE, HQ_POINTS_FILE] as const;

/** In dependency order: districts need States, boundaries need districts, stations need boundaries. */
export const SOURCES: readonly SourceDefinition[] = [
  { source: STATES_FILE, table: 'states', version: 1, files: [STATES_FILE], load: loadStates },
  {
    source: DISTRICTS_FILE,
    table: 'districts',
    version: 1,
    files: [DISTRICTS_FILE, STATES_FILE],
    load: loadDistricts,
  },
  {
    source: SUBDISTRICTS_FILE,
    table: 'subdistricts',
    version: 1,
    files: [SUBDISTRICTS_FILE, DISTRICTS_FILE],
    load: loadSubdistricts,
  },
  {
    source: DISTRICT_MAP_FILE,
    table: 'districts.boundary',
    version: 1,
    files: [...BOUNDARY_FILES, DISTRICTS_FILE],
    load: loadBoundaries,
  },
  {
    source: STATIONS_FILE,
    table: 'railway_stations',
    version: 1,
    files: [STATIONS_FILE, STATES_FILE, DISTRICTS_FILE, ...BOUNDARY_FILES],
    load: loadStations,
  },
  {
    source: BORDER_CROSSINGS_FILE,
    table: 'border_crossings',
    version: 1,
    files: [BORDER_CROSSINGS_FILE, STATIONS_FILE, STATES_FILE, DISTRICTS_FILE, ...BOUNDARY_FILES],
    load: loadBorderCrossings,
  },
];

export interface SourceSummary {
  source: string;
  table: string;
  status: 'loaded' | 'skipped';
  /** Rows read from the source; for a skipped source, what the last load recorded. */
  rows: number;
  checksum: string;
  durationMs: number;
  stats: Record<string, number>;
  notes: string[];
}

export interface ImportSummary {
  referenceDir: string;
  sources: SourceSummary[];
  loaded: number;
  skipped: number;
  durationMs: number;
}

function readInputs(referenceDir: string): Map<string, Buffer> {
  const files = new Set(SOURCES.flatMap((s) => s.files));
  const inputs = new Map<string, Buffer>();
  for (const file of files) {
    const full = path.join(referenceDir, file);
    if (!fs.existsSync(full)) {
      throw new Error(
        `reference data file ${full} is missing: set SETU_REFERENCE_DIR to the folder that holds ` +
          'lgd/, geo/ and transit/ (default ../shared/data)',
      );
    }
    inputs.set(file, fs.readFileSync(full));
  }
  return inputs;
}

/** One file: its own SHA-256. Several: the SHA-256 of their sorted "path sha" lines. */
function checksumOf(hashes: Record<string, string>): string {
  const entries = Object.entries(hashes);
  const [only] = entries;
  if (entries.length === 1 && only) return only[1];
  return sha256(
    entries
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([file, hash]) => `${file} ${hash}`)
      .join('\n'),
  );
}

const formatMs = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

export async function importReference(
  db: Database,
  referenceDir: string,
  log: (line: string) => void = () => undefined,
): Promise<ImportSummary> {
  const started = performance.now();
  const dir = path.resolve(referenceDir);
  const inputs = readInputs(dir);
  const fileHashes = new Map([...inputs].map(([file, data]) => [file, sha256(data)]));
  const summaries: SourceSummary[] = [];
  // Every server start runs this; when nothing changed, one line says so instead of one per source.
  const pendingSkips: string[] = [];

  for (const definition of SOURCES) {
    const sourceStarted = performance.now();
    const hashes = Object.fromEntries(definition.files.map((f) => [f, fileHashes.get(f) ?? '']));
    const checksum = checksumOf(hashes);
    const summary = await db.asSystem(async (tx): Promise<SourceSummary> => {
      // Several app servers may start at once; one imports, the others then see its result and skip.
      if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(4242002)');
      const { rows } = await tx.query<{ checksum: string; importer_version: number; row_count: number }>(
        'SELECT checksum, importer_version, row_count FROM reference_imports WHERE source = $1',
        [definition.source],
      );
      const previous = rows[0];
      const base = { source: definition.source, table: definition.table, checksum };
      if (previous?.checksum === checksum && previous.importer_version === definition.version) {
        return { ...base, status: 'skipped', rows: previous.row_count, durationMs: 0, stats: {}, notes: [] };
      }
      const result = await definition.load(tx, inputs);
      const durationMs = Math.round(performance.now() - sourceStarted);
      await tx.query(
        `INSERT INTO reference_imports (source, checksum, row_count, importer_version, inputs, duration_ms, imported_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, now())
         ON CONFLICT (source) DO UPDATE SET checksum = EXCLUDED.checksum, row_count = EXCLUDED.row_count,
           importer_version = EXCLUDED.importer_version, inputs = EXCLUDED.inputs,
           duration_ms = EXCLUDED.duration_ms, imported_at = EXCLUDED.imported_at`,
        [definition.source, checksum, result.rows, definition.version, JSON.stringify(hashes), durationMs],
      );
      return { ...base, status: 'loaded', durationMs, ...result };
    });
    summaries.push(summary);
    const what = `${summary.source} → ${summary.table}`;
    if (summary.status === 'skipped') {
      pendingSkips.push(`reference: ${what}: unchanged, skipped (${summary.rows} rows)`);
    } else {
      pendingSkips.splice(0).forEach((line) => log(line));
      log(`reference: ${what}: loaded ${summary.rows} rows in ${formatMs(summary.durationMs)}`);
      for (const note of summary.notes) log(`reference:   ${note}`);
    }
  }

  const loaded = summaries.filter((s) => s.status === 'loaded').length;
  const durationMs = Math.round(performance.now() - started);
  if (loaded > 0) {
    pendingSkips.splice(0).forEach((line) => log(line));
    log(
      `reference: import finished in ${formatMs(durationMs)} on ${db.kind}: ` +
        `${loaded} loaded, ${summaries.length - loaded} unchanged`,
    );
  } else {
    log(`reference: all ${summaries.length} sources unchanged (checked in ${formatMs(durationMs)})`);
  }
  return { referenceDir: dir, sources: summaries, loaded, skipped: summaries.length - loaded, durationMs };
}
