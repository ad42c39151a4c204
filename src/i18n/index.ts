/**
 * UI string lookup. A second locale is one more file with the same keys (the type
 * enforces that) and one more entry in `locales`.
 */
import { zhCN, type UIStringKey, type UIStrings } from './zh-CN';

export const locales: Record<string, UIStrings> = { 'zh-CN': zhCN };
export const defaultLocale = 'zh-CN';

/** Translate a key, filling {name} placeholders. */
export function t(key: UIStringKey, vars: Record<string, string | number> = {}, locale = defaultLocale): string {
  const table = locales[locale] ?? zhCN;
  return table[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
export type { UIStringKey };
