/**
 * Pure helpers for the lesson page's reading aids (src/client/lesson-reading.ts): finding a search
 * match in the page's text, the current section, and the time left. No DOM here: unit-tested.
 */

/** Case-folded text for matching (Latin letters and full-width forms; Chinese is unchanged). */
export const foldText = (s: string): string => s.normalize('NFKC').toLowerCase();

/**
 * Where to look for `query` in `text`: the whole query first, then its words (longest first).
 * Returns [start, end) in `text`, the first occurrence at or after `from` (else the first one),
 * or null. A malformed or empty query returns null, never throws.
 */
export function findMatch(text: string, query: string, from = 0): [number, number] | null {
  const q = foldText(String(query ?? '')).trim().slice(0, 200);
  if (!q) return null;
  const hay = foldText(text);
  // NFKC/lowercase keep lengths for the characters that matter here; if not, fall back to no match.
  if (hay.length !== text.length) return null;
  const needles = [q, ...q.split(/\s+/).filter((w) => w && w !== q).sort((a, b) => b.length - a.length)];
  for (const n of needles) {
    let at = hay.indexOf(n, Math.max(0, from));
    if (at < 0) at = hay.indexOf(n);
    if (at >= 0) return [at, at + n.length];
  }
  return null;
}

/** Index of the section being read: the last whose heading top is above `line` (px from the top). */
export function currentSection(tops: readonly number[], line: number): number {
  let i = -1;
  for (let k = 0; k < tops.length; k++) if (tops[k]! <= line) i = k;
  return i;
}

/**
 * Minutes left in a lesson of `minutes`, given the share already read (0–1). Rounded up, at least 1
 * until the end, 0 at the end.
 */
export function minutesLeft(minutes: number, read: number): number {
  if (!Number.isFinite(minutes) || minutes <= 0) return 0;
  const share = Math.min(1, Math.max(0, Number.isFinite(read) ? read : 0));
  if (share >= 0.98) return 0;
  return Math.max(1, Math.ceil(minutes * (1 - share)));
}
