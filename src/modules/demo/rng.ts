/** A small seeded generator, so the same seed always yields the same demo data (and the same ground truth). */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: tiny, fast and well distributed enough for synthetic data. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of pairs) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = pairs[pairs.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }
}

/**
 * Splits `count` into whole shares proportional to the weights (largest remainder), so a small demo set
 * still follows the target mix exactly instead of by luck.
 */
export function quotas<T>(weights: readonly (readonly [T, number])[], count: number): T[] {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  const raw = weights.map(([value, weight]) => ({ value, exact: (weight / total) * count }));
  const shares = raw.map((entry) => ({ ...entry, whole: Math.floor(entry.exact) }));
  let left = count - shares.reduce((sum, entry) => sum + entry.whole, 0);
  for (const entry of [...shares].sort((a, b) => b.exact - b.whole - (a.exact - a.whole))) {
    if (left <= 0) break;
    entry.whole += 1;
    left -= 1;
  }
  return shares.flatMap((entry) => Array.from({ length: entry.whole }, () => entry.value));
}

const DAY_MS = 86_400_000;

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
