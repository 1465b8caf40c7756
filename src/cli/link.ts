/**
 * `setu link LEFT.csv [RIGHT.csv] --id COL --map field=COL,... --out OUT.csv`: finds the same person in
 * any CSV (one file: de-duplication). Rows are streamed and kept only in their compact prepared form, so
 * a million rows fit in memory; OUT.csv gets one row per pair in the auto-link or review tier.
 */
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { Command } from 'commander';
import { parse } from 'csv-parse';
import { parseDate } from '../linkage/dates.ts';
import { dedupe, link, type LinkResult, type ScoredPair } from '../linkage/pipeline.ts';
import {
  checkColumns,
  MappingError,
  parseMapping,
  rowToInput,
  type ColumnMapping,
} from '../linkage/mapping.ts';
import { placeNames, placeResolver, type DistrictRow } from '../linkage/places.ts';
import { prepareRecord, type PrepareOptions } from '../linkage/prepare.ts';
import { DEFAULT_THRESHOLDS, serialiseModel } from '../linkage/model.ts';
import type { PreparedRecord } from '../linkage/types.ts';

interface LinkFlags {
  id: string;
  rightId?: string;
  map: string;
  out: string;
  autoLink: string;
  review: string;
  ageDate?: string;
  saveModel?: string;
}

/** A progress line on stderr, only when a person is watching a terminal (never in a pipe or a log). */
function progress(): (text: string, fraction?: number) => void {
  if (!process.stderr.isTTY) return () => undefined;
  let last = 0;
  return (text, fraction) => {
    const now = Date.now();
    if (now - last < 200) return;
    last = now;
    const bar =
      fraction === undefined
        ? ''
        : `[${'#'.repeat(Math.round(Math.min(1, fraction) * 30)).padEnd(30, '.')}] ${Math.round(Math.min(1, fraction) * 100)}% `;
    process.stderr.write(`\r\x1b[2K${bar}${text}`);
  };
}

function probability(flag: string, name: string): number {
  const p = Number(flag);
  if (!Number.isFinite(p) || p <= 0 || p >= 1)
    throw new MappingError(`${name} must be a probability between 0 and 1, not "${flag}"`);
  return p;
}

/** LGD districts from the reference folder, so names and codes of one district agree; optional. */
function loadPlaces(referenceDir: string): Pick<PrepareOptions, 'resolvePlace' | 'placeNames'> {
  const file = path.join(referenceDir, 'lgd', '2-district.csv');
  if (!fs.existsSync(file)) return {};
  const rows: DistrictRow[] = [];
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).slice(1);
  for (const line of lines) {
    const cells = [...line.matchAll(/"([^"]*)"|([^,]+)|(?<=,)(?=,|$)/g)].map((m) => m[1] ?? m[2] ?? '');
    const [stateCode, stateName, districtCode, districtName] = cells;
    if (stateCode && districtCode) {
      rows.push({ stateCode, stateName: stateName ?? '', districtCode, districtName: districtName ?? '' });
    }
  }
  return { resolvePlace: placeResolver(rows), placeNames: placeNames(rows) };
}

