/** Server side: the subset of UI strings an island needs (keys starting with the given prefixes). */
import { zhCN, type UIStringKey } from '../../i18n/zh-CN';
import type { Strings } from './strings';

/**
 * One frozen object per prefix list, picked once per build: the lesson and module pages ask for the
 * same few subsets on every page, and each pick scanned the whole string table (issue 17).
 */
const picked = new Map<string, Readonly<Strings>>();

export function pickStrings(...prefixes: string[]): Strings {
  const key = prefixes.join('\u0000');
  let out = picked.get(key);
  if (!out) {
    const fresh: Strings = {};
    for (const k of Object.keys(zhCN) as UIStringKey[]) if (prefixes.some((p) => k.startsWith(p))) fresh[k] = zhCN[k];
    picked.set(key, (out = Object.freeze(fresh)));
  }
  return out as Strings;
}
