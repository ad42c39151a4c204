/**
 * Pulls teaching material out of a lesson's rendered HTML (pure): its H2 sections, the
 * summary list (要点回顾), discussion prompts, and a time plan for a module.
 */
import { extractElements, hasAttr, hasClass, innerHtml, textOf, topLevelBlocks } from './html';

export interface LessonSection {
  title: string;
  /** Section body HTML (heading excluded). */
  html: string;
}

/** The lesson's H2 sections in order (text before the first H2 is dropped). */
export function lessonSections(html: string): LessonSection[] {
  const out: LessonSection[] = [];
  let cur: { title: string; parts: string[] } | null = null;
  for (const b of topLevelBlocks(html)) {
    if (b.name === 'h2') {
      if (cur) out.push({ title: cur.title, html: cur.parts.join('\n') });
      cur = { title: textOf(b.html), parts: [] };
    } else cur?.parts.push(b.html);
  }
  if (cur) out.push({ title: cur.title, html: cur.parts.join('\n') });
  return out;
}

/** HTML without instructor notes. */
export const withoutNotes = (html: string): string => extractElements(html, (t) => hasAttr(t, 'data-teacher-note')).rest;

/** Body of the summary section (要点回顾), or '' when the lesson has none. */
export function summaryOf(html: string, heading = '要点回顾'): string {
  return withoutNotes(lessonSections(html).find((s) => s.title === heading)?.html ?? '').trim();
}

/** Inner HTML of the author callouts of one kind (e.g. 'discussion', 'keypoint'), in order. */
export function calloutsOf(html: string, kind: string): string[] {
  return extractElements(withoutNotes(html), (t) => hasClass(t, `callout-${kind}`)).removed.map((aside) => {
    const body = extractElements(aside, (t) => hasClass(t, 'callout-body')).removed[0];
    return (body ? innerHtml(body) : innerHtml(aside)).trim();
  });
}

export interface PlanRow {
  /** Minutes from the start of the session. */
  start: number;
  end: number;
}

/** Consecutive time slots for lessons of the given lengths. */
export function timeline(minutes: readonly number[]): PlanRow[] {
  let t = 0;
  return minutes.map((m) => {
    const row = { start: t, end: t + Math.max(0, m) };
    t = row.end;
    return row;
  });
}

/** 95 → "1:35" (hours:minutes from the start of a session). */
export const clockOf = (minutes: number): string => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

/** Items (HTML) as a bulleted list; '' for none. */
export const listHtml = (items: readonly string[]): string => (items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '');
