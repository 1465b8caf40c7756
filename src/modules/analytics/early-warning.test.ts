import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectSpike, missingSpike, poissonUpperTail } from './early-warning.ts';

describe('early warning method', () => {
  test('the Poisson upper tail matches known values', () => {
    // P(X ≥ 1 | λ = 1) = 1 − e^−1; P(X ≥ 3 | λ = 1) = 1 − e^−1 (1 + 1 + 1/2).
    assert.ok(Math.abs(poissonUpperTail(1, 1) - (1 - Math.exp(-1))) < 1e-12);
    assert.ok(Math.abs(poissonUpperTail(3, 1) - (1 - Math.exp(-1) * 2.5)) < 1e-12);
    assert.equal(poissonUpperTail(0, 4), 1);
  });

  test('a usual month is not a spike; a jump well above the baseline is', () => {
    const baseline = [4, 5, 3, 6, 4, 5, 4, 3, 5, 6, 4, 5];
    assert.equal(detectSpike(baseline, 7).severity, null);
    assert.equal(detectSpike(baseline, 14).severity, 'warning');
    assert.equal(detectSpike(baseline, 25).severity, 'critical');
  });

  test('fewer than 5 cases never alert, however quiet the district was', () => {
    assert.equal(detectSpike(new Array<number>(12).fill(0), 4).severity, null);
    assert.equal(detectSpike(new Array<number>(12).fill(0), 5).severity, 'warning');
  });
});

describe('missing-report early warning', () => {
  const counts = (total: number, children: number, baseline: [number, number] = [3, 1]) => ({
    districtLgd: 331,
    districtName: 'Gumla',
    stateName: 'Jharkhand',
    month: '2023-09',
    total: { baseline: new Array<number>(12).fill(baseline[0]), count: total },
    children: { baseline: new Array<number>(12).fill(baseline[1]), count: children },
    registeredInOtherStates: 0,
  });

  test('a usual month raises nothing', () => {
    assert.equal(missingSpike(counts(5, 2)), null);
  });

  test('a surge names the counts, where to look, and that a new district can look like one', () => {
    const spike = missingSpike(counts(14, 3));
    assert.ok(spike);
    assert.equal(spike.severity, 'warning');
    assert.equal(spike.title, 'Missing reports rising in Gumla: 14 this month against about 3.0');
    assert.match(spike.body, /14 people last seen in Gumla \(Jharkhand\) were reported missing in 2023-09/);
    assert.match(spike.body, /\/restoration\/missing\?lastSeenDistrict=331\b/);
    assert.match(spike.body, /recently started registering missing reports/);
  });

  test('a rise in missing children alone is flagged even when the total is not', () => {
    // 12 a month in total is usual here; 8 children against about 1 is not.
    const spike = missingSpike({
      ...counts(14, 8),
      total: { baseline: new Array<number>(12).fill(12), count: 14 },
    });
    assert.ok(spike);
    assert.equal(spike.total.severity, null);
    assert.equal(spike.children.severity, 'warning');
    assert.equal(spike.title, 'Missing children rising in Gumla: 8 this month against about 1.0');
  });

  test('both rising: one alert with both figures, critical if either is', () => {
    const spike = missingSpike(counts(30, 12));
    assert.ok(spike);
    assert.equal(spike.severity, 'critical');
    assert.equal(
      spike.title,
      'Missing reports rising in Gumla: 30 this month against about 3.0; children 12 against about 1.0',
    );
  });

  test('reports from other States’ units are called out, since this State cannot list them', () => {
    const spike = missingSpike({ ...counts(14, 3), registeredInOtherStates: 4 });
    assert.match(spike?.body ?? '', /4 of the reports were registered by units in other States/);
    assert.doesNotMatch(missingSpike(counts(14, 3))?.body ?? '', /other States/);
  });
});
