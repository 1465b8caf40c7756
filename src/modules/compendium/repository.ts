/**
 * Reading and searching the compendium. Search works the same in English and Hindi on both engines: the
 * 'simple' text-search configuration keeps Devanagari words as written (no stemmer to mangle them), a
 * substring match finds part of a word ("तस्कर" in "तस्करी"), and trigram similarity of the title
 * forgives a misspelt English word. Row-Level Security decides which practices exist for the caller.
 */
import { Conditions, likePattern } from '../../db/sql.ts';
import type { RequestScope } from '../../server/access.ts';
import { notFound } from '../../server/errors.ts';
import type { PracticeListItem, PracticeQuery, PracticeView } from './schemas.ts';

interface PracticeRow {
  id: string;
  category: string;
  language: string;
  title: string;
  summary: string;
  state_lgd: number;
  state_name: string;
  unit_id: string;
  unit_name: string;
  status: string;
  published_at: string | Date | null;
  attachments: number;
}

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

const COLUMNS = `p.id, p.category, p.language, p.title, p.summary, p.state_lgd, s.name AS state_name, p.unit_id,
  p.unit_name, p.status, p.published_at,
  (SELECT count(*)::int FROM practice_attachments a WHERE a.practice_id = p.id) AS attachments`;

function present(row: PracticeRow): PracticeListItem {
  return {
    id: row.id,
    category: row.category,
    language: row.language,
    title: row.title,
    summary: row.summary,
    state: { lgdCode: row.state_lgd, name: row.state_name },
    unit: { id: row.unit_id, name: row.unit_name },
    status: row.status,
    publishedAt: iso(row.published_at),
    attachments: row.attachments,
  };
}

export async function searchPractices(
  scope: RequestScope,
  query: PracticeQuery,
): Promise<{ items: PracticeListItem[]; total: number }> {
  const filter = new Conditions();
  // Without a status filter, the list shows what is published plus the caller's own and reviewable drafts.
  if (query.status) filter.add((p) => `p.status = ${p}`, query.status);
  if (query.category) filter.add((p) => `p.category = ${p}`, query.category);
  if (query.language) filter.add((p) => `p.language = ${p}`, query.language);
  if (query.state !== undefined) filter.add((p) => `p.state_lgd = ${p}`, query.state);
  if (query.mine) filter.add((p) => `p.unit_id = ${p}`, scope.actor.unitId);
  const q = (query.q ?? '').trim().toLowerCase();
  let rank = 'NULL::real';
  if (q.length > 0) {
    // One array parameter: [1] the words, [2] the same as a LIKE pattern with its wildcards escaped.
    filter.add(
      (p) => `(p.search_vector @@ plainto_tsquery('simple', (${p}::text[])[1])
        OR lower(p.title || ' ' || p.summary || ' ' || p.body || ' ' || coalesce(p.outcomes, '')) LIKE (${p}::text[])[2]
        OR word_similarity((${p}::text[])[1], lower(p.title)) >= 0.6)`,
      [q, likePattern(q)],
    );
    const words = `($${filter.params.length}::text[])[1]`;
    rank = `ts_rank(p.search_vector, plainto_tsquery('simple', ${words})) + word_similarity(${words}, lower(p.title))`;
  }
  const total = await scope.tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM practices p ${filter.where}`,
    filter.params,
  );
  const page = filter.page(query.limit ?? 50, query.offset ?? 0);
  const { rows } = await scope.tx.query<PracticeRow>(
    `SELECT ${COLUMNS} FROM practices p JOIN states s ON s.lgd_code = p.state_lgd ${filter.where}
     ORDER BY ${rank} DESC NULLS LAST, p.published_at DESC NULLS FIRST, p.created_at DESC, p.id ${page.sql}`,
    page.params,
  );
  return { items: rows.map(present), total: total.rows[0]?.n ?? 0 };
}

export async function getPractice(scope: RequestScope, id: string): Promise<PracticeView> {
  const { rows } = await scope.tx.query<
    PracticeRow & {
      body: string;
      outcomes: string | null;
      review_note: string | null;
      created_at: string | Date;
      reviewer: boolean;
    }
  >(
    `SELECT ${COLUMNS}, p.body, p.outcomes, p.review_note, p.created_at, app_can_run_meeting(p.state_lgd) AS reviewer
     FROM practices p JOIN states s ON s.lgd_code = p.state_lgd WHERE p.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw notFound('The practice');
  const files = await scope.tx.query<{
    id: string;
    file_name: string;
    content_type: string;
    size_bytes: number;
    sha256: string;
    uploaded_at: string | Date;
  }>(
    'SELECT id, file_name, content_type, size_bytes, sha256, uploaded_at FROM practice_attachments WHERE practice_id = $1 ORDER BY uploaded_at',
    [id],
  );
  const own = row.unit_id === scope.actor.unitId;
  return {
    ...present(row),
    body: row.body,
    outcomes: row.outcomes,
    // The reviewer's note is for the unit and the reviewers, not for every reader of a published practice.
    reviewNote: own || row.reviewer ? row.review_note : null,
    createdAt: new Date(row.created_at).toISOString(),
    attachmentList: files.rows.map((f) => ({
      id: f.id,
      fileName: f.file_name,
      contentType: f.content_type,
      sizeBytes: f.size_bytes,
      sha256: f.sha256,
      uploadedAt: new Date(f.uploaded_at).toISOString(),
    })),
    canReview: row.reviewer && row.status === 'submitted',
    canEdit: (own && row.status !== 'published') || row.reviewer,
  };
}
