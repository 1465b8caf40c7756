/**
 * People in a case. Non-identifying facts live in case_persons (readable with the case); identifying
 * details in person_identities, which the app role can write but never read: reading goes through
 * reveal_person_identity(), which checks need-to-know and audits in the database itself.
 */
import crypto from 'node:crypto';
import type { Tx } from '../../db/database.ts';
import type { RequestScope } from '../../server/access.ts';
import { AppError, badRequest, notFound } from '../../server/errors.ts';
import { PROTECTED_ROLES, type PersonRole } from './codes.ts';
import type { IdentityView, PersonInput, PersonPatch, PersonView } from './schemas.ts';

export interface PersonRow {
  id: string;
  case_id: string;
  role: PersonRole;
  pseudonym: string;
  display_name: string | null;
  sex: string;
  age_years: number | null;
  age_on: string | null;
  age_is_estimate: boolean;
  nationality: string;
  home_district_lgd: number | null;
  home_district_name: string | null;
  home_state_lgd: number | null;
  home_state_name: string | null;
  accused_role: string | null;
  arrest_status: string | null;
  arrested_on: string | null;
  bail_status: string | null;
  custody_status: string | null;
  rescued_on: string | null;
}

export const SELECT_PERSON = `SELECT p.id, p.case_id, p.role, p.pseudonym, p.display_name, p.sex, p.age_years,
  p.age_on::text AS age_on, p.age_is_estimate, p.nationality, p.home_district_lgd, d.name AS home_district_name,
  d.state_lgd AS home_state_lgd, s.name AS home_state_name, p.accused_role, p.arrest_status,
  p.arrested_on::text AS arrested_on, p.bail_status, p.custody_status, p.rescued_on::text AS rescued_on
  FROM case_persons p LEFT JOIN districts d ON d.lgd_code = p.home_district_lgd LEFT JOIN states s ON s.lgd_code = d.state_lgd`;

export function presentPerson(row: PersonRow): PersonView {
  return {
    id: row.id,
    caseId: row.case_id,
    role: row.role,
    pseudonym: row.pseudonym,
    displayName: row.display_name,
    identityMasked: PROTECTED_ROLES.includes(row.role),
    sex: row.sex,
    ageYears: row.age_years,
    ageOn: row.age_on,
    ageIsEstimate: row.age_is_estimate,
    isChild: row.age_years === null ? null : row.age_years < 18,
    nationality: row.nationality,
    homeDistrict:
      row.home_district_lgd !== null &&
      row.home_district_name &&
      row.home_state_lgd !== null &&
      row.home_state_name
        ? {
            lgdCode: row.home_district_lgd,
            name: row.home_district_name,
            stateLgd: row.home_state_lgd,
            stateName: row.home_state_name,
          }
        : null,
    accusedRole: row.accused_role,
    arrestStatus: row.arrest_status,
    arrestedOn: row.arrested_on,
    bailStatus: row.bail_status,
    custodyStatus: row.custody_status,
    rescuedOn: row.rescued_on,
  };
}

const PSEUDONYM_PREFIX: Record<PersonRole, string> = {
  victim: 'V',
  accused: 'A',
  rescuer: 'R',
  witness: 'W',
  complainant: 'C',
};
const PSEUDONYM_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function newPseudonym(role: PersonRole): string {
  const chars = Array.from(
    crypto.randomBytes(4),
    (byte) => PSEUDONYM_ALPHABET[byte % PSEUDONYM_ALPHABET.length],
  ).join('');
  return `${PSEUDONYM_PREFIX[role]}-${chars}`;
}

