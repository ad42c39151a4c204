/**
 * Build-time pinyin for the glossary (/glossary/): letter headings and the filter box's keys.
 * pinyin-pro (maintained, word-aware for polyphonic characters such as 重/行) runs only at build time;
 * no pinyin code reaches the browser, only the keys in data-* attributes.
 */
import { pinyin } from 'pinyin-pro';

export interface PinyinKeys {
  /** Full pinyin without tones or spaces, e.g. "xietiao". */
  full: string;
  /** Initials, e.g. "xt". */
  initials: string;
  /** Upper-case first letter for the heading ('#' when the term starts with no letter). */
  letter: string;
}

export function pinyinKeys(text: string): PinyinKeys {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
  const full = syllables.join('');
  const initials = syllables.map((s) => s[0]).join('');
  const first = full[0] ?? '';
  return { full, initials, letter: /[a-z]/.test(first) ? first.toUpperCase() : '#' };
}

/** Entries grouped under their pinyin letter, letters A–Z (then '#'), entries in pinyin order. */
export function groupByLetter<T>(items: readonly T[], text: (item: T) => string): { letter: string; items: (T & { keys: PinyinKeys })[] }[] {
  const keyed = items.map((item) => Object.assign({}, item, { keys: pinyinKeys(text(item)) }));
  keyed.sort((a, b) => (a.keys.full < b.keys.full ? -1 : a.keys.full > b.keys.full ? 1 : text(a).localeCompare(text(b), 'zh-CN')));
  const groups = new Map<string, (T & { keys: PinyinKeys })[]>();
  for (const k of keyed) groups.set(k.keys.letter, [...(groups.get(k.keys.letter) ?? []), k]);
  return [...groups].sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b))).map(([letter, list]) => ({ letter, items: list }));
}
