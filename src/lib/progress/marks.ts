/** Bookmarks and notes per lesson section (issue 16), kept in the progress document (schema.ts SectionMark). */
import { MAX_NOTE_CHARS, type ProgressData, type SectionMark } from './schema';

export const markKey = (lessonId: string, anchor: string): string => `${lessonId}#${anchor}`;

/** The mark of a section ({} values when none). */
export function getMark(d: ProgressData, lessonId: string, anchor: string): SectionMark {
  return d.marks?.[markKey(lessonId, anchor)] ?? { bookmark: false, note: '', updatedAt: 0 };
}

/** Sets a section's bookmark and/or note (the note trimmed to MAX_NOTE_CHARS). */
export function recordMark(d: ProgressData, lessonId: string, anchor: string, patch: Partial<Pick<SectionMark, 'bookmark' | 'note'>>, at: number): ProgressData {
  const prev = getMark(d, lessonId, anchor);
  const next: SectionMark = {
    bookmark: patch.bookmark ?? prev.bookmark,
    note: (patch.note ?? prev.note).slice(0, MAX_NOTE_CHARS),
    updatedAt: Math.max(at, prev.updatedAt + 1),
  };
  d.marks = { ...(d.marks ?? {}), [markKey(lessonId, anchor)]: next };
  return d;
}

/** Bookmarked sections and sections with a note, as [lessonId, anchor, mark], newest first. */
export function listMarks(d: ProgressData): [string, string, SectionMark][] {
  return Object.entries(d.marks ?? {})
    .filter(([, m]) => m.bookmark || m.note.trim())
    .sort(([, a], [, b]) => b.updatedAt - a.updatedAt)
    .map(([k, m]) => {
      const i = k.indexOf('#');
      return [k.slice(0, i < 0 ? k.length : i), i < 0 ? '' : k.slice(i + 1), m];
    });
}
