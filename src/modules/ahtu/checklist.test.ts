import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CHECKLIST_ITEMS, CHECKLIST_KEYS, scoreReview, type Answer } from './checklist.ts';
import { financialYearLabel, financialYearOf, fundProblems, parseFinancialYear } from './money.ts';
import { stateScorecards, type AhtuFigures } from './scorecard.ts';

const all = (answer: Answer) => Object.fromEntries(CHECKLIST_KEYS.map((key) => [key, answer]));

describe('AHTU functionality score', () => {
  test('the weights add up to 100, so a weight reads as points', () => {
    assert.equal(
      CHECKLIST_ITEMS.reduce((sum, item) => sum + item.weight, 0),
      100,
    );
  });

  test('everything met scores 100, nothing met scores 0, half of everything 50', () => {
    assert.deepEqual(scoreReview(all('yes')), { score: 100, band: 'functional', applicable: 11 });
    assert.deepEqual(scoreReview(all('no')), { score: 0, band: 'not_functional', applicable: 11 });
    assert.equal(scoreReview(all('partly')).score, 50);
  });

  test('a mixed review: the weighted share of the applicable items, to one decimal', () => {
    const result = scoreReview({
      premises: 'yes', // 8
      staff_posted: 'partly', // 6 of 12
      woman_officer: 'no', // 0 of 8
      vehicle: 'yes', // 8
      equipment: 'not_applicable', // left out: 6 fewer possible
      trained_staff: 'yes', // 10
      cases_investigated: 'partly', // 7 of 14
      rescue_operations: 'no', // 0 of 10
      victim_care_linkage: 'yes', // 10
      inter_state_coordination: 'no', // 0 of 6
      records_on_setu: 'yes', // 8
    });
    // 57 of 94 = 60.638…
    assert.deepEqual(result, { score: 60.6, band: 'partly_functional', applicable: 10 });
  });

  test('bands: 70 and over functional, 40 to 70 partly, under 40 not functional', () => {
    const only = (key: string) => ({ ...all('no'), [key]: 'yes' as Answer });
    assert.equal(scoreReview(only('cases_investigated')).score, 14);
    assert.equal(scoreReview(only('cases_investigated')).band, 'not_functional');
  });

  test('a review must answer every item, only known items, and at least one must apply', () => {
    const { premises: _dropped, ...missing } = all('yes');
    assert.throws(() => scoreReview(missing), /missing: premises/);
    assert.throws(() => scoreReview({ ...all('yes'), canteen: 'yes' }), /Unknown checklist items: canteen/);
    assert.throws(() => scoreReview(all('not_applicable')), /At least one checklist item/);
  });
});

describe('financial years and funds', () => {
  test('April to March, labelled like 2025-26', () => {
    assert.equal(financialYearLabel(2025), '2025-26');
    assert.equal(financialYearLabel(1999), '1999-00');
    assert.equal(parseFinancialYear('2025-26'), 2025);
    assert.equal(parseFinancialYear('2025-27'), undefined);
    assert.equal(parseFinancialYear('2025'), undefined);
    assert.equal(financialYearOf('2026-03-31'), 2025);
    assert.equal(financialYearOf('2026-04-01'), 2026);
  });

  test('released within sanctioned, utilised within released, with messages that name the amounts', () => {
    assert.deepEqual(
      fundProblems(2025, { sanctioned: 100, released: 100, utilised: 100, ucReceived: true }),
      [],
    );
    const over = fundProblems(2025, {
      sanctioned: 800000,
      released: 900000,
      utilised: 950000,
      ucReceived: false,
    });
    assert.deepEqual(
      over.map((p) => p.field),
      ['released', 'utilised'],
    );
    assert.equal(
      over[0]?.message,
      'Released (Rs 9,00,000) cannot be more than sanctioned (Rs 8,00,000) for 2025-26.',
    );
    assert.equal(
      over[1]?.message,
      'Utilised (Rs 9,50,000) cannot be more than released (Rs 9,00,000) for 2025-26.',
    );
  });

  test('a utilisation certificate needs money used and a date inside or after the year', () => {
    assert.deepEqual(
      fundProblems(2025, { sanctioned: 10, released: 10, utilised: 0, ucReceived: true }).map((p) => p.field),
      ['ucReceived'],
    );
    assert.deepEqual(
      fundProblems(2025, {
        sanctioned: 10,
        released: 10,
        utilised: 5,
        ucReceived: true,
        ucReceivedOn: '2025-03-31',
      }).map((p) => p.field),
      ['ucReceivedOn'],
    );
  });
});

describe('State scorecards', () => {
  const unit = (over: Partial<AhtuFigures>): AhtuFigures => ({
    stateLgd: 10,
    stateName: 'Bihar',
    status: 'functional',
    latestScore: null,
    staffSanctioned: 0,
    staffPosted: 0,
    ...over,
  });

  test('counts by status, the average latest score of reviewed units, and staffing', () => {
    const { states, total } = stateScorecards([
      unit({ latestScore: 80, staffSanctioned: 10, staffPosted: 8 }),
      unit({ status: 'established', latestScore: 45, staffSanctioned: 10, staffPosted: 5 }),
      unit({ status: null, staffSanctioned: 6, staffPosted: 0 }),
      unit({ stateLgd: 20, stateName: 'Jharkhand', status: 'defunct', latestScore: 12.5 }),
    ]);
    assert.equal(states.length, 2);
    const bihar = states[0];
    assert.equal(bihar?.stateName, 'Bihar');
    assert.deepEqual(bihar.byStatus, {
      sanctioned: 0,
      established: 1,
      functional: 1,
      defunct: 0,
      not_recorded: 1,
    });
    assert.equal(bihar.reviewed, 2);
    assert.equal(bihar.averageScore, 62.5);
    assert.equal(bihar.staffingPercent, 50); // 13 of 26
    assert.equal(states[1]?.staffingPercent, null, 'no posts sanctioned: no percentage, not 0');
    assert.equal(total.units, 4);
    assert.equal(total.averageScore, 45.8); // (80 + 45 + 12.5) / 3
  });
});
