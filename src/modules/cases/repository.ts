/** Reading cases: the list with filters and the whole case page. Row-Level Security scopes both. */
import { Conditions, likePattern } from '../../db/sql.ts';
import type { RequestScope } from '../../server/access.ts';
import { notFound } from '../../server/errors.ts';
import { NEXT_STATUSES, type CaseStatus } from './codes.ts';
import { presentPerson, SELECT_PERSON, type PersonRow } from './persons.ts';
import { loadRoute } from './route-events.ts';
import type { CaseListItem, CaseListQuery, CaseView } from './schemas.ts';

interface CaseRow {
  id: string;
  reference: string;
  title: string;
  kind: string;
  status: CaseStatus;
  fir_number: string | null;
  registered_on: string;
  state_lgd: number;
  state_name: string;
  district_lgd: number;
  district_name: string;
  registering_unit_id: string;
  registering_unit_name: string;
  exploitation_forms: string[];
  victim_count: number;
  accused_count: number;
  is_inter_state: boolean;
  is_cross_border: boolean;
  charge_sheet_due_on: string | null;
  overdue: boolean;
  updated_at: string | Date;
}

const LIST_COLUMNS = `c.id, c.reference, c.title, c.kind, c.status, c.fir_number, c.registered_on::text AS registered_on,
  c.state_lgd, s.name AS state_name, c.district_lgd, d.name AS district_name, c.registering_unit_id,
  u.name AS registering_unit_name, c.exploitation_forms,
  (SELECT count(*)::int FROM case_persons p WHERE p.case_id = c.id AND p.role = 'victim') AS victim_count,
  (SELECT count(*)::int FROM case_persons p WHERE p.case_id = c.id AND p.role = 'accused') AS accused_count,
  c.is_inter_state, c.is_cross_border, c.charge_sheet_due_on::text AS charge_sheet_due_on,
  (c.charge_sheet_due_on < current_date AND c.status IN ('registered', 'under_investigation')) AS overdue, c.updated_at`;

const FROM_CASES = `FROM cases c JOIN states s ON s.lgd_code = c.state_lgd JOIN districts d ON d.lgd_code = c.district_lgd
  JOIN units u ON u.id = c.registering_unit_id`;

const iso = (value: string | Date) => new Date(value).toISOString();

function presentListItem(row: CaseRow): CaseListItem {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    kind: row.kind,
    status: row.status,
    firNumber: row.fir_number,
    registeredOn: row.registered_on,
    state: { lgdCode: row.state_lgd, name: row.state_name },
    district: { lgdCode: row.district_lgd, name: row.district_name },
    registeringUnit: { id: row.registering_unit_id, name: row.registering_unit_name },
    exploitationForms: row.exploitation_forms,
    victimCount: row.victim_count,
    accusedCount: row.accused_count,
    isInterState: row.is_inter_state,
    isCrossBorder: row.is_cross_border,
    chargeSheetDueOn: row.charge_sheet_due_on,
    chargeSheetOverdue: row.overdue,
    updatedAt: iso(row.updated_at),
  };
}

const SORTS: Record<NonNullable<CaseListQuery['sort']>, string> = {
  registered_on: 'c.registered_on ASC, c.id',
  '-registered_on': 'c.registered_on DESC, c.id',
  updated_at: 'c.updated_at ASC, c.id',
  '-updated_at': 'c.updated_at DESC, c.id',
  charge_sheet_due_on: 'c.charge_sheet_due_on ASC NULLS LAST, c.id',
  reference: 'c.reference ASC',
};

