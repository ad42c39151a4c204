/**
 * UI string lookup. A second locale is one more file with the same keys (the type
 * enforces that) and one more entry in `locales`.
 */
import { zhCN, type UIStringKey, type UIStrings } from './zh-CN';
import { format, formatDuration, type Vars } from './format';

export const locales: Record<string, UIStrings> = { 'zh-CN': zhCN };
export const defaultLocale = 'zh-CN';

/** Translate a key, filling {name} placeholders. */
export function t(key: UIStringKey, vars: Vars = {}, locale = defaultLocale): string {
  return format((locales[locale] ?? zhCN)[key], vars);
}
export type { UIStringKey };
export { format, formatDuration, plural, pick } from './format';

/** Minutes in the one time format (约 13 小时 15 分钟), for the server; islands use formatDuration with the `time.*` strings. */
export function duration(minutes: number, locale = defaultLocale): string {
  const s = locales[locale] ?? zhCN;
  return formatDuration(minutes, { hm: s['time.hm'], h: s['time.h'], m: s['time.m'] });
}