async function readRecords(
  file: string,
  idColumn: string,
  mapping: ColumnMapping,
  options: PrepareOptions,
  show: (text: string) => void,
): Promise<PreparedRecord[]> {
  if (!fs.existsSync(file)) throw new MappingError(`${file}: no such file`);
  const records: PreparedRecord[] = [];
  const parser = fs.createReadStream(file).pipe(
    parse({
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      columns: (header: string[]) => {
        const names = header.map((h) => h.trim());
        checkColumns(path.basename(file), names, idColumn, mapping);
        return names;
      },
    }),
  );
  try {
    for await (const row of parser as AsyncIterable<Record<string, string>>) {
      records.push(prepareRecord(rowToInput(row, idColumn, mapping), options));
      if (records.length % 10_000 === 0) show(`reading ${path.basename(file)}: ${records.length} rows`);
    }
  } catch (error) {
    // csv-parse wraps errors thrown from the header callback; surface ours unchanged.
    const cause = error instanceof Error && error.cause instanceof MappingError ? error.cause : error;
    throw cause;
  }
  return records;
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

async function writePairs(file: string, pairs: readonly ScoredPair[]): Promise<void> {
  const out = fs.createWriteStream(file, { encoding: 'utf8' });
  const ready = once(out, 'open');
  await ready;
  let chunk = 'left_id,right_id,match_probability,tier\n';
  for (const p of pairs) {
    chunk += `${csvCell(p.left)},${csvCell(p.right)},${p.probability.toFixed(6)},${p.tier}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

async function runLink(
  left: string,
  right: string | undefined,
  flags: LinkFlags,
  referenceDir: string,
): Promise<void> {
  const mapping = parseMapping(flags.map);
  const thresholds = {
    autoLink: probability(flags.autoLink, '--auto-link'),
    review: probability(flags.review, '--review'),
  };
  if (thresholds.review > thresholds.autoLink)
    throw new MappingError('--review must not be above --auto-link');
  let referenceDate: number | undefined;
  if (flags.ageDate) {
    referenceDate = parseDate(flags.ageDate) ?? undefined;
    if (referenceDate === undefined)
      throw new MappingError(`--age-date: cannot read "${flags.ageDate}" as a date`);
  }
  const options: PrepareOptions = { referenceDate, ...loadPlaces(referenceDir) };
  const show = progress();
  const started = performance.now();
  const leftRecords = await readRecords(left, flags.id, mapping, options, show);
  const rightRecords = right
    ? await readRecords(right, flags.rightId ?? flags.id, mapping, options, show)
    : null;
  const onProgress = (phase: string, done: number, total: number) =>
    show(`${phase} ${total} candidate pairs`, done / Math.max(total, 1));
  const linkOptions = { thresholds, onProgress };
  const result: LinkResult = rightRecords
    ? link(leftRecords, rightRecords, linkOptions)
    : dedupe(leftRecords, linkOptions);
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
  await writePairs(flags.out, result.pairs);
  if (flags.saveModel) fs.writeFileSync(flags.saveModel, serialiseModel(result.model));
  const auto = result.pairs.filter((p) => p.tier === 'auto_link').length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const records = leftRecords.length + (rightRecords?.length ?? 0);
  console.log(
    `setu: ${records} records, ${result.comparisons} comparisons: ${auto} auto_link and ${result.pairs.length - auto} review pairs written to ${flags.out} (${seconds} s)`,
  );
  for (const rule of result.blocking.rules) {
    if (rule.oversizedBlocks > 0) {
      console.error(
        `setu: blocking rule ${rule.rule} skipped ${rule.oversizedBlocks} oversized blocks (largest: ${rule.largest
          .slice(0, 3)
          .map((b) => `${b.key} with ${b.records} records`)
          .join('; ')})`,
      );
    }
  }
}

export function registerLinkCommand(program: Command): void {
  program
    .command('link <left> [right]')
    .description('find the same person within one CSV (de-duplication) or across two, in any Indian script')
    .requiredOption(
      '--id <column>',
      'the column that identifies a row (of LEFT, and of RIGHT unless --right-id)',
    )
    .option('--right-id <column>', 'the identifying column of RIGHT, when it is named differently')
    .requiredOption(
      '--map <field=COL,...>',
      'columns for given_name, family_name, full_name, father_name, dob, age, sex, district, address, phone, id_number; join columns with + (address=Village+Post)',
    )
    .requiredOption('--out <file>', 'output CSV: left_id,right_id,match_probability,tier')
    .option(
      '--auto-link <p>',
      'probability from which a pair is linked without review',
      String(DEFAULT_THRESHOLDS.autoLink),
    )
    .option('--review <p>', 'probability from which a pair goes to review', String(DEFAULT_THRESHOLDS.review))
    .option('--age-date <date>', 'the date at which the age column holds (default: today)')
    .option('--save-model <file>', 'write the trained model (JSON) for reuse and re-estimation')
    .action(async (left: string, right: string | undefined, flags: LinkFlags, command: Command) => {
      const globals = command.optsWithGlobals<{ referenceDir?: string }>();
      const referenceDir = path.resolve(
        globals.referenceDir ?? process.env.SETU_REFERENCE_DIR ?? '../shared/data',
      );
      try {
        await runLink(left, right, flags, referenceDir);
      } catch (error) {
        if (!(error instanceof MappingError)) throw error;
        console.error(`setu link: ${error.message}`);
        process.exitCode = 2;
      }
    });
}
