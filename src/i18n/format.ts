/**
 * The one string formatter and the one choice helper, for the server (t() in ./index.ts) and the
 * browser alike (no string table imported here, so islands and page scripts stay small).
 */

export type Vars = Record<string, string | number>;

/** Fills {name} placeholders; a placeholder without a value stays as written, so it is noticed. */
export function format(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** A string from a table the server passed to the browser (the key itself if missing), formatted. */
export const pick = (strings: Record<string, string>, key: string, vars: Vars = {}): string => format(strings[key] ?? key, vars);

/**
 * Chooses the form for a count by the locale's plural rules (Intl.PluralRules), with an optional
 * `zero` form for 0 (Chinese has one plural category, but "none yet" often reads differently).
 */
export function plural(n: number, forms: { zero?: string; one?: string; other: string }, locale = 'zh-CN'): string {
  if (n === 0 && forms.zero !== undefined) return forms.zero;
  const rule = new Intl.PluralRules(locale).select(n);
  return (rule === 'one' ? forms.one : undefined) ?? forms.other;
}

/**
 * The one way a plain page script (src/client/) gets its strings: the server-rendered element it
 * drives carries `data-strings={JSON.stringify(pickStrings('prefix.'))}`, and the script reads them
 * here ({} if absent or broken, so pick() then shows the key). Islands get the same picked subset
 * as their `strings` prop instead (Astro serialises island props into the page the same way).
 */
export function readStrings(el: Element | null): Record<string, string> {
  try {
    const v: unknown = JSON.parse(el?.getAttribute('data-strings') ?? '{}');
    return v && typeof v === 'object' ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The templates of the one time format (zh-CN.ts `time.*`): hours and minutes, whole hours, minutes only. */
export interface DurationForms {
  hm: string;
  h: string;
  m: string;
}

/**
 * The one time format of the site (issue 16): 795 → “约 13 小时 15 分钟”, 120 → “约 2 小时”,
 * 45 → “约 45 分钟” (with the zh-CN forms). Minutes are rounded; negatives count as 0.
 */
export function formatDuration(minutes: number, forms: DurationForms): string {
  const total = Number.isFinite(minutes) ? Math.max(0, Math.round(minutes)) : 0;
  const h = Math.floor(total / 60);
  const m = total % 60;
  return format(h === 0 ? forms.m : m === 0 ? forms.h : forms.hm, { h, m });
}
