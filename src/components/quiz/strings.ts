/**
 * UI strings for the quiz islands. The server picks them from src/i18n (pickStrings, in
 * ./pick-strings.ts) and passes them as a prop, so the browser bundle does not carry the whole
 * string table.
 */
import type { UIStringKey } from '../../i18n/zh-CN';

export type Strings = Partial<Record<UIStringKey, string>>;

export function fmt(s: Strings, key: UIStringKey, vars: Record<string, string | number> = {}): string {
  return (s[key] ?? key).replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
