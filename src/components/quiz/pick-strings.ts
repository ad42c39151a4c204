/** Server side: the subset of UI strings an island needs (keys starting with the given prefixes). */
import { zhCN, type UIStringKey } from '../../i18n/zh-CN';
import type { Strings } from './strings';

export function pickStrings(...prefixes: string[]): Strings {
  const out: Strings = {};
  for (const k of Object.keys(zhCN) as UIStringKey[]) if (prefixes.some((p) => k.startsWith(p))) out[k] = zhCN[k];
  return out;
}
