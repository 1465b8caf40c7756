/**
 * Small-cell suppression for publishable aggregates (k ≥ 11, as the CTDC global dataset does).
 *
 * A table is a grid of counts with its row totals, column totals and grand total. Primary suppression
 * hides every count from 1 to K_ANONYMITY − 1 (zeros stay: they identify nobody). Complementary
 * suppression then makes sure no hidden cell can be recomputed by subtraction: in every row (cells plus
 * its total) and every column (cells plus its total), the number of hidden entries is either 0 or at
 * least 2. Where a row or column has exactly one hidden entry, the smallest other visible entry in it is
 * hidden too (a non-zero interior cell first, then the total), and the check repeats until nothing changes.
 * Totals are part of the equations: hiding a row total makes the column of row totals an equation too.
 *
 * Limits: this stops recomputation from a single row or column; it does not solve the full linear system
 * (an attacker combining several equations), which for the small, two-way tables Setu publishes is the
 * accepted practice of statistical offices for frequency tables.
 */
export const K_ANONYMITY = 11;

export interface SuppressedTable {
  rows: string[];
  columns: string[];
  /** cells[r][c]: the count, or null when suppressed. */
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  grandTotal: number | null;
  suppressedCells: number;
}

/** Position in the bordered grid: r = rows.length is the totals row, c = columns.length the totals column. */
type Pos = [number, number];

export function suppressTable(
  rows: readonly string[],
  columns: readonly string[],
  counts: readonly (readonly number[])[],
  k: number = K_ANONYMITY,
): SuppressedTable {
  const R = rows.length;
  const C = columns.length;
  // Bordered grid of values with totals in the last row and column, stored flat.
  const W = C + 1;
  const values = new Array<number>((R + 1) * W).fill(0);
  const hidden = new Array<boolean>((R + 1) * W).fill(false);
  const idx = ([r, c]: Pos) => r * W + c;
  const at = (p: Pos) => values[idx(p)] ?? 0;
  const isHidden = (p: Pos) => hidden[idx(p)] ?? false;
  const hide = (p: Pos) => {
    hidden[idx(p)] = true;
  };
  const add = (p: Pos, v: number) => {
    values[idx(p)] = at(p) + v;
  };
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const v = counts[r]?.[c] ?? 0;
      if (!Number.isInteger(v) || v < 0) throw new Error(`count at ${r},${c} is not a non-negative integer`);
      add([r, c], v);
      add([r, C], v);
      add([R, c], v);
      add([R, C], v);
    }
  }

  // Primary suppression: every small non-zero count, interior cells and totals alike.
  for (let r = 0; r <= R; r++) {
    for (let c = 0; c <= C; c++) if (at([r, c]) > 0 && at([r, c]) < k) hide([r, c]);
  }

  // Each equation: the positions of one row (or column) including its total.
  const equations: Pos[][] = [];
  for (let r = 0; r <= R; r++) equations.push(Array.from({ length: C + 1 }, (_, c): Pos => [r, c]));
  for (let c = 0; c <= C; c++) equations.push(Array.from({ length: R + 1 }, (_, r): Pos => [r, c]));

  let changed = true;
  while (changed) {
    changed = false;
    for (const equation of equations) {
      if (equation.filter(isHidden).length !== 1) continue;
      const candidates = equation.filter((p) => !isHidden(p));
      if (candidates.length === 0) continue;
      // Prefer hiding a small non-zero interior cell (less information lost), then zeros, then totals.
      const rank = (p: Pos) => {
        const isTotal = p[0] === R || p[1] === C;
        return (isTotal ? 2 : at(p) === 0 ? 1 : 0) * 1e12 + at(p);
      };
      candidates.sort((a, b) => rank(a) - rank(b));
      const [pick] = candidates;
      if (pick) hide(pick);
      changed = true;
    }
  }

  let suppressedCells = 0;
  const cells = counts.map((_, r) =>
    columns.map((__, c) => {
      if (isHidden([r, c])) {
        suppressedCells += 1;
        return null;
      }
      return at([r, c]);
    }),
  );
  return {
    rows: [...rows],
    columns: [...columns],
    cells,
    rowTotals: rows.map((_, r) => (isHidden([r, C]) ? null : at([r, C]))),
    columnTotals: columns.map((_, c) => (isHidden([R, c]) ? null : at([R, c]))),
    grandTotal: isHidden([R, C]) ? null : at([R, C]),
    suppressedCells,
  };
}
