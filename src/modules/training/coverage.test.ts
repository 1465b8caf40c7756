import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  coverageAgainstTargets,
  coverageByDistrict,
  trainedByService,
  type TrainedCount,
} from './coverage.ts';
import { addDays, refresherStatus, todayInIndia } from './refresher.ts';

const counts: TrainedCount[] = [
  { stateLgd: 10, districtLgd: 212, service: 'police', trained: 120 },
  { stateLgd: 10, districtLgd: 212, service: 'prosecutor', trained: 8 },
  { stateLgd: 10, districtLgd: 213, service: 'police', trained: 30 },
  { stateLgd: 20, districtLgd: 339, service: 'police', trained: 50 },
  { stateLgd: 20, districtLgd: 339, service: 'ngo', trained: 12 },
];

describe('training coverage', () => {
  test('national, State, district and service targets count the people under them', () => {
    const lines = coverageAgainstTargets(counts, [
      { stateLgd: null, districtLgd: null, service: 'police', target: 10000 },
      { stateLgd: 10, districtLgd: null, service: null, target: 200 },
      { stateLgd: 10, districtLgd: 212, service: 'police', target: 100 },
      { stateLgd: 20, districtLgd: null, service: 'judicial_officer', target: 40 },
    ]);
    assert.deepEqual(
      lines.map((l) => [l.trained, l.percent, l.remaining]),
      [
        [200, 2, 9800], // 120 + 30 + 50 police of 10,000
        [158, 79, 42], // everyone in Bihar
        [120, 120, 0], // past the target: percent above 100, nothing remaining
        [0, 0, 40],
      ],
    );
  });

  test('by district with a column per service, and totals per service', () => {
    const districts = coverageByDistrict(counts);
    assert.deepEqual(
      districts.map((d) => [d.districtLgd, d.total, d.byService.police]),
      [
        [212, 128, 120],
        [339, 62, 50],
        [213, 30, 30],
      ],
    );
    assert.equal(trainedByService(counts).police, 200);
    assert.equal(trainedByService(counts).lawyer, 0);
  });
});

describe('refresher due', () => {
  test('falls due 90 days after the last training, counted in calendar days', () => {
    assert.equal(addDays('2026-01-01', 90), '2026-04-01');
    assert.deepEqual(refresherStatus('2026-01-01', '2026-03-31'), {
      dueOn: '2026-04-01',
      daysOverdue: -1,
      due: false,
    });
    assert.deepEqual(refresherStatus('2026-01-01', '2026-04-01'), {
      dueOn: '2026-04-01',
      daysOverdue: 0,
      due: true,
    });
    assert.equal(refresherStatus('2024-02-29', '2024-06-01').daysOverdue, 3); // through a leap day
  });

  test("today in India is UTC+5:30: past 18:30 UTC it's already tomorrow", () => {
    assert.equal(todayInIndia(new Date('2026-05-10T18:29:00Z')), '2026-05-10');
    assert.equal(todayInIndia(new Date('2026-05-10T18:30:00Z')), '2026-05-11');
  });
});
