/**
 * Demo training: national and State programmes, sessions held over the past months (and one ahead) by
 * the UP training college, Bihar's nodal office and AHTU Patna and others, participants from every
 * service with attendance, assessment scores and certificates, coverage targets, and people whose
 * refresher is overdue (trained more than 90 days ago and not since). All through the real services.
 */
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../server/access.ts';
import { addDays, todayInIndia } from '../training/refresher.ts';
import { issueCertificate } from '../training/certificates.ts';
import type { Service } from '../training/coverage.ts';
import { createParticipant, recordAttendance } from '../training/participants.ts';
import { createProgramme } from '../training/programmes.ts';
import { setTarget } from '../training/reports.ts';
import { createSession, updateSession } from '../training/sessions.ts';
import { asDemo, demoActors, demoUnitIds } from './capacity-actors.ts';
import { Rng } from './rng.ts';

const FIRST = [
  'Rajesh',
  'Sunil',
  'Priya',
  'Anita',
  'Manoj',
  'Kavita',
  'Deepak',
  'Rekha',
  'Arvind',
  'Shabana',
  'Vinod',
  'Pushpa',
  'Imran',
  'Geeta',
  'Rohit',
  'Nirmala',
  'Ajay',
  'Farzana',
  'Santosh',
  'Madhu',
];
const LAST = [
  'Kumar',
  'Singh',
  'Yadav',
  'Prasad',
  'Sharma',
  'Khatun',
  'Mandal',
  'Oraon',
  'Gupta',
  'Ansari',
  'Das',
  'Tiwari',
  'Paswan',
  'Mishra',
];
const DESIGNATION: Record<Service, string> = {
  police: 'Sub-Inspector',
  prosecutor: 'Additional Public Prosecutor',
  judicial_officer: 'Judicial Magistrate',
  probation_officer: 'District Probation Officer',
  labour_official: 'Labour Enforcement Officer',
  cwc_member: 'Member, Child Welfare Committee',
  ngo: 'Programme Coordinator',
  lawyer: 'Advocate, legal aid panel',
};

interface SessionPlan {
  by: string;
  programme: string;
  unit: string;
  place: string;
  daysAgo: number;
  days: number;
  /** [unit name or null, state, district, service, how many] */
  people: [string | null, number, number | null, Service, number][];
  /** Participants of an earlier session (by index) who come back for this one. */
  returning?: { session: number; count: number };
}

