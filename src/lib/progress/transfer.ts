/**
 * Export and import of the learner's progress as a JSON file (pure).
 * Import is strict about the outside (size, JSON, our format, version, shape, entry counts) and
 * refuses a bad file as a whole with a reason code; nothing is written unless the file is good.
 * A good file is merged into what is stored (mergeProgress keeps the better score of each quiz),
 * never replaces it.
 */
import { PROGRESS_VERSION, mergeProgress, parseProgress, sanitizeProgress, type ProgressData } from './schema';

/** Marks our export files (so an unrelated JSON file is refused). */
export const EXPORT_FORMAT = 'xtzd-progress';
/** Largest file accepted (characters); real exports are a few KB. */
export const MAX_IMPORT_CHARS = 1_000_000;
/** Most entries accepted per section (the course has far fewer). */
export const MAX_ENTRIES = 1000;

export interface ExportFile extends ProgressData {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
}

/** The export document as pretty JSON. */
export function exportProgress(data: ProgressData, now: Date = new Date()): string {
  const doc: ExportFile = { format: EXPORT_FORMAT, exportedAt: now.toISOString(), ...sanitizeProgress(data) };
  return JSON.stringify(doc, null, 2);
}

/** File name for a download, e.g. "xietiao-progress-2026-11-27.json". */
export function exportFileName(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `xietiao-progress-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}.json`;
}

export type ImportError = 'empty' | 'too-large' | 'not-json' | 'not-ours' | 'bad-version' | 'newer-version' | 'bad-shape' | 'too-many';

export type ImportResult =
  | { ok: true; data: ProgressData; /** Entries dropped because they were invalid. */ dropped: number }
  | { ok: false; error: ImportError };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const SECTIONS = ['quizzes', 'scenarios', 'lessons'] as const;

/** Validates an import file's text. */
export function parseImport(text: string): ImportResult {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, error: 'empty' };
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, error: 'too-large' };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (!isObj(v) || v.format !== EXPORT_FORMAT) return { ok: false, error: 'not-ours' };
  if (typeof v.version !== 'number' || !Number.isInteger(v.version) || v.version < 1) return { ok: false, error: 'bad-version' };
  if (v.version > PROGRESS_VERSION) return { ok: false, error: 'newer-version' };
  for (const s of SECTIONS) {
    if (!isObj(v[s])) return { ok: false, error: 'bad-shape' };
    if (Object.keys(v[s]).length > MAX_ENTRIES) return { ok: false, error: 'too-many' };
  }
  if (v.lastVisit !== undefined && v.lastVisit !== null && !isObj(v.lastVisit)) return { ok: false, error: 'bad-shape' };
  const { format: _f, exportedAt: _e, ...rest } = v;
  const parsed = parseProgress(JSON.stringify(rest));
  if (parsed.status !== 'ok') return { ok: false, error: parsed.status === 'newer' ? 'newer-version' : 'bad-version' };
  const given = SECTIONS.reduce((n, s) => n + Object.keys(v[s] as Obj).length, 0);
  const kept = SECTIONS.reduce((n, s) => n + Object.keys(parsed.data[s]).length, 0);
  // A file whose every entry is invalid is not a progress file, whatever its header says.
  if (given > 0 && kept === 0) return { ok: false, error: 'bad-shape' };
  return { ok: true, data: parsed.data, dropped: given - kept };
}

/**
 * Merges an imported document into the current one: nothing stored is lost; best scores win.
 * An import is deliberate, so records in the file count even when they predate a reset of this
 * browser's progress: they are restamped just after the reset mark instead of being dropped.
 */
export function mergeImport(current: ProgressData, imported: ProgressData): ProgressData {
  const mark = Math.max(current.resetAt, imported.resetAt);
  if (mark === 0) return mergeProgress(current, imported);
  const fresh = <T extends { updatedAt: number }>(m: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(m).map(([k, r]) => [k, r.updatedAt > mark ? r : { ...r, updatedAt: mark + 1 }]));
  const restamped: ProgressData = {
    ...imported,
    quizzes: fresh(imported.quizzes),
    scenarios: fresh(imported.scenarios),
    lessons: fresh(imported.lessons),
    ...(imported.marks ? { marks: fresh(imported.marks) } : {}),
    lastVisit: imported.lastVisit && imported.lastVisit.at <= mark ? { ...imported.lastVisit, at: mark + 1 } : imported.lastVisit,
    resetAt: mark,
  };
  return mergeProgress(current, restamped);
}

export interface ImportCounts {
  lessons: number;
  quizzes: number;
  scenarios: number;
}

export const countEntries = (d: ProgressData): ImportCounts => ({
  lessons: Object.keys(d.lessons).length,
  quizzes: Object.keys(d.quizzes).length,
  scenarios: Object.keys(d.scenarios).length,
});
