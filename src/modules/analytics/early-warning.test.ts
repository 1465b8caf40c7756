import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectSpike, poissonUpperTail } from './early-warning.ts';

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
