/**
 * Case persons as the linkage engine sees them: read with system rights (identity included), prepared,
 * and stored with their hashed blocking keys. Nothing here is reachable by the app role.
 */
import type { Tx } from '../../db/database.ts';
import {
  hashedKeys,
  prepareRecord,
  type HashedKey,
  type PersonInput,
  type PreparedRecord,
} from '../../linkage/index.ts';

export interface SourcePerson {
  person_id: string;
  case_id: string;
  state_lgd: number;
  role: string;
  unit_id: string;
  sex: string;
  age_years: number | null;
  age_on: string | null;
  age_is_estimate: boolean;
  home_district_lgd: number | null;
  home_state_lgd: number | null;
  name: string | null;
  date_of_birth: string | null;
  father_name: string | null;
  mother_name: string | null;
  spouse_name: string | null;
  address: string | null;
  phones: string[] | null;
  id_number_last4: string | null;
}

export async function loadSourcePerson(tx: Tx, personId: string): Promise<SourcePerson | undefined> {
  const { rows } = await tx.query<SourcePerson>(
    `SELECT p.id AS person_id, p.case_id, c.state_lgd, p.role::text AS role, c.registering_unit_id AS unit_id,
       p.sex::text AS sex, p.age_years, p.age_on::text AS age_on, p.age_is_estimate, p.home_district_lgd,
       d.state_lgd AS home_state_lgd, i.name, i.date_of_birth::text AS date_of_birth, i.father_name, i.mother_name,
       i.spouse_name, i.address, i.phones, i.id_number_last4
     FROM case_persons p
     JOIN cases c ON c.id = p.case_id
     LEFT JOIN person_identities i ON i.person_id = p.id
     LEFT JOIN districts d ON d.lgd_code = p.home_district_lgd
     WHERE p.id = $1`,
    [personId],
  );
  return rows[0];
}

/**
 * The engine's input for a case person. The home district is where a person comes from, so it is what
 * two registers of the same person share; the case's own district is where they were found and is left out.
 */
export function toPersonInput(p: SourcePerson): PersonInput {
  return {
    id: p.person_id,
    fullName: p.name,
    fatherName: p.father_name,
    motherName: p.mother_name,
    spouseName: p.spouse_name,
    dob: p.date_of_birth,
    age: p.date_of_birth ? null : p.age_years,
    ageAt: p.age_on,
    sex: p.sex === 'unknown' ? null : p.sex,
    district: p.home_district_lgd === null ? null : String(p.home_district_lgd),
    state: p.home_state_lgd === null ? null : String(p.home_state_lgd),
    address: p.address,
    phone: p.phones?.[0] ?? null,
    idNumber: p.id_number_last4,
  };
}

export function preparePerson(p: SourcePerson, today: number): PreparedRecord {
  return prepareRecord(toPersonInput(p), { referenceDate: today });
}

export const todayNumber = (now = new Date()) => Number(now.toISOString().slice(0, 10).replaceAll('-', ''));

export interface StoredRecord {
  seq: number;
  person_id: string;
  case_id: string;
  state_lgd: number;
  role: string;
  prepared: PreparedRecord;
  identity_id: string | null;
}

/**
 * Stores (or replaces) a person's prepared record and its keys. Keys the record no longer has are removed
 * through the primary key, using the list kept on the record. Returns the record's sequence number.
 */
export async function storeRecord(
  tx: Tx,
  p: Pick<SourcePerson, 'person_id' | 'case_id' | 'state_lgd' | 'role'>,
  prepared: PreparedRecord,
  keys: readonly HashedKey[],
): Promise<number> {
  const hashes = keys.map((k) => k.hash);
  const { rows: before } = await tx.query<{ seq: number | string; key_hashes: (number | string)[] }>(
    'SELECT seq, key_hashes FROM linkage_records WHERE person_id = $1 FOR UPDATE',
    [p.person_id],
  );
  let seq: number;
  const previous = before[0];
  if (previous) {
    seq = Number(previous.seq);
    const keep = new Set(hashes);
    const gone = previous.key_hashes.map(Number).filter((h) => !keep.has(h));
    if (gone.length > 0)
      await tx.query('DELETE FROM linkage_keys WHERE record_seq = $1 AND key_hash = ANY($2::bigint[])', [
        seq,
        gone,
      ]);
    await tx.query(
      `UPDATE linkage_records SET case_id = $2, state_lgd = $3, role = $4, prepared = $5, key_hashes = $6::bigint[],
         updated_at = now() WHERE seq = $1`,
      [seq, p.case_id, p.state_lgd, p.role, JSON.stringify(prepared), hashes],
    );
  } else {
    const { rows } = await tx.query<{ seq: number }>(
      `INSERT INTO linkage_records (person_id, case_id, state_lgd, role, prepared, key_hashes)
       VALUES ($1, $2, $3, $4, $5, $6::bigint[]) RETURNING seq`,
      [p.person_id, p.case_id, p.state_lgd, p.role, JSON.stringify(prepared), hashes],
    );
    seq = Number(rows[0]?.seq);
  }
  if (hashes.length > 0)
    await tx.query(
      `INSERT INTO linkage_keys (key_hash, record_seq) SELECT h, $2 FROM unnest($1::bigint[]) AS h
       ON CONFLICT DO NOTHING`,
      [hashes, seq],
    );
  return seq;
}

/**
 * The stored records that share a key with `keys`: per key at most cap + 1 members are read (one more
 * than a usable block holds, so a too-common key is recognised without reading all of it).
 */
export async function fetchBlocks(
  tx: Tx,
  keys: readonly HashedKey[],
  exceptSeq: number,
): Promise<Map<number, number[]>> {
  const members = new Map<number, number[]>();
  if (keys.length === 0) return members;
  const { rows } = await tx.query<{ key_hash: number | string; record_seq: number | string }>(
    `SELECT k.key_hash, m.record_seq
     FROM unnest($1::bigint[], $2::int[]) AS k (key_hash, cap)
     CROSS JOIN LATERAL (
       SELECT lk.record_seq FROM linkage_keys lk
       WHERE lk.key_hash = k.key_hash AND lk.record_seq <> $3 LIMIT k.cap + 1
     ) m`,
    [keys.map((k) => k.hash), keys.map((k) => k.cap), exceptSeq],
  );
  for (const row of rows) {
    const hash = Number(row.key_hash);
    const list = members.get(hash);
    if (list) list.push(Number(row.record_seq));
    else members.set(hash, [Number(row.record_seq)]);
  }
  return members;
}

export async function loadRecords(tx: Tx, seqs: readonly number[]): Promise<Map<number, StoredRecord>> {
  const out = new Map<number, StoredRecord>();
  if (seqs.length === 0) return out;
  // As text, parsed here: PGlite's own jsonb decoding is many times slower than JSON.parse.
  const { rows } = await tx.query<
    Omit<StoredRecord, 'seq' | 'prepared'> & { seq: number | string; prepared: string }
  >(
    `SELECT seq, person_id, case_id, state_lgd, role::text AS role, prepared::text AS prepared, identity_id
     FROM linkage_records WHERE seq = ANY($1::bigint[])`,
    [seqs],
  );
  for (const row of rows)
    out.set(Number(row.seq), {
      ...row,
      seq: Number(row.seq),
      prepared: JSON.parse(row.prepared) as PreparedRecord,
    });
  return out;
}

export { hashedKeys };
