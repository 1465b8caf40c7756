/**
 * The monthly State report as a PDF (pdfkit): the month's figures beside the last 12 months, charge-sheet
 * deadlines, district roles, corridors, hubs and NCRB figures, headed in English and Hindi.
 *
 * Hindi needs a Devanagari font: Noto Sans Devanagari from fonts-noto-core (SETU_FONT_DIR, default
 * /usr/share/fonts/truetype/noto), embedded and shaped by pdfkit's fontkit (conjuncts and matras). Where the
 * fonts are missing the report is produced in English only with the PDF standard Helvetica.
 */
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { RequestScope } from '../../server/access.ts';
import { badRequest } from '../../server/errors.ts';
import { corridors, districtRoles, exploitationMix, performance, transitHubs, trends } from './figures.ts';
import { resolveFilters, type Filters } from './filters.ts';

const FONT_DIR = process.env.SETU_FONT_DIR ?? '/usr/share/fonts/truetype/noto';
const FONTS = {
  latin: 'NotoSans-Regular.ttf',
  latinBold: 'NotoSans-Bold.ttf',
  hindi: 'NotoSansDevanagari-Regular.ttf',
  hindiBold: 'NotoSansDevanagari-Bold.ttf',
} as const;

export function fontsAvailable(dir = FONT_DIR): boolean {
  return Object.values(FONTS).every((f) => fs.existsSync(path.join(dir, f)));
}

export interface ReportInput {
  state: number;
  /** YYYY-MM */
  month: string;
}

