/**
 * Demo AHTU registry: every demo AHTU with a status (varied, a few never recorded), staff by rank,
 * vehicles and equipment, two functionality reviews for units that exist, and funds for three financial
 * years, recorded by each State's nodal officer through the real services.
 */
import type { Database } from '../../db/database.ts';
import { CHECKLIST_KEYS, RANKS, type Answer, type Rank } from '../ahtu/checklist.ts';
import { financialYearLabel, financialYearOf } from '../ahtu/money.ts';
import { addReview, saveProfile } from '../ahtu/service.ts';
import { saveFunds } from '../ahtu/funds.ts';
import type { AhtuStatus } from '../ahtu/scorecard.ts';
import { addDays, todayInIndia } from '../training/refresher.ts';
import { asDemo, demoActors, demoUnitIds } from './capacity-actors.ts';
import { Rng } from './rng.ts';
import { DEMO_UNITS } from './units.ts';

const NODAL_OF: Record<string, string> = {
  up: 'up.nodal',
  br: 'br.nodal',
  jh: 'jh.nodal',
  wb: 'wb.nodal',
  dl: 'dl.nodal',
  mh: 'mh.nodal',
};

const SANCTIONED: Record<Rank, [number, number]> = {
  dy_sp: [1, 1],
  inspector: [1, 2],
  sub_inspector: [2, 4],
  assistant_sub_inspector: [2, 3],
  head_constable: [3, 4],
  constable: [6, 10],
};
// How full the posts are and how well a unit does, by status.
const QUALITY: Record<AhtuStatus, number> = {
  functional: 0.85,
  established: 0.55,
  sanctioned: 0.15,
  defunct: 0.1,
};

function answersFor(rng: Rng, quality: number): Record<string, Answer> {
  return Object.fromEntries(
    CHECKLIST_KEYS.map((key) => {
      const roll = rng.next();
      const answer: Answer =
        roll < quality ? 'yes' : roll < quality + 0.2 ? 'partly' : rng.chance(0.05) ? 'not_applicable' : 'no';
      return [key, answer];
    }),
  );
}

const minDate = (a: string, b: string) => (a < b ? a : b);

export async function seedDemoAhtus(db: Database): Promise<number> {
  const actorOf = await demoActors(db);
  const unitIds = await demoUnitIds(db);
  const rng = new Rng(20261202);
  const today = todayInIndia();
  const currentYear = financialYearOf(today);
  let profiled = 0;
  for (const unit of DEMO_UNITS.filter((u) => u.kind === 'ahtu')) {
    const id = unitIds.get(unit.name);
    const nodal = NODAL_OF[unit.parent ?? ''];
    if (!id || !nodal) continue;
    const status = rng.weighted<AhtuStatus | null>([
      ['functional', 45],
      ['established', 30],
      ['sanctioned', 10],
      ['defunct', 10],
      [null, 5],
    ]);
    if (status === null) continue;
    const quality = QUALITY[status];
    const actor = actorOf(nodal);
    await asDemo(db, actor, async (scope) => {
      const sanctionedOn = addDays(today, -rng.int(5, 12) * 365);
      await saveProfile(scope, id, {
        status,
        sanctionedOn,
        establishedOn: status === 'sanctioned' ? null : addDays(sanctionedOn, rng.int(120, 700)),
        notes:
          status === 'defunct' ? 'Staff withdrawn to law-and-order duty; no cases taken up this year.' : null,
        staff: RANKS.map((rank) => {
          const [low, high] = SANCTIONED[rank];
          const sanctioned = rng.int(low, high);
          return {
            rank,
            sanctioned,
            posted: Math.min(sanctioned, Math.round(sanctioned * quality * (0.8 + rng.next() * 0.4))),
          };
        }),
        assets:
          status === 'sanctioned'
            ? []
            : [
                { kind: 'vehicle', item: 'Four-wheeler (SUV)', quantity: rng.int(1, 2), working: 1 },
                { kind: 'vehicle', item: 'Motorcycle', quantity: 2, working: rng.int(0, 2) },
                { kind: 'equipment', item: 'Computer with internet', quantity: 2, working: rng.int(1, 2) },
                { kind: 'equipment', item: 'Video camera', quantity: 1, working: rng.int(0, 1) },
              ],
      });
      if (status !== 'sanctioned') {
        for (const daysAgo of [rng.int(170, 200), rng.int(10, 40)]) {
          await addReview(scope, id, {
            reviewedOn: addDays(today, -daysAgo),
            answers: answersFor(rng, quality),
            remarks:
              quality > 0.5
                ? 'Registers kept; rescue operations with the railway police.'
                : 'Posts vacant; vehicle off the road.',
          });
        }
      }
      for (let back = 2; back >= 0; back -= 1) {
        const year = currentYear - back;
        const sanctioned = rng.pick([1_500_000, 1_800_000, 2_000_000, 2_500_000]);
        const released =
          back === 0
            ? Math.round(sanctioned * 0.5)
            : rng.chance(0.8)
              ? sanctioned
              : Math.round(sanctioned * 0.75);
        const utilised =
          status === 'defunct'
            ? Math.round(released * 0.2)
            : Math.round(released * (back === 0 ? 0.4 : 0.7 + rng.next() * 0.3));
        const ucReceived = back > 0 && utilised > 0 && rng.chance(0.7);
        await saveFunds(scope, id, financialYearLabel(year), {
          sanctioned,
          released,
          utilised,
          ucReceived,
          // Certificates come in the months after the year closes, never after today.
          ucReceivedOn: ucReceived ? minDate(`${year + 1}-0${rng.int(4, 9)}-15`, today) : null,
        });
      }
    });
    profiled += 1;
  }
  await db.asSystem((tx) => tx.query(`UPDATE ahtu_reviews SET is_demo = true`));
  return profiled;
}
