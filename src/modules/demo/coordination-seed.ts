/**
 * Demo coordination and outreach, made through the real services as the demo officers would: conferences
 * and judicial colloquia at each step of approval (one held with an overdue commitment), the compendium
 * with published practices in English and Hindi, awareness campaigns in source districts, and public tips
 * in triage. Deterministic (fixed seed, dates relative to today) and idempotent: skipped once a demo
 * conference exists. Needs seedDemo() first; run after seedDemoChannel().
 */
import type { Database } from '../../db/database.ts';
import type { Actor, RequestScope } from '../../server/access.ts';
import { appendAudit } from '../audit/service.ts';
import { recordCampaign } from '../campaigns/service.ts';
import { reviewPractice, submitPractice } from '../compendium/service.ts';
import { addActionItem, addResolution, updateActionItem } from '../conferences/actions.ts';
import type { ConferenceInput } from '../conferences/schemas.ts';
import { createConference, transitionConference } from '../conferences/service.ts';
import { submitPublicTip } from '../tips/public.ts';
import { triageTip } from '../tips/service.ts';
import { DEMO_CAMPAIGNS, DEMO_TIPS } from './coordination-data.ts';
import { DEMO_PRACTICES } from './coordination-practices.ts';
import { Rng } from './rng.ts';

const SEED = 20261202;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

type AsUser = <T>(username: string, fn: (scope: RequestScope) => Promise<T>) => Promise<T>;

function demoScopes(db: Database): AsUser {
  const actors = new Map<string, Actor>();
  return async (username, fn) => {
    let actor = actors.get(username);
    if (!actor) {
      const { rows } = await db.asSystem((tx) =>
        tx.query<{
          id: string;
          display_name: string;
          role: Actor['role'];
          unit_id: string;
          unit_name: string;
          level: Actor['level'];
          state_lgd: number | null;
          district_lgd: number | null;
        }>(
          `SELECT u.id, u.display_name, u.role, u.unit_id, un.name AS unit_name, un.level, un.state_lgd, un.district_lgd
           FROM users u JOIN units un ON un.id = u.unit_id WHERE u.username = $1 AND u.is_demo`,
          [username],
        ),
      );
      const row = rows[0];
      if (!row) throw new Error(`demo account ${username} is missing: run seedDemo first`);
      actor = {
        userId: row.id,
        username,
        displayName: row.display_name,
        role: row.role,
        unitId: row.unit_id,
        unitName: row.unit_name,
        level: row.level,
        stateLgd: row.state_lgd,
        districtLgd: row.district_lgd,
        via: 'session',
        mfaPassed: true,
        mfaEnrolled: false,
      };
      actors.set(username, actor);
    }
    const who = actor;
    return db.asActor({ userId: who.userId }, (tx) =>
      fn({ actor: who, tx, audit: (entry) => appendAudit(tx, { actor: who }, entry) }),
    );
  };
}

const budget = (mha: number, state: number): ConferenceInput['budgetLines'] => [
  { item: 'Resource persons and travel', amountRupees: Math.round(mha * 0.45), fundedBy: 'mha' },
  {
    item: 'Study material and printing (English and Hindi)',
    amountRupees: Math.round(mha * 0.2),
    fundedBy: 'mha',
  },
  {
    item: 'Boarding and lodging of participants',
    amountRupees: mha - Math.round(mha * 0.45) - Math.round(mha * 0.2),
    fundedBy: 'mha',
  },
  { item: 'Venue and audio-visual', amountRupees: state, fundedBy: 'state' },
];

async function unitIdByName(db: Database, name: string): Promise<string> {
  const { rows } = await db.asSystem((tx) =>
    tx.query<{ id: string }>('SELECT id FROM units WHERE name = $1', [name]),
  );
  if (!rows[0]) throw new Error(`demo unit ${name} is missing`);
  return rows[0].id;
}

