/** How `setu link` maps a CSV's columns onto person fields (`--map field=COL+COL,...`). Pure: no I/O. */
import type { PersonInput } from './types.ts';

export const MAPPABLE_FIELDS = [
  'given_name',
  'family_name',
  'full_name',
  'father_name',
  'dob',
  'age',
  'sex',
  'district',
  'address',
  'phone',
  'id_number',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** A mistake in the command line or the files' headers; `setu link` exits with status 2 for these. */
export class MappingError extends Error {}

export type ColumnMapping = Map<MappableField, string[]>;

const isField = (name: string): name is MappableField =>
  (MAPPABLE_FIELDS as readonly string[]).includes(name);

/** Parses "given_name=First Name,family_name=Surname,address=Village+Post". */
export function parseMapping(spec: string): ColumnMapping {
  const mapping: ColumnMapping = new Map();
  for (const part of spec.split(',')) {
    if (!part.trim()) continue;
    const eq = part.indexOf('=');
    const field = (eq < 0 ? part : part.slice(0, eq)).trim();
    if (eq < 0 || !part.slice(eq + 1).trim()) {
      throw new MappingError(`--map: "${part.trim()}" should be field=COLUMN (e.g. given_name=First Name)`);
    }
    if (!isField(field)) {
      throw new MappingError(`--map: unknown field "${field}"; fields are: ${MAPPABLE_FIELDS.join(', ')}`);
    }
    if (mapping.has(field)) throw new MappingError(`--map: field "${field}" is mapped twice`);
    mapping.set(
      field,
      part
        .slice(eq + 1)
        .split('+')
        .map((c) => c.trim())
        .filter(Boolean),
    );
  }
  if (mapping.size === 0) throw new MappingError('--map: no fields mapped');
  if (!mapping.has('given_name') && !mapping.has('full_name') && !mapping.has('family_name')) {
    throw new MappingError('--map: map at least one name field (given_name, family_name or full_name)');
  }
  return mapping;
}

/** Throws a MappingError naming every missing column and listing the columns the file has. */
export function checkColumns(
  file: string,
  header: readonly string[],
  idColumn: string,
  mapping: ColumnMapping,
): void {
  const have = new Set(header);
  const missing: string[] = [];
  if (!have.has(idColumn)) missing.push(`"${idColumn}" (--id)`);
  for (const [field, columns] of mapping) {
    for (const c of columns) if (!have.has(c)) missing.push(`"${c}" (for ${field})`);
  }
  if (missing.length > 0) {
    throw new MappingError(
      `${file} has no column ${missing.join(', ')}; its columns are: ${header.map((h) => `"${h}"`).join(', ')}`,
    );
  }
}

const FIELD_TO_INPUT: Record<Exclude<MappableField, 'age'>, keyof PersonInput> = {
  given_name: 'givenName',
  family_name: 'familyName',
  full_name: 'fullName',
  father_name: 'fatherName',
  dob: 'dob',
  sex: 'sex',
  district: 'district',
  address: 'address',
  phone: 'phone',
  id_number: 'idNumber',
};

/** One CSV row (column → value) as a person record; columns joined by '+' are joined with a space. */
export function rowToInput(
  row: Record<string, string | undefined>,
  idColumn: string,
  mapping: ColumnMapping,
): PersonInput {
  const input: PersonInput = { id: row[idColumn] ?? '' };
  for (const [field, columns] of mapping) {
    const value = columns
      .map((c) => (row[c] ?? '').trim())
      .filter(Boolean)
      .join(' ');
    if (!value) continue;
    if (field === 'age') input.age = value;
    else input[FIELD_TO_INPUT[field]] = value;
  }
  return input;
}