function ageAtDate(dateOfBirth: string, on: string): number {
  const birth = new Date(`${dateOfBirth}T00:00:00Z`);
  const at = new Date(`${on}T00:00:00Z`);
  let age = at.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    at.getUTCMonth() < birth.getUTCMonth() ||
    (at.getUTCMonth() === birth.getUTCMonth() && at.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

function validatePerson(input: PersonInput | PersonPatch, role: PersonRole): void {
  const accusedOnly = ['accusedRole', 'arrestStatus', 'arrestedOn', 'bailStatus', 'custodyStatus'] as const;
  if (role !== 'accused') {
    const misplaced = accusedOnly.filter((field) => input[field] !== undefined && input[field] !== null);
    if (misplaced.length > 0)
      throw badRequest(`${misplaced.join(', ')} apply only to an accused person.`, { fields: misplaced });
  }
  if (role !== 'victim' && input.rescuedOn)
    throw badRequest('rescuedOn applies only to a victim.', { field: 'rescuedOn' });
  if (
    input.arrestedOn &&
    input.arrestStatus &&
    input.arrestStatus !== 'arrested' &&
    input.arrestStatus !== 'surrendered'
  ) {
    throw badRequest('An arrest date needs arrestStatus "arrested" or "surrendered".', {
      field: 'arrestStatus',
    });
  }
  const today = new Date().toISOString().slice(0, 10);
  for (const field of ['dateOfBirth', 'arrestedOn', 'rescuedOn', 'ageOn'] as const) {
    const value = input[field];
    if (value && value > today) throw badRequest(`${field} cannot be in the future.`, { field });
  }
}

/** Keeps only the last four characters of an identity number: enough to tell documents apart, useless if leaked. */
function lastFour(idNumber: string | null | undefined): string | null {
  if (!idNumber) return null;
  const clean = idNumber.replace(/[^A-Za-z0-9]/g, '');
  if (clean.length < 4) throw badRequest('The identity number is too short.', { field: 'idNumber' });
  return clean.slice(-4);
}

export async function insertPerson(
  scope: RequestScope,
  caseId: string,
  stateLgd: number,
  registeredOn: string,
  input: PersonInput,
): Promise<string> {
  validatePerson(input, input.role);
  const protectedRole = PROTECTED_ROLES.includes(input.role);
  const ageOn = input.ageOn ?? registeredOn;
  const ageYears = input.dateOfBirth ? ageAtDate(input.dateOfBirth, ageOn) : (input.ageYears ?? null);
  const { rows } = await scope.tx.query<{ id: string }>(
    `INSERT INTO case_persons (case_id, state_lgd, role, pseudonym, display_name, sex, age_years, age_on, age_is_estimate,
       nationality, home_district_lgd, accused_role, arrest_status, arrested_on, bail_status, custody_status, rescued_on, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
    [
      caseId,
      stateLgd,
      input.role,
      newPseudonym(input.role),
      protectedRole ? null : input.name,
      input.sex ?? 'unknown',
      ageYears,
      ageYears === null ? null : ageOn,
      !input.dateOfBirth,
      input.nationality ?? 'IN',
      input.homeDistrictLgd ?? null,
      input.accusedRole ?? null,
      input.arrestStatus ?? (input.arrestedOn ? 'arrested' : null),
      input.arrestedOn ?? null,
      input.bailStatus ?? null,
      input.custodyStatus ?? null,
      input.rescuedOn ?? null,
      scope.actor.userId,
    ],
  );
  const personId = rows[0]?.id;
  if (!personId) throw new AppError(403, 'forbidden', 'You cannot add people to this case.');
  await scope.tx.query(
    `INSERT INTO person_identities (person_id, case_id, name, aliases, date_of_birth, father_name, mother_name, spouse_name,
       address, phones, id_document_type, id_number_last4)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      personId,
      caseId,
      input.name,
      input.aliases ?? [],
      input.dateOfBirth ?? null,
      input.fatherName ?? null,
      input.motherName ?? null,
      input.spouseName ?? null,
      input.address ?? null,
      input.phones ?? [],
      input.idDocumentType ?? null,
      lastFour(input.idNumber),
    ],
  );
  return personId;
}

export async function findPerson(tx: Tx, personId: string): Promise<PersonRow> {
  const { rows } = await tx.query<PersonRow>(`${SELECT_PERSON} WHERE p.id = $1`, [personId]);
  const row = rows[0];
  if (!row) throw notFound('The person');
  return row;
}

export async function updatePerson(
  scope: RequestScope,
  personId: string,
  patch: PersonPatch,
): Promise<PersonRow> {
  const current = await findPerson(scope.tx, personId);
  validatePerson(patch, current.role);
  const facts: [string, unknown][] = [];
  const identity: [string, unknown][] = [];
  const factColumns: Record<string, string> = {
    sex: 'sex',
    ageYears: 'age_years',
    ageOn: 'age_on',
    nationality: 'nationality',
    homeDistrictLgd: 'home_district_lgd',
    accusedRole: 'accused_role',
    arrestStatus: 'arrest_status',
    arrestedOn: 'arrested_on',
    bailStatus: 'bail_status',
    custodyStatus: 'custody_status',
    rescuedOn: 'rescued_on',
  };
  const identityColumns: Record<string, string> = {
    name: 'name',
    aliases: 'aliases',
    dateOfBirth: 'date_of_birth',
    fatherName: 'father_name',
    motherName: 'mother_name',
    spouseName: 'spouse_name',
    address: 'address',
    phones: 'phones',
    idDocumentType: 'id_document_type',
  };
  for (const [key, value] of Object.entries(patch)) {
    const factColumn = factColumns[key];
    const identityColumn = identityColumns[key];
    if (factColumn) facts.push([factColumn, value]);
    if (identityColumn) identity.push([identityColumn, value]);
  }
  if (patch.idNumber !== undefined) identity.push(['id_number_last4', lastFour(patch.idNumber)]);
  if (patch.name !== undefined && !PROTECTED_ROLES.includes(current.role))
    facts.push(['display_name', patch.name]);
  if (patch.dateOfBirth) {
    facts.push([
      'age_years',
      ageAtDate(patch.dateOfBirth, current.age_on ?? new Date().toISOString().slice(0, 10)),
    ]);
    facts.push(['age_is_estimate', false]);
  }
  const apply = async (table: string, key: string, pairs: [string, unknown][]) => {
    if (pairs.length === 0) return;
    const sets = pairs.map(([column], index) => `${column} = $${index + 2}`).join(', ');
    const result = await scope.tx.query(`UPDATE ${table} SET ${sets}, updated_at = now() WHERE ${key} = $1`, [
      personId,
      ...pairs.map(([, value]) => value),
    ]);
    if (result.rowCount === 0)
      throw new AppError(403, 'forbidden', 'You can see this case but not change it.');
  };
  await apply('case_persons', 'id', facts);
  await apply('person_identities', 'person_id', identity);
  return findPerson(scope.tx, personId);
}

interface IdentityRow {
  name: string;
  aliases: string[];
  date_of_birth: string | null;
  father_name: string | null;
  mother_name: string | null;
  spouse_name: string | null;
  address: string | null;
  phones: string[];
  id_document_type: string | null;
  id_number_last4: string | null;
  photo_attachment_id: string | null;
}

/** Reads identifying details through the database's need-to-know check, which also writes the audit entry. */
export async function revealIdentity(
  scope: RequestScope,
  personId: string,
  reason: string | undefined,
  clientIp: string,
): Promise<IdentityView> {
  let rows: IdentityRow[];
  try {
    ({ rows } = await scope.tx.query<IdentityRow>(
      `SELECT name, aliases, date_of_birth::text AS date_of_birth, father_name, mother_name, spouse_name, address, phones,
         id_document_type, id_number_last4, photo_attachment_id FROM reveal_person_identity($1, $2, $3)`,
      [personId, reason ?? null, clientIp],
    ));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'P0002') throw notFound('The person');
    if (code === '42501') {
      throw new AppError(
        403,
        'identity_not_authorised',
        "Only the case's own unit, and units the investigating officer authorised, may see this person's identity.",
      );
    }
    if (code === '22023')
      throw badRequest('State why you need to see this identity (at least 5 characters).', {
        field: 'reason',
      });
    throw error;
  }
  const row = rows[0];
  if (!row) throw notFound('The identity record');
  return {
    name: row.name,
    aliases: row.aliases,
    dateOfBirth: row.date_of_birth,
    fatherName: row.father_name,
    motherName: row.mother_name,
    spouseName: row.spouse_name,
    address: row.address,
    phones: row.phones,
    idDocumentType: row.id_document_type,
    idNumberLast4: row.id_number_last4,
    photoAttachmentId: row.photo_attachment_id,
  };
}