async function seedConferences(db: Database, as: AsUser): Promise<void> {
  const colloquium = await as('br.patna.ahtu', (s) =>
    createConference(s, {
      kind: 'judicial_colloquium',
      title: 'Judicial colloquium on trafficking trials, Bihar',
      venue: 'Bihar Judicial Academy, Patna',
      startsOn: day(-45),
      endsOn: day(-44),
      objectives: 'Speedy trials, victim-witness protection and compensation in trafficking cases.',
      budgetLines: budget(195_000, 80_000),
      participants: [
        { category: 'high_court_judges', planned: 3, attended: 3 },
        { category: 'sessions_judges', planned: 38, attended: 35 },
        { category: 'public_prosecutors', planned: 40, attended: 37 },
        { category: 'district_nodal_officers', planned: 38, attended: 34 },
        { category: 'ngo_civil_society', planned: 15, attended: 18 },
      ],
    }),
  );
  await as('br.nodal', (s) =>
    transitionConference(s, colloquium, { action: 'approve', note: 'Approved within the MHA ceiling.' }),
  );
  await as('br.patna.ahtu', (s) => transitionConference(s, colloquium, { action: 'hold' }));
  const [champaran, patna, nodalBr] = await Promise.all([
    unitIdByName(db, 'AHTU Purbi Champaran (demo)'),
    unitIdByName(db, 'AHTU Patna (demo)'),
    unitIdByName(db, 'AHT State Nodal Office, Bihar (demo)'),
  ]);
  await as('br.nodal', async (s) => {
    const speedy = await addResolution(
      s,
      colloquium,
      'Trafficking trials to be heard day to day once witnesses are examined.',
    );
    const comp = await addResolution(
      s,
      colloquium,
      'Interim victim compensation to be applied for within a week of rescue.',
    );
    await addActionItem(s, colloquium, {
      title: 'Send the list of pending trafficking trials to the High Court',
      resolutionId: speedy,
      ownerUnitId: nodalBr,
      dueOn: day(-20),
    });
    await addActionItem(s, colloquium, {
      title: 'Apply for interim compensation for the Raxaul rescue victims',
      resolutionId: comp,
      ownerUnitId: champaran,
      dueOn: day(-7),
    });
    await addActionItem(s, colloquium, {
      title: 'Set up video-conference testimony from the Patna shelter',
      resolutionId: speedy,
      ownerUnitId: patna,
      dueOn: day(21),
    });
  });
  await as('br.nodal', async (s) => {
    const { rows } = await s.tx.query<{ id: string }>(
      `SELECT id FROM conference_action_items WHERE conference_id = $1 AND title LIKE 'Send the list%'`,
      [colloquium],
    );
    await updateActionItem(s, rows[0]?.id ?? '', { status: 'done', note: 'List of 212 pending trials sent' });
  });

  const jh = await as('jh.nodal', (s) =>
    createConference(s, {
      kind: 'state_conference',
      title: 'State conference on trafficking from Jharkhand',
      venue: 'JAP-1 auditorium, Ranchi',
      startsOn: day(20),
      endsOn: day(21),
      budgetLines: budget(180_000, 50_000),
      participants: [
        { category: 'police_officers', planned: 120 },
        { category: 'labour_officials', planned: 24 },
        { category: 'cwc_members', planned: 24 },
      ],
    }),
  );
  await as('nodal.analyst', (s) => transitionConference(s, jh, { action: 'approve' }));
  await as('up.varanasi.ahtu', (s) =>
    createConference(s, {
      kind: 'state_conference',
      title: 'Conference on cross-border trafficking from Nepal, Varanasi',
      venue: 'Police Lines, Varanasi',
      startsOn: day(40),
      endsOn: day(40),
      budgetLines: budget(150_000, 30_000),
      participants: [{ category: 'police_officers', planned: 80 }],
    }),
  );
  const wb = await as('wb.kolkata.ahtu', (s) =>
    createConference(s, {
      kind: 'judicial_colloquium',
      title: 'Colloquium on repatriation cases with Bangladesh',
      startsOn: day(35),
      endsOn: day(36),
      budgetLines: budget(200_000, 0).filter((l) => l.amountRupees > 0),
    }),
  );
  await as('wb.nodal', (s) =>
    transitionConference(s, wb, {
      action: 'return',
      note: 'Name the venue and add the public prosecutors to the participants.',
    }),
  );
}

