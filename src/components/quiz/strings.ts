/**
 * UI strings for the islands. The server picks them from src/i18n (pickStrings, in
 * ./pick-strings.ts) and passes them as a prop, so the browser bundle does not carry the whole
 * string table. Formatting is src/i18n/format.ts's pick(), the one formatter (a missing
 * placeholder stays as written); this only types the keys.
 */
import type { UIStringKey } from '../../i18n/zh-CN';
import { pick, type Vars } from '../../i18n/format';

export type Strings = Partial<Record<UIStringKey, string>>;

export const fmt = (s: Strings, key: UIStringKey, vars?: Vars): string => pick(s as Record<string, string>, key, vars);
