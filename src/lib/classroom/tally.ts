/** Counting a show of hands per option, and the distribution for a bar chart (pure). */

/** Counts start at zero, one per option. */
export const emptyTally = (options: number): number[] => Array.from({ length: Math.max(0, options) }, () => 0);

/** Adds `delta` to one option; counts never go below 0 and stay whole; bad indices change nothing. */
export function bump(tally: readonly number[], index: number, delta: number): number[] {
  if (!Number.isInteger(index) || index < 0 || index >= tally.length || !Number.isFinite(delta)) return [...tally];
  return tally.map((n, i) => (i === index ? Math.max(0, Math.round(n + delta)) : n));
}

export interface Share {
  count: number;
  /** 0–100, whole numbers; the shares of a non-empty tally add up to exactly 100. */
  percent: number;
}

/** Percentages by the largest-remainder method so they add up to 100. */
export function distribution(tally: readonly number[]): Share[] {
  const total = tally.reduce((a, b) => a + b, 0);
  if (total <= 0) return tally.map((count) => ({ count, percent: 0 }));
  const exact = tally.map((n) => (n * 100) / total);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left--;
  }
  return tally.map((count, i) => ({ count, percent: floors[i]! }));
}

/** Index of the single largest count, or null when nobody voted or the top is tied. */
export function majority(tally: readonly number[]): number | null {
  let best = -1;
  let bestCount = 0;
  let tie = false;
  tally.forEach((n, i) => {
    if (n > bestCount) {
      best = i;
      bestCount = n;
      tie = false;
    } else if (n === bestCount && n > 0) tie = true;
  });
  return best < 0 || tie ? null : best;
}
