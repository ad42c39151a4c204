/**
 * Teaching material from a lesson's rendered HTML (pure), read through the lesson tree
 * (src/lib/lesson/tree.ts): the taught sections' titles, the summary (<Summary>, else the key
 * points as a list), discussion prompts (<Discussion>), and a time plan for a module.
 */
import { MARK, calloutBodies, isActivitySection, parseLesson, sections, summaryHtml, type Root } from '../lesson/tree';

export interface LessonMaterial {
  /** Titles of the taught H2 sections (not the summary, discussion or exercise sections). */
  sectionTitles: string[];
  /** Summary HTML: the <Summary>, else the key points as a list ('' when neither). */
  summary: string;
  /** Inner HTML of each discussion prompt. */
  prompts: string[];
}

/** From the lesson's HTML rendered for print, or its tree (lib/lesson/derive.ts: made from the lesson's one reading). */
export function lessonMaterial(html: string | Root): LessonMaterial {
  const root = typeof html === 'string' ? parseLesson(html) : html;
  return {
    sectionTitles: sections(root)
      .filter((s) => s.heading && !isActivitySection(s))
      .map((s) => s.title),
    summary: summaryHtml(root) || listHtml(calloutBodies(root, MARK.keypoint)),
    prompts: calloutBodies(root, MARK.discussion),
  };
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
