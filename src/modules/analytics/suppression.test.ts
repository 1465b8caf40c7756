import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { suppressTable, type SuppressedTable } from './suppression.ts';

/** Every row and column (with its total) must hide 0 or at least 2 entries, or a value can be subtracted out. */
function assertNoSingleUnknown(t: SuppressedTable) {
  const rowEquations = t.cells.map((row, r) => [...row, t.rowTotals[r] ?? null]);
  const colEquations = t.columns.map((_, c) => [
    ...t.cells.map((row) => row[c] ?? null),
    t.columnTotals[c] ?? null,
  ]);
  rowEquations.push([...t.columnTotals, t.grandTotal]);
  colEquations.push([...t.rowTotals, t.grandTotal]);
  for (const eq of [...rowEquations, ...colEquations]) {
    assert.notEqual(eq.filter((v) => v === null).length, 1, `one unknown in ${JSON.stringify(eq)}`);
  }
}

function assertNoSmallCells(t: SuppressedTable, k = 11) {
  const visible = [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.grandTotal];
  for (const v of visible) assert.ok(v === null || v === 0 || v >= k, `visible small count ${String(v)}`);
}

describe('small-cell suppression (k = 11)', () => {
  test('a table without small cells is published as it is, with its totals', () => {
    const t = suppressTable(
      ['A', 'B'],
      ['x', 'y'],
      [
        [20, 30],
        [40, 50],
      ],
    );
    assert.deepEqual(t.cells, [
      [20, 30],
      [40, 50],
    ]);
    assert.deepEqual(t.rowTotals, [50, 90]);
    assert.deepEqual(t.columnTotals, [60, 80]);
    assert.equal(t.grandTotal, 140);
    assert.equal(t.suppressedCells, 0);
  });

  test('a count below 11 is hidden, and the smallest other cell of its row and column too', () => {
    const t = suppressTable(
      ['A', 'B', 'C'],
      ['x', 'y', 'z'],
      [
        [5, 40, 30],
        [25, 60, 70],
        [35, 80, 90],
      ],
    );
    // Primary: A/x = 5. Row A: the next smallest is A/z = 30; column x: B/x = 25. Then row B and
    // column z each have one hidden cell, so B/z = 70 is hidden too: a 2×2 rectangle, none recomputable.
    assert.deepEqual(t.cells, [
      [null, 40, null],
      [null, 60, null],
      [35, 80, 90],
    ]);
    assert.deepEqual(t.rowTotals, [75, 155, 205]);
    assert.equal(t.grandTotal, 435);
    assertNoSingleUnknown(t);
    assertNoSmallCells(t);
  });

  test('zeros stay visible; a small cell alone in its row hides the row total, and the totals column follows', () => {
    const t = suppressTable(
      ['A', 'B'],
      ['x', 'y'],
      [
        [0, 3],
        [50, 60],
      ],
    );
    // Row A: 3 hidden; its only other entries are a 0 and the total 3 (itself small, so hidden).
    assert.deepEqual(t.cells[0], [0, null]);
    assert.equal(t.rowTotals[0], null);
    assertNoSingleUnknown(t);
    assertNoSmallCells(t);
  });

  test('many small cells in a realistic table leave nothing below k and nothing recomputable', () => {
    const counts = [
      [120, 3, 14, 0, 9],
      [45, 11, 2, 30, 61],
      [7, 8, 100, 12, 13],
      [200, 150, 10, 1, 40],
    ];
    const t = suppressTable(['a', 'b', 'c', 'd'], ['1', '2', '3', '4', '5'], counts);
    assertNoSmallCells(t);
    assertNoSingleUnknown(t);
    // Visible cells keep their true values.
    t.cells.forEach((row, r) => row.forEach((v, c) => v !== null && assert.equal(v, counts[r]?.[c])));
  });
});
