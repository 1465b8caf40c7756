/**
 * Certificates of training: a PDF with a verification code that anyone can check on Setu's public page.
 * The check reveals only the name, the programme and the date, nothing else about the person.
 */
import crypto from 'node:crypto';
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import type { Database } from '../../db/database.ts';
import { toLatin } from '../../linkage/transliterate.ts';
import type { RequestScope } from '../../server/access.ts';
import { conflict, notFound } from '../../server/errors.ts';
import { todayInIndia } from './refresher.ts';
import { requireManager } from './sessions.ts';

// No 0/O, 1/I/L: codes are read aloud over the phone and typed from paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A code like "K7QPM-3XW9D": 50 bits, so guessing one is hopeless even before rate limiting. */
export function newCertificateCode(): string {
  const bytes = crypto.randomBytes(10);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length] ?? 'A');
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

export const normaliseCode = (code: string) =>
  code
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/^(.{5})(.{5})$/, '$1-$2');

export async function issueCertificate(
  scope: RequestScope,
  sessionId: string,
  participantId: string,
  makeCode: () => string = newCertificateCode,
): Promise<{ code: string; issuedAt: string }> {
  const session = await requireManager(scope, sessionId);
  const { rows } = await scope.tx.query<{
    attended: boolean;
    code: string | null;
    issued_at: string | Date | null;
  }>(
    `SELECT attended, certificate_code AS code, certificate_issued_at AS issued_at FROM training_attendance
     WHERE session_id = $1 AND participant_id = $2`,
    [sessionId, participantId],
  );
  const row = rows[0];
  if (!row) throw notFound('The participant’s attendance in this session');
  if (row.code && row.issued_at) return { code: row.code, issuedAt: new Date(row.issued_at).toISOString() };
  if (!row.attended) throw conflict('A certificate is for those who attended; mark the attendance first.');
  if (session.status === 'cancelled') throw conflict('The session was cancelled; it gives no certificates.');
  if (session.ends_on > todayInIndia())
    throw conflict(`The session ends on ${session.ends_on}; certificates can be issued from that day.`);
  const code = makeCode();
  const updated = await scope.tx.query<{ issued_at: string | Date }>(
    `UPDATE training_attendance SET certificate_code = $3, certificate_issued_at = now(), updated_at = now()
     WHERE session_id = $1 AND participant_id = $2 RETURNING certificate_issued_at AS issued_at`,
    [sessionId, participantId, code],
  );
  await scope.audit({
    action: 'training.certificate_issue',
    objectType: 'training_session',
    objectId: sessionId,
    details: { participantId },
  });
  return { code, issuedAt: new Date(updated.rows[0]?.issued_at ?? Date.now()).toISOString() };
}

/** Standard PDF fonts speak WinAnsi only: names in Indian scripts are romanised, anything else dropped. */
export function pdfText(text: string): string {
  return toLatin(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '');
}

const SERVICE_LABELS: Record<string, string> = {
  police: 'Police',
  prosecutor: 'Prosecution',
  judicial_officer: 'Judiciary',
  probation_officer: 'Probation',
  labour_official: 'Labour Department',
  cwc_member: 'Child Welfare Committee',
  ngo: 'Civil society (NGO)',
  lawyer: 'Bar',
};
const KIND_LABELS: Record<string, string> = {
  tot: 'Training of Trainers',
  induction: 'Induction training',
  refresher: 'Refresher training',
  specialised: 'Specialised training',
};

export async function certificatePdf(
  scope: RequestScope,
  sessionId: string,
  participantId: string,
  origin: string,
): Promise<Uint8Array> {
  const { rows } = await scope.tx.query<{
    code: string | null;
    name: string;
    designation: string | null;
    service: string;
    title: string;
    kind: string;
    place: string;
    starts_on: string;
    ends_on: string;
    unit_name: string;
    post_score: number | null;
  }>(
    `SELECT a.certificate_code AS code, p.name, p.designation, p.service::text AS service, g.title, g.kind::text AS kind,
       t.place, t.starts_on::text AS starts_on, t.ends_on::text AS ends_on, u.name AS unit_name, a.post_score::float8 AS post_score
     FROM training_attendance a JOIN training_participants p ON p.id = a.participant_id
     JOIN training_sessions t ON t.id = a.session_id JOIN training_programmes g ON g.id = t.programme_id
     JOIN units u ON u.id = t.unit_id WHERE a.session_id = $1 AND a.participant_id = $2`,
    [sessionId, participantId],
  );
  const row = rows[0];
  if (!row) throw notFound('The participant’s attendance in this session');
  if (!row.code) throw conflict('No certificate has been issued for this attendance yet.');
  await scope.audit({
    action: 'training.certificate_download',
    objectType: 'training_session',
    objectId: sessionId,
    details: { participantId },
  });

  const pdf = await PDFDocument.create();
  pdf.setTitle(`Certificate of training ${row.code}`);
  pdf.setProducer('Setu');
  pdf.setCreationDate(new Date(`${row.ends_on}T00:00:00Z`));
  const page = pdf.addPage([842, 595]); // A4 landscape, points
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.1, 0.12, 0.3);
  const centre = (text: string, y: number, size: number, font: PDFFont) => {
    const safe = pdfText(text);
    page.drawText(safe, { x: (842 - font.widthOfTextAtSize(safe, size)) / 2, y, size, font, color: ink });
  };
  page.drawRectangle({ x: 24, y: 24, width: 794, height: 547, borderColor: ink, borderWidth: 2 });
  centre('Certificate of Training', 480, 30, bold);
  centre('Anti-Human-Trafficking capacity building', 450, 13, regular);
  centre('This is to certify that', 400, 14, regular);
  centre(row.name, 365, 26, bold);
  const who = [row.designation, SERVICE_LABELS[row.service]].filter(Boolean).join(', ');
  if (who) centre(who, 340, 13, regular);
  centre(`attended the ${KIND_LABELS[row.kind] ?? 'training'}`, 300, 14, regular);
  centre(row.title, 272, 18, bold);
  const dates =
    row.starts_on === row.ends_on ? `on ${row.ends_on}` : `from ${row.starts_on} to ${row.ends_on}`;
  centre(`held at ${row.place} ${dates}, by ${row.unit_name}`, 244, 12, regular);
  if (row.post_score !== null) centre(`Post-assessment score: ${row.post_score}%`, 220, 12, regular);
  centre(`Verification code: ${row.code}`, 110, 16, bold);
  centre(`Check it at ${origin}/certificates/verify?code=${row.code}`, 88, 10, regular);
  return pdf.save();
}

/**
 * The public check of a certificate code: only the name, the programme and the date, read as the owner
 * role because the caller has no account (and so no Row-Level Security identity).
 */
export async function verifyCertificate(
  db: Database,
  rawCode: string,
): Promise<{ name: string; programme: string; date: string }> {
  const code = normaliseCode(rawCode);
  const { rows } = await db.asSystem((tx) =>
    tx.query<{ name: string; programme: string; date: string }>(
      `SELECT p.name, g.title AS programme, t.ends_on::text AS date
       FROM training_attendance a JOIN training_participants p ON p.id = a.participant_id
       JOIN training_sessions t ON t.id = a.session_id JOIN training_programmes g ON g.id = t.programme_id
       WHERE a.certificate_code = $1`,
      [code],
    ),
  );
  if (!rows[0]) throw notFound('A certificate with this code');
  return rows[0];
}