function monthRange(month: string): { from: string; to: string; yearFrom: string } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const year = Number(match?.[1]);
  const m = Number(match?.[2]);
  if (!match || m < 1 || m > 12) throw badRequest(`"month" must be YYYY-MM, e.g. 2025-06; got "${month}".`);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const start = new Date(Date.UTC(year, m - 12, 1)).toISOString().slice(0, 10);
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}`, yearFrom: start };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTHS_HI = [
  'जनवरी',
  'फ़रवरी',
  'मार्च',
  'अप्रैल',
  'मई',
  'जून',
  'जुलाई',
  'अगस्त',
  'सितंबर',
  'अक्टूबर',
  'नवंबर',
  'दिसंबर',
];

export async function stateMonthlyReport(scope: RequestScope, input: ReportInput): Promise<Buffer> {
  const range = monthRange(input.month);
  const { tx, actor } = scope;
  const month = await resolveFilters(scope, { state: input.state, from: range.from, to: range.to });
  const year: Filters = { ...month, from: range.yearFrom };
  const { rows: states } = await tx.query<{ name: string; name_hi: string | null }>(
    'SELECT name, name_hi FROM states WHERE lgd_code = $1',
    [input.state],
  );
  const state = states[0];
  if (!state) throw badRequest(`No State with LGD code ${input.state}.`);
  const [monthTrend, yearTrend, perf, mix, roles, flows, hubs, ncrb] = await Promise.all([
    trends(tx, month, 'year'),
    trends(tx, year, 'month'),
    performance(tx, { ...month, from: null, to: range.to }, range.to),
    exploitationMix(tx, month),
    districtRoles(tx, year),
    corridors(tx, year, 'district', 8),
    transitHubs(tx, year, 8),
    tx.query<{ category: string; value: number }>(
      `SELECT category, value FROM official_state_figures
       WHERE dataset = 'ncrb2016_trafficking_purpose' AND state_lgd = $1 ORDER BY value DESC`,
      [input.state],
    ),
  ]);
  await scope.audit({
    action: 'analytics.export',
    objectType: 'analytics_report',
    objectId: `state-monthly:${input.state}:${input.month}`,
    details: { format: 'pdf', state: input.state, month: input.month },
  });

  const hindi = fontsAvailable();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: {
      Title: `Setu monthly State report: ${state.name}, ${input.month}`,
      Author: 'Setu',
      Creator: 'Setu',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (hindi) {
    for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, path.join(FONT_DIR, file));
  }
  const latin = hindi ? 'latin' : 'Helvetica';
  const bold = hindi ? 'latinBold' : 'Helvetica-Bold';
  const heading = (en: string, hi: string) => {
    doc.moveDown(0.8).font(bold).fontSize(13).fillColor('#1c2f8f').text(en);
    if (hindi) doc.font('hindiBold').fontSize(11).text(hi);
    doc.fillColor('#000000').font(latin).fontSize(10).moveDown(0.3);
  };
  const line = (label: string, value: string | number) => doc.text(`${label}: ${String(value)}`);
  const pct = (v: number | null) => (v === null ? 'n/a' : `${Math.round(v * 100)}%`);
  const [y, m] = input.month.split('-').map(Number);
  const monthName = `${MONTHS[(m ?? 1) - 1] ?? ''} ${String(y)}`;

  doc.font(bold).fontSize(18).text(`Monthly State report: ${state.name}`);
  if (hindi)
    doc
      .font('hindiBold')
      .fontSize(15)
      .text(`मासिक राज्य रिपोर्ट: ${state.name_hi ?? state.name}`);
  doc.font(latin).fontSize(11).text(monthName);
  if (hindi) doc.font('hindi').text(`${MONTHS_HI[(m ?? 1) - 1] ?? ''} ${String(y)}`);
  doc
    .font(latin)
    .fontSize(8)
    .fillColor('#495057')
    .text(
      `Generated ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by ${actor.username} (${actor.unitName}) from Setu. ` +
        'Counts are cases registered in the State that are visible to the author; official use only.',
    )
    .fillColor('#000000');

  const cur = monthTrend[0] ?? { cases: 0, victims: 0, accused: 0 };
  const twelve = yearTrend.reduce(
    (a, r) => ({ cases: a.cases + r.cases, victims: a.victims + r.victims, accused: a.accused + r.accused }),
    { cases: 0, victims: 0, accused: 0 },
  );
  heading('This month and the last 12 months', 'इस माह और पिछले 12 माह');
  line('Cases registered this month', cur.cases);
  line('Victims this month', cur.victims);
  line('Accused this month', cur.accused);
  line('Cases in the 12 months to this month', twelve.cases);
  line('Monthly average over those 12 months', (twelve.cases / 12).toFixed(1));
  doc.text(`By month: ${yearTrend.map((r) => `${r.period} ${String(r.cases)}`).join(', ') || 'none'}`);

  const all = perf.deadlines.find((d) => d.deadline === 'all');
  heading(
    'Charge-sheets (BNSS s.193 deadlines) at the end of the month',
    'आरोप-पत्र (बीएनएसएस धारा 193 समय-सीमा)',
  );
  for (const d of perf.deadlines) {
    const label = d.deadline === 'all' ? 'All deadlines' : `${d.deadline}-day deadline`;
    doc.text(
      `${label}: ${String(d.chargeSheetedOnTime)} on time, ${String(d.chargeSheetedLate)} late, ${String(d.pendingPastDeadline)} pending past the deadline, ${String(d.pendingWithinDeadline)} within it (on-time rate ${pct(d.onTimeRate)})`,
    );
  }
  if (!all) doc.text('No case has a charge-sheet deadline yet.');
  line(
    'Conviction rate (all years)',
    `${pct(perf.convictionRate)} (${String(perf.convicted)} of ${String(perf.decided)} decided)`,
  );
  line(
    'Median days from registration to charge-sheet',
    perf.medianDaysToChargeSheet === null ? 'n/a' : Math.round(perf.medianDaysToChargeSheet),
  );

  heading('Forms of exploitation this month', 'इस माह शोषण के प्रकार');
  if (mix.length === 0) doc.text('No cases this month.');
  for (const f of mix) doc.text(`${f.title}: ${String(f.cases)} (${pct(f.share)})`);

  heading('District roles in the State, last 12 months', 'राज्य के ज़िलों की भूमिका, पिछले 12 माह');
  doc
    .fontSize(8)
    .fillColor('#495057')
    .text(
      'Source, transit or destination when at least 60% of the cases counted in a district had that stage there; otherwise mixed.',
    )
    .fillColor('#000000')
    .fontSize(10);
  for (const r of roles.slice(0, 12)) {
    doc.text(
      `${r.districtName}: ${r.role} (source ${String(r.sourceCases)}, transit ${String(r.transitCases)}, destination ${String(r.destinationCases)})`,
    );
  }
  if (roles.length === 0) doc.text('No route events in the State.');

  heading('Top corridors through the State, last 12 months', 'राज्य से होकर प्रमुख मार्ग, पिछले 12 माह');
  for (const c of flows) doc.text(`${c.originName} -> ${c.destinationName}: ${String(c.cases)}`);
  if (flows.length === 0) doc.text('None recorded.');

  heading('Transit hubs in the State, last 12 months', 'राज्य के पारगमन केंद्र, पिछले 12 माह');
  for (const h of hubs)
    doc.text(
      `${h.name} (${h.kind === 'station' ? 'railway station' : 'border crossing'}): ${String(h.cases)} cases`,
    );
  if (hubs.length === 0) doc.text('None recorded.');

  heading('Official statistics: NCRB 2016, persons trafficked by purpose', 'आधिकारिक आँकड़े: एनसीआरबी 2016');
  for (const r of ncrb.rows) doc.text(`${r.category}: ${String(r.value)}`);
  if (ncrb.rows.length === 0) doc.text('Not loaded (run `setu statistics import`).');
  doc.fontSize(8).fillColor('#495057').text('Source: NCRB, Crime in India 2016.');
  doc.end();
  return done;
}