export async function listCases(
  scope: RequestScope,
  query: CaseListQuery,
): Promise<{ items: CaseListItem[]; total: number }> {
  const filter = new Conditions();
  if (query.q) {
    // Matches come from the trigram indexes first (migration 0012); RLS on `cases` still decides visibility.
    filter.add(
      (p) => `c.id = ANY ((SELECT app_search_case_ids(${p}))::uuid[])`,
      likePattern(query.q.trim().toLowerCase()),
    );
  }
  if (query.status && query.status.length > 0)
    filter.add((p) => `c.status = ANY(${p}::case_status[])`, query.status);
  if (query.kind) filter.add((p) => `c.kind = ${p}`, query.kind);
  if (query.form) filter.add((p) => `c.exploitation_forms @> ARRAY[${p}]::text[]`, query.form);
  if (query.state !== undefined) filter.add((p) => `c.state_lgd = ${p}`, query.state);
  if (query.district !== undefined) filter.add((p) => `c.district_lgd = ${p}`, query.district);
  if (query.unitId) filter.add((p) => `c.registering_unit_id = ${p}`, query.unitId);
  if (query.mine)
    filter.add(
      (p) => `(c.registering_unit_id = ${p} OR c.police_station_unit_id = ${p})`,
      scope.actor.unitId,
    );
  if (query.from) filter.add((p) => `c.registered_on >= ${p}`, query.from);
  if (query.to) filter.add((p) => `c.registered_on <= ${p}`, query.to);
  if (query.interState !== undefined) filter.add((p) => `c.is_inter_state = ${p}`, query.interState);
  if (query.crossBorder !== undefined) filter.add((p) => `c.is_cross_border = ${p}`, query.crossBorder);
  if (query.overdue)
    filter.raw(`c.charge_sheet_due_on < current_date AND c.status IN ('registered', 'under_investigation')`);
  const total = await scope.tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cases c ${filter.where}`,
    filter.params,
  );
  const page = filter.page(query.limit ?? 25, query.offset ?? 0);
  const order = SORTS[query.sort ?? '-registered_on'];
  // The page is cut from `cases` alone and names joined to its rows only: RLS hides how selective the
  // filters are from the planner, which otherwise joined units to every candidate row (bench/README.md).
  const { rows } = await scope.tx.query<CaseRow>(
    `SELECT ${LIST_COLUMNS}
     FROM (SELECT * FROM cases c ${filter.where} ORDER BY ${order} ${page.sql}) c
     JOIN states s ON s.lgd_code = c.state_lgd JOIN districts d ON d.lgd_code = c.district_lgd
     JOIN units u ON u.id = c.registering_unit_id
     ORDER BY ${order}`,
    page.params,
  );
  return { items: rows.map(presentListItem), total: total.rows[0]?.n ?? 0 };
}

interface CaseDetailRow extends CaseRow {
  summary: string | null;
  fir_date: string | null;
  police_station_unit_id: string | null;
  police_station_name: string | null;
  police_station_unit_name: string | null;
  investigating_officer_id: string | null;
  investigating_officer_name: string | null;
  io_display_name: string | null;
  legal_sections: string[];
  status_changed_on: string;
  first_arrest_on: string | null;
  charge_sheeted_on: string | null;
  version: number;
  created_at: string | Date;
  standing: string | null;
  can_edit: boolean;
}

export async function getCase(scope: RequestScope, caseId: string): Promise<CaseView> {
  const tx = scope.tx;
  const { rows } = await tx.query<CaseDetailRow>(
    `SELECT ${LIST_COLUMNS}, c.summary, c.fir_date::text AS fir_date, c.police_station_unit_id, c.police_station_name,
       ps.name AS police_station_unit_name, c.investigating_officer_id, c.investigating_officer_name, io.display_name AS io_display_name,
       c.legal_sections, c.status_changed_on::text AS status_changed_on, c.first_arrest_on::text AS first_arrest_on,
       c.charge_sheeted_on::text AS charge_sheeted_on, c.version, c.created_at,
       app_case_standing(c.id) AS standing, app_can_edit_case(c.id) AS can_edit
     ${FROM_CASES} LEFT JOIN units ps ON ps.id = c.police_station_unit_id LEFT JOIN users io ON io.id = c.investigating_officer_id
     WHERE c.id = $1`,
    [caseId],
  );
  const row = rows[0];
  if (!row) throw notFound('The case');
  // One after another: a transaction's client runs one query at a time (pg deprecates queuing them in parallel).
  const persons = await tx.query<PersonRow>(
    `${SELECT_PERSON} WHERE p.case_id = $1 ORDER BY p.role, p.created_at`,
    [caseId],
  );
  const route = await loadRoute(tx, caseId);
  const timeline = await tx.query<{
    status: string;
    effective_on: string;
    note: string | null;
    recorded_by: string | null;
    recorded_at: string | Date;
  }>(
    `SELECT e.status, e.effective_on::text AS effective_on, e.note, u.display_name AS recorded_by, e.recorded_at
     FROM case_status_events e LEFT JOIN users u ON u.id = e.recorded_by WHERE e.case_id = $1 ORDER BY e.effective_on, e.id`,
    [caseId],
  );
  const notes = await tx.query<{
    id: string;
    body: string;
    author: string | null;
    unit: string | null;
    created_at: string | Date;
  }>(
    `SELECT n.id, n.body, u.display_name AS author, un.name AS unit, n.created_at FROM case_notes n
     LEFT JOIN users u ON u.id = n.author_id LEFT JOIN units un ON un.id = n.author_unit_id
     WHERE n.case_id = $1 ORDER BY n.created_at`,
    [caseId],
  );
  const attachments = await tx.query<{
    id: string;
    file_name: string;
    content_type: string;
    size_bytes: number;
    sha256: string;
    is_identity: boolean;
    person_id: string | null;
    description: string | null;
    uploaded_at: string | Date;
  }>(
    `SELECT id, file_name, content_type, size_bytes, sha256, is_identity, person_id, description, uploaded_at
     FROM attachments WHERE case_id = $1 ORDER BY uploaded_at`,
    [caseId],
  );
  const links = await tx.query<{ case_id: string; reference: string; relation: string }>(
    `SELECT l.linked_case_id AS case_id, c.reference, l.relation FROM case_links l JOIN cases c ON c.id = l.linked_case_id
     WHERE l.case_id = $1 ORDER BY c.reference`,
    [caseId],
  );
  const sections = await tx.query<{
    code: string;
    title: string;
    title_hi: string | null;
    replaced_by: string | null;
  }>(
    `SELECT code, title, title_hi, replaced_by FROM legal_sections WHERE code = ANY($1) ORDER BY array_position($1, code)`,
    [row.legal_sections],
  );
  return {
    ...presentListItem(row),
    summary: row.summary,
    firDate: row.fir_date,
    policeStation:
      row.police_station_unit_name || row.police_station_name
        ? {
            unitId: row.police_station_unit_id,
            name: row.police_station_unit_name ?? row.police_station_name ?? '',
          }
        : null,
    investigatingOfficer:
      row.io_display_name || row.investigating_officer_name
        ? {
            userId: row.investigating_officer_id,
            name: row.io_display_name ?? row.investigating_officer_name ?? '',
          }
        : null,
    legalSections: sections.rows.map((s) => ({
      code: s.code,
      title: s.title,
      titleHi: s.title_hi,
      replacedBy: s.replaced_by,
    })),
    statusChangedOn: row.status_changed_on,
    firstArrestOn: row.first_arrest_on,
    chargeSheetedOn: row.charge_sheeted_on,
    nextStatuses: row.can_edit ? [...NEXT_STATUSES[row.status]] : [],
    standing: row.standing ?? 'jurisdiction',
    canEdit: row.can_edit,
    version: row.version,
    persons: persons.rows.map(presentPerson),
    route,
    timeline: timeline.rows.map((e) => ({
      status: e.status,
      effectiveOn: e.effective_on,
      note: e.note,
      recordedBy: e.recorded_by,
      recordedAt: iso(e.recorded_at),
    })),
    notes: notes.rows.map((n) => ({
      id: n.id,
      body: n.body,
      author: n.author,
      unit: n.unit,
      createdAt: iso(n.created_at),
    })),
    attachments: attachments.rows.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      contentType: a.content_type,
      sizeBytes: a.size_bytes,
      sha256: a.sha256,
      isIdentity: a.is_identity,
      personId: a.person_id,
      description: a.description,
      uploadedAt: iso(a.uploaded_at),
    })),
    links: links.rows.map((l) => ({ caseId: l.case_id, reference: l.reference, relation: l.relation })),
    createdAt: iso(row.created_at),
  };
}