export async function seedDemoCoordination(db: Database): Promise<{ created: boolean }> {
  const existing = await db.asSystem((tx) => tx.query('SELECT 1 FROM conferences WHERE is_demo LIMIT 1'));
  if (existing.rowCount > 0) return { created: false };
  const as = demoScopes(db);
  const rng = new Rng(SEED);
  await seedConferences(db, as);

  for (const p of DEMO_PRACTICES) {
    const id = await as(p.by, (s) =>
      submitPractice(s, {
        category: p.category,
        language: p.language,
        title: p.title,
        summary: p.summary,
        body: p.body,
        ...(p.outcomes ? { outcomes: p.outcomes } : {}),
      }),
    );
    if (p.pending) continue;
    const reviewer =
      (await as(p.by, (s) => Promise.resolve(s.actor.stateLgd))) === null
        ? 'nodal.analyst'
        : `${p.by.split('.')[0] ?? ''}.nodal`;
    await as(reviewer, (s) => reviewPractice(s, id, { action: 'publish' }));
  }

  for (const [i, c] of DEMO_CAMPAIGNS.entries()) {
    const start = -rng.int(10, 200);
    await as(c.by, (s) =>
      recordCampaign(s, {
        title: c.title,
        medium: c.medium,
        ...(c.district ? { districtLgd: c.district } : {}),
        ...(c.station ? { stationCode: c.station } : {}),
        startsOn: day(start),
        endsOn: day(start + rng.int(7, 45)),
        reach: rng.int(5, 120) * 1000 * (c.medium === 'tv' ? 20 : 1),
        languages: i % 3 === 0 ? ['hi', 'en'] : ['hi'],
      }),
    );
  }

  const units: Record<string, string> = {
    212: 'br.patna.ahtu',
    213: 'br.champaran.ahtu',
    339: 'jh.ranchi.ahtu',
    315: 'wb.kolkata.ahtu',
  };
  for (const [i, tip] of DEMO_TIPS.entries()) {
    const receipt = await submitPublicTip(
      db,
      {
        whatSeen: tip.whatSeen,
        districtLgd: tip.district,
        placeDetail: tip.place,
        seenAt: tip.when,
        language: tip.language,
      },
      `demo-seed-${i}`,
    );
    const officer = units[tip.district];
    if (!tip.step || !officer || !receipt.reference) continue;
    const { rows } = await db.asSystem((tx) =>
      tx.query<{ id: string }>('SELECT id FROM tips WHERE reference = $1', [receipt.reference]),
    );
    const id = rows[0]?.id ?? '';
    await as(officer, (s) => triageTip(s, id, { status: 'triaged', note: 'Credible: field check ordered.' }));
    if (tip.step === 'actioned')
      await as(officer, (s) =>
        triageTip(s, id, {
          status: 'actioned',
          note: 'Joint check with SSB; two girls stopped, driver arrested.',
        }),
      );
    if (tip.step === 'dismissed')
      await as(officer, (s) =>
        triageTip(s, id, { status: 'dismissed', note: 'Verified: a registered marriage of adults.' }),
      );
  }

  // Only what the demo accounts made, or what reached the demo units, becomes demo data.
  await db.asSystem(async (tx) => {
    const demoUsers = 'SELECT id FROM users WHERE is_demo';
    await tx.query(`UPDATE conferences SET is_demo = true WHERE created_by IN (${demoUsers})`);
    await tx.query(`UPDATE practices SET is_demo = true WHERE submitted_by IN (${demoUsers})`);
    await tx.query(`UPDATE campaigns SET is_demo = true WHERE created_by IN (${demoUsers})`);
    await tx.query(
      'UPDATE tips SET is_demo = true WHERE routed_unit_id IN (SELECT id FROM units WHERE is_demo)',
    );
  });
  return { created: true };
}
