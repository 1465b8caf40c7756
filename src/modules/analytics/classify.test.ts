import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyDistrict } from './classify.ts';

describe('district role classification', () => {
  test('a district takes the role with at least 60 % of its counted cases', () => {
    assert.equal(classifyDistrict({ source: 6, transit: 2, destination: 2 }).role, 'source');
    assert.equal(classifyDistrict({ source: 1, transit: 8, destination: 1 }).role, 'transit');
    assert.equal(classifyDistrict({ source: 0, transit: 0, destination: 3 }).role, 'destination');
  });

  test('exactly 60 % is enough; just under is mixed', () => {
    assert.equal(classifyDistrict({ source: 3, transit: 1, destination: 1 }).role, 'source');
    assert.equal(classifyDistrict({ source: 59, transit: 41, destination: 0 }).role, 'mixed');
    assert.equal(classifyDistrict({ source: 5, transit: 0, destination: 5 }).role, 'mixed');
  });

  test('shares are each count over the sum of the three', () => {
    const { shares } = classifyDistrict({ source: 1, transit: 1, destination: 2 });
    assert.deepEqual(shares, { source: 0.25, transit: 0.25, destination: 0.5 });
  });

  test('a district with nothing counted has no role', () => {
    assert.equal(classifyDistrict({ source: 0, transit: 0, destination: 0 }).role, null);
  });
});