export async function seedDemoTraining(db: Database): Promise<number> {
  const actorOf = await demoActors(db);
  const units = await demoUnitIds(db);
  const unit = (name: string) => {
    const id = units.get(name);
    if (!id) throw new Error(`demo unit ${name} is missing: run seedDemo first`);
    return id;
  };
  const rng = new Rng(90);
  const today = todayInIndia();
  const analyst = actorOf('nodal.analyst');
  const programmes = await asDemo(db, analyst, async (scope) => ({
    tot: await createProgramme(scope, {
      kind: 'tot',
      title: 'Training of Trainers: investigating trafficking under BNS sections 143 and 144',
      description:
        'Five days for police trainers who then train district officers: the new law, evidence, victim-centred practice.',
    }),
    induction: await createProgramme(scope, {
      kind: 'induction',
      title: 'Induction for officers joining an AHTU',
      description:
        'Role of the AHTU, rescue and restoration, inter-State requests on Setu, working with CWCs and shelters.',
    }),
  }));
  const upRefresher = await asDemo(db, actorOf('up.trainer'), (scope) =>
    createProgramme(scope, {
      kind: 'refresher',
      title: 'Refresher: recent court rulings and the new criminal laws (UP)',
    }),
  );
  const brSpecialised = await asDemo(db, actorOf('br.nodal'), (scope) =>
    createProgramme(scope, {
      kind: 'specialised',
      title: 'Child-friendly interviewing and bonded labour release (Bihar)',
      description: 'With CWC members, labour officials, probation officers, prosecutors and NGOs.',
    }),
  );
  const programmeId: Record<string, string> = { ...programmes, upRefresher, brSpecialised };

  const plans: SessionPlan[] = [
    {
      by: 'up.trainer',
      programme: 'tot',
      unit: 'Police Training College, Moradabad (demo)',
      place: 'Police Training College, Moradabad',
      daysAgo: 150,
      days: 5,
      people: [
        ['AHTU Lucknow (demo)', 9, 162, 'police', 4],
        ['AHTU Varanasi (demo)', 9, 187, 'police', 3],
        ['AHTU Bijnor (demo)', 9, 132, 'police', 3],
        ['AHTU Bahraich (demo)', 9, 125, 'police', 2],
        [null, 9, 162, 'prosecutor', 2],
      ],
    },
    {
      by: 'up.trainer',
      programme: 'upRefresher',
      unit: 'Police Training College, Moradabad (demo)',
      place: 'Police Training College, Moradabad',
      daysAgo: 30,
      days: 1,
      people: [['AHTU Moradabad (demo)', 9, 171, 'police', 2]],
      returning: { session: 0, count: 6 },
    },
    {
      by: 'br.nodal',
      programme: 'brSpecialised',
      unit: 'AHT State Nodal Office, Bihar (demo)',
      place: 'Bihar Police Academy, Rajgir',
      daysAgo: 120,
      days: 3,
      people: [
        ['AHTU Patna (demo)', 10, 212, 'police', 3],
        ['AHTU Purbi Champaran (demo)', 10, 213, 'police', 2],
        [null, 10, 212, 'cwc_member', 2],
        [null, 10, 212, 'labour_official', 1],
        [null, 10, 212, 'probation_officer', 1],
        ['Office of the Public Prosecutor, Patna (demo)', 10, 212, 'prosecutor', 2],
        ['Sessions Court, Patna (demo)', 10, 212, 'judicial_officer', 1],
        [null, 10, 213, 'ngo', 2],
        [null, 10, 212, 'lawyer', 1],
      ],
    },
    {
      by: 'br.patna.ahtu',
      programme: 'induction',
      unit: 'AHTU Patna (demo)',
      place: 'AHTU office, Patna',
      daysAgo: 95,
      days: 1,
      people: [
        ['AHTU Patna (demo)', 10, 212, 'police', 3],
        ['RPF Post Patna Junction (demo)', 10, 212, 'police', 2],
      ],
    },
    {
      by: 'wb.nodal',
      programme: 'induction',
      unit: 'AHTU Kolkata (demo)',
      place: 'Swasthya Bhawan auditorium, Kolkata',
      daysAgo: 12,
      days: 2,
      people: [
        ['AHTU Kolkata (demo)', 19, 315, 'police', 3],
        ['AHTU 24 Paraganas North (demo)', 19, 303, 'police', 2],
        ['Nirbhaya Sahayata Samiti, Kolkata (demo NGO)', 19, 315, 'ngo', 2],
      ],
    },
    {
      by: 'jh.nodal',
      programme: 'tot',
      unit: 'AHTU Ranchi (demo)',
      place: 'Jharkhand Police Training Centre, Ranchi',
      daysAgo: -20,
      days: 5,
      people: [
        ['AHTU Ranchi (demo)', 20, 339, 'police', 3],
        ['Child Welfare Committee, Ranchi (demo)', 20, 339, 'cwc_member', 1],
      ],
    },
  ];

  const attendees: string[][] = [];
  let people = 0;
  for (const plan of plans) {
    const actor: Actor = actorOf(plan.by);
    const startsOn = addDays(today, -plan.daysAgo);
    const endsOn = addDays(startsOn, plan.days - 1);
    const held = endsOn < today;
    const ids = await asDemo(db, actor, async (scope) => {
      const sessionId = await createSession(scope, {
        programmeId: programmeId[plan.programme] ?? '',
        unitId: unit(plan.unit),
        startsOn,
        endsOn,
        place: plan.place,
        trainers: [
          {
            name: rng.pick(['Dr. S. Ramanathan (resource person)', 'Adv. Kiran Bedi Rao (resource person)']),
          },
        ],
        runByMe: true,
      });
      const list: string[] = [];
      for (const [unitName, stateLgd, districtLgd, service, count] of plan.people) {
        for (let i = 0; i < count; i += 1) {
          const name = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
          list.push(
            await createParticipant(scope, {
              name,
              service,
              designation: DESIGNATION[service],
              ...(unitName
                ? { unitId: unit(unitName) }
                : { stateLgd, ...(districtLgd ? { districtLgd } : {}) }),
            }),
          );
        }
      }
      const returning = plan.returning
        ? (attendees[plan.returning.session] ?? []).slice(0, plan.returning.count)
        : [];
      for (const participantId of [...returning, ...list]) {
        const attended = !held || rng.chance(0.9);
        const pre = rng.int(30, 65);
        await recordAttendance(scope, sessionId, participantId, {
          attended: held ? attended : false,
          ...(held ? { preScore: pre } : {}),
          ...(held && attended ? { postScore: Math.min(100, pre + rng.int(10, 35)) } : {}),
        });
        if (held && attended) await issueCertificate(scope, sessionId, participantId, () => demoCode(rng));
      }
      if (held) await updateSession(scope, sessionId, { status: 'held' });
      return list;
    });
    attendees.push(ids);
    people += ids.length;
  }

  await asDemo(db, analyst, async (scope) => {
    await setTarget(scope, { service: 'police', target: 10_000 });
    await setTarget(scope, { target: 25_000 });
  });
  await asDemo(db, actorOf('up.nodal'), (scope) =>
    setTarget(scope, { stateLgd: 9, service: 'police', target: 800 }),
  );
  await asDemo(db, actorOf('br.nodal'), async (scope) => {
    await setTarget(scope, { stateLgd: 10, target: 600 });
    await setTarget(scope, { stateLgd: 10, districtLgd: 212, service: 'police', target: 60 });
  });
  await db.asSystem(async (tx) => {
    await tx.query('UPDATE training_programmes SET is_demo = true');
    await tx.query('UPDATE training_sessions SET is_demo = true');
    await tx.query('UPDATE training_participants SET is_demo = true');
  });
  return people;
}

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Deterministic demo codes, marked with a leading D so they never collide with issued ones in spirit. */
function demoCode(rng: Rng): string {
  let code = 'D';
  for (let i = 0; i < 9; i += 1) code += CODE_ALPHABET.charAt(rng.int(0, CODE_ALPHABET.length - 1));
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
