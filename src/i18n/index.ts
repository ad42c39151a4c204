/**
 * UI string lookup. A second locale is one more file with the same keys (the type
 * enforces that) and one more entry in `locales`.
 */
import { zhCN, type UIStringKey, type UIStrings } from './zh-CN';
import { format, type Vars } from './format';

export const locales: Record<string, UIStrings> = { 'zh-CN': zhCN };
export const defaultLocale = 'zh-CN';

/** Translate a key, filling {name} placeholders. */
export function t(key: UIStringKey, vars: Vars = {}, locale = defaultLocale): string {
  return format((locales[locale] ?? zhCN)[key], vars);
}
export type { UIStringKey };
export { format, plural, pick } from './format';
