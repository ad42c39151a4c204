/**
 * The learner's saved progress: one versioned JSON document in localStorage.
 * Everything read from storage goes through `sanitizeProgress`, which keeps every valid entry
 * and drops only the invalid ones, so a stray bad value never costs the learner the rest.
 * No Zod here: this module ships to the browser and must stay small.
 */

/**
 * Version 2 (issue 11) adds optional fields: `paper` and `passedDraw` on quiz records (final-
 * assessment pool) and `runs` on scenario records. A version-1 document is a valid version-2
 * document without them (MIGRATIONS[1]); a version-1 site refuses to overwrite a version-2
 * document (it is "newer"), so it never silently drops a drawn paper.
 */
export const PROGRESS_VERSION = 2;

/** Answer to one question as saved (see src/lib/quiz/engine.ts AnswerValue). */
export type SavedAnswer = number | boolean | null | (number | null)[];

export interface QuizRecord {
  /** Number of times the learner checked their answers. */
  attempts: number;
  /** Best score reached (points; partial credit allowed). */
  bestScore: number;
  /** Maximum possible score (number of questions). */
  maxScore: number;
  /** Score of the latest attempt. */
  lastScore: number;
  /** Whether any attempt reached the passing score. */
  passed: boolean;
  /** Answers of the latest attempt by question id. */
  lastAnswers: Record<string, SavedAnswer>;
  /** Per question id: how many attempts got it not fully right. */
  wrong: Record<string, number>;
  /** ms since epoch of the latest change. */
  updatedAt: number;
  /** Question pools only: the paper of the current attempt (drawn with `seed`; same paper on reload). */
  paper?: QuizPaper;
  /** Question pools only: some attempt on a full drawn paper reached the passing score (certificate). */
  passedDraw?: boolean;
  /**
   * Per question id: the latest outcome (quiz attempt or a retry in 错题本), so a weak spot clears
   * once the question is later answered right. Optional (issue 16); absent in older documents.
   */
  outcomes?: Record<string, QuestionOutcome>;
}

export interface QuestionOutcome {
  right: boolean;
  /** ms since epoch. */
  at: number;
}

export interface QuizPaper {
  seed: number;
  /** Question ids of the paper. */
  ids: string[];
  /** True once the paper has been checked (its answers are `lastAnswers`). */
  answered: boolean;
}

/** One completed play of a scenario (choice indices replay it exactly, conditions included). */
export interface ScenarioRun {
  choices: number[];
  /** Ending id reached. */
  ending: string;
  score: number;
  at: number;
}

export interface ScenarioRecord {
  /** Number of times an ending was reached. */
  plays: number;
  bestScore: number;
  /** Best possible score (computed at build). */
  maxScore: number;
  /** Distinct paths taken, each as node ids from start to ending (latest last, at most 20). */
  paths: string[][];
  /** Distinct endings reached (ending ids; node ids in version 1). */
  endings: string[];
  /** The latest plays (at most MAX_PATHS), oldest first. */
  runs?: ScenarioRun[];
  updatedAt: number;
}

export interface LessonRecord {
  status: 'visited' | 'done';
  updatedAt: number;
}

export interface LastVisit {
  lessonId: string;
  /** Heading anchor of the section last read, if known. */
  section?: string;
  at: number;
}

/**
 * A bookmark and a short note on one lesson section (issue 16), keyed "<lessonId>#<anchor>".
 * Optional (no version bump): older documents have none; a removed mark stays as an empty record
 * with its time, so a merge with an older copy does not bring it back.
 */
export interface SectionMark {
  bookmark: boolean;
  note: string;
  updatedAt: number;
}
export const MAX_NOTE_CHARS = 500;
export const MAX_MARKS = 1000;

export interface ProgressData {
  version: typeof PROGRESS_VERSION;
  /** Bookmarks and notes per lesson section (optional; see SectionMark). */
  marks?: Record<string, SectionMark>;
  quizzes: Record<string, QuizRecord>;
  scenarios: Record<string, ScenarioRecord>;
  lessons: Record<string, LessonRecord>;
  lastVisit: LastVisit | null;
  /**
   * ms since epoch of the last deliberate reset (0 = never). Merging drops everything older, so a
   * reset in one tab is not undone by another tab's copy (see ProgressStore.reset).
   */
  resetAt: number;
}

export const MAX_PATHS = 20;

export function emptyProgress(): ProgressData {
  return { version: PROGRESS_VERSION, quizzes: {}, scenarios: {}, lessons: {}, lastVisit: null, resetAt: 0 };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const okKey = (k: string) => k.length > 0 && k.length <= 200 && k !== '__proto__' && k !== 'constructor' && k !== 'prototype';

function mapOf<T>(v: unknown, item: (x: unknown) => T | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isObj(v)) return out;
  for (const [k, x] of Object.entries(v)) {
    if (!okKey(k)) continue;
    const r = item(x);
    if (r !== undefined) out[k] = r;
  }
  return out;
}

function savedAnswer(v: unknown): SavedAnswer | undefined {
  if (v === null || typeof v === 'boolean' || (num(v) && Number.isInteger(v))) return v as SavedAnswer;
  if (Array.isArray(v) && v.length <= 50 && v.every((x) => x === null || (num(x) && Number.isInteger(x)))) return v as (number | null)[];
  return undefined;
}

function sanitizePaper(v: unknown): QuizPaper | undefined {
  if (!isObj(v) || !num(v.seed) || !Number.isInteger(v.seed) || v.seed > 0xffffffff) return undefined;
  if (!Array.isArray(v.ids) || v.ids.length === 0 || v.ids.length > 200 || !v.ids.every(str) || new Set(v.ids).size !== v.ids.length) return undefined;
  return { seed: v.seed, ids: [...(v.ids as string[])], answered: v.answered === true };
}

function sanitizeOutcome(v: unknown): QuestionOutcome | undefined {
  return isObj(v) && typeof v.right === 'boolean' && num(v.at) ? { right: v.right, at: v.at } : undefined;
}

function sanitizeRun(v: unknown): ScenarioRun | undefined {
  if (!isObj(v) || !Array.isArray(v.choices) || v.choices.length > 100 || !v.choices.every((x) => num(x) && Number.isInteger(x) && x < 10)) return undefined;
  if (!str(v.ending) || !num(v.score) || !num(v.at)) return undefined;
  return { choices: [...(v.choices as number[])], ending: v.ending, score: v.score, at: v.at };
}

export function sanitizeQuiz(v: unknown): QuizRecord | undefined {
  if (!isObj(v) || !num(v.attempts) || !num(v.bestScore) || !num(v.maxScore)) return undefined;
  const paper = sanitizePaper(v.paper);
  const outcomes = mapOf(v.outcomes, sanitizeOutcome);
  return {
    ...(paper ? { paper } : {}),
    ...(Object.keys(outcomes).length ? { outcomes } : {}),
    ...(v.passedDraw === true ? { passedDraw: true } : {}),
    attempts: Math.floor(v.attempts),
    bestScore: v.bestScore,
    maxScore: v.maxScore,
    lastScore: num(v.lastScore) ? v.lastScore : v.bestScore,
    passed: v.passed === true,
    lastAnswers: mapOf(v.lastAnswers, savedAnswer),
    wrong: mapOf(v.wrong, (x) => (num(x) ? Math.floor(x) : undefined)),
    updatedAt: num(v.updatedAt) ? v.updatedAt : 0,
  };
}

export function sanitizeScenario(v: unknown): ScenarioRecord | undefined {
  if (!isObj(v) || !num(v.plays) || !num(v.bestScore)) return undefined;
  const paths = Array.isArray(v.paths)
    ? v.paths.filter((p): p is string[] => Array.isArray(p) && p.length > 0 && p.length <= 100 && p.every(str)).slice(-MAX_PATHS)
    : [];
  const runs = Array.isArray(v.runs) ? v.runs.map(sanitizeRun).filter((r): r is ScenarioRun => r !== undefined).slice(-MAX_PATHS) : [];
  return {
    ...(runs.length ? { runs } : {}),
    plays: Math.floor(v.plays),
    bestScore: v.bestScore,
    maxScore: num(v.maxScore) ? v.maxScore : v.bestScore,
    paths,
    endings: Array.isArray(v.endings) ? [...new Set(v.endings.filter(str))] : [],
    updatedAt: num(v.updatedAt) ? v.updatedAt : 0,
  };
}

export function sanitizeLesson(v: unknown): LessonRecord | undefined {
  if (!isObj(v) || (v.status !== 'visited' && v.status !== 'done')) return undefined;
  return { status: v.status, updatedAt: num(v.updatedAt) ? v.updatedAt : 0 };
}

export function sanitizeMark(v: unknown): SectionMark | undefined {
  if (!isObj(v)) return undefined;
  return {
    bookmark: v.bookmark === true,
    note: typeof v.note === 'string' ? v.note.slice(0, MAX_NOTE_CHARS) : '',
    updatedAt: num(v.updatedAt) ? v.updatedAt : 0,
  };
}

/** Keeps at most MAX_MARKS (the latest); {} → absent. */
function sanitizeMarks(v: unknown): { marks?: Record<string, SectionMark> } {
  const all = Object.entries(mapOf(v, sanitizeMark));
  if (!all.length) return {};
  return { marks: Object.fromEntries(all.sort(([, a], [, b]) => b.updatedAt - a.updatedAt).slice(0, MAX_MARKS)) };
}

export function sanitizeLastVisit(v: unknown): LastVisit | null {
  if (!isObj(v) || !str(v.lessonId) || !num(v.at)) return null;
  return str(v.section) ? { lessonId: v.lessonId, section: v.section, at: v.at } : { lessonId: v.lessonId, at: v.at };
}

/** Any value → valid ProgressData (current version), keeping what is valid. */
export function sanitizeProgress(v: unknown): ProgressData {
  if (!isObj(v)) return emptyProgress();
  return {
    version: PROGRESS_VERSION,
    quizzes: mapOf(v.quizzes, sanitizeQuiz),
    scenarios: mapOf(v.scenarios, sanitizeScenario),
    lessons: mapOf(v.lessons, sanitizeLesson),
    lastVisit: sanitizeLastVisit(v.lastVisit),
    resetAt: num(v.resetAt) ? v.resetAt : 0,
    ...sanitizeMarks(v.marks),
  };
}

/**
 * Migrations from older versions: MIGRATIONS[n] turns a version-n document into version n+1.
 * Version 1 is the first; add an entry here when the shape changes.
 */
export const MIGRATIONS: Record<number, (d: Obj) => Obj> = {
  /** 1 → 2: only optional fields were added (see PROGRESS_VERSION); nothing to convert. */
  1: (d) => ({ ...d, version: 2 }),
};

export type ParseStatus = 'ok' | 'empty' | 'corrupt' | 'newer';

/**
 * Parses what storage holds. 'corrupt': not JSON or not ours (the caller keeps a backup
 * before replacing it); 'newer': written by a newer version of the site (the caller must not
 * overwrite it).
 */
export function parseProgress(raw: string | null): { data: ProgressData; status: ParseStatus } {
  if (raw == null || raw === '') return { data: emptyProgress(), status: 'empty' };
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return { data: emptyProgress(), status: 'corrupt' };
  }
  if (!isObj(v) || typeof v.version !== 'number' || !Number.isInteger(v.version) || v.version < 1) {
    return { data: emptyProgress(), status: 'corrupt' };
  }
  if (v.version > PROGRESS_VERSION) return { data: sanitizeProgress(v), status: 'newer' };
  let d: Obj = v;
  for (let n = v.version; n < PROGRESS_VERSION; n++) {
    const m = MIGRATIONS[n];
    if (!m) return { data: emptyProgress(), status: 'corrupt' };
    d = m(d);
  }
  return { data: sanitizeProgress(d), status: 'ok' };
}

const newer = <T extends { updatedAt: number }>(a: T, b: T): T => (b.updatedAt > a.updatedAt ? b : a);
const maxMap = (a: Record<string, number>, b: Record<string, number>) => {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = Math.max(out[k] ?? 0, v);
  return out;
};

function mergeQuiz(a: QuizRecord, b: QuizRecord): QuizRecord {
  const latest = newer(a, b);
  const paper = latest.paper ?? (latest === a ? b.paper : a.paper);
  // Per question, the later outcome wins.
  const outcomes = { ...(a.outcomes ?? {}) };
  for (const [k, o] of Object.entries(b.outcomes ?? {})) if (!outcomes[k] || o.at > outcomes[k].at) outcomes[k] = o;
  return {
    ...(paper ? { paper } : {}),
    ...(Object.keys(outcomes).length ? { outcomes } : {}),
    ...(a.passedDraw || b.passedDraw ? { passedDraw: true } : {}),
    attempts: Math.max(a.attempts, b.attempts),
    bestScore: Math.max(a.bestScore, b.bestScore),
    maxScore: latest.maxScore,
    lastScore: latest.lastScore,
    passed: a.passed || b.passed,
    lastAnswers: latest.lastAnswers,
    wrong: maxMap(a.wrong, b.wrong),
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
  };
}

function mergeScenario(a: ScenarioRecord, b: ScenarioRecord): ScenarioRecord {
  const [first, second] = b.updatedAt >= a.updatedAt ? [a, b] : [b, a];
  const seen = new Set<string>();
  const paths: string[][] = [];
  for (const p of [...first.paths, ...second.paths].reverse()) {
    const k = p.join('>');
    if (!seen.has(k)) paths.unshift(p);
    seen.add(k);
  }
  // Union of both lists (a run is identified by its time and choices), oldest first.
  const runs = [...new Map([...(first.runs ?? []), ...(second.runs ?? [])].map((r) => [`${r.at}:${r.choices}`, r])).values()].sort((x, y) => x.at - y.at).slice(-MAX_PATHS);
  return {
    ...(runs.length ? { runs } : {}),
    plays: Math.max(a.plays, b.plays),
    bestScore: Math.max(a.bestScore, b.bestScore),
    maxScore: second.maxScore,
    paths: paths.slice(-MAX_PATHS),
    endings: [...new Set([...first.endings, ...second.endings])],
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
  };
}

function mergeMap<T>(a: Record<string, T>, b: Record<string, T>, f: (x: T, y: T) => T): Record<string, T> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = k in out ? f(out[k]!, v) : v;
  return out;
}

/**
 * Merges two documents (two tabs, or memory and storage) without losing progress: counts and
 * best scores take the maximum, sets are united, "latest" fields come from the newer record.
 * Commutative up to ties in updatedAt.
 */
export function mergeProgress(a: ProgressData, b: ProgressData): ProgressData {
  const resetAt = Math.max(a.resetAt, b.resetAt);
  const lv = a.lastVisit && b.lastVisit ? (b.lastVisit.at > a.lastVisit.at ? b.lastVisit : a.lastVisit) : (a.lastVisit ?? b.lastVisit);
  const live = <T extends { updatedAt: number }>(m: Record<string, T>) =>
    resetAt === 0 ? m : (Object.fromEntries(Object.entries(m).filter(([, r]) => r.updatedAt > resetAt)) as Record<string, T>);
  return {
    version: PROGRESS_VERSION,
    quizzes: live(mergeMap(a.quizzes, b.quizzes, mergeQuiz)),
    scenarios: live(mergeMap(a.scenarios, b.scenarios, mergeScenario)),
    lessons: live(mergeMap(a.lessons, b.lessons, newer)),
    lastVisit: lv && (resetAt === 0 || lv.at > resetAt) ? lv : null,
    resetAt,
    ...sanitizeMarks(live(mergeMap(a.marks ?? {}, b.marks ?? {}, newer))),
  };
}

/** JSON with sorted keys: equal documents give equal strings (for change detection). */
export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (isObj(v)) {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => v[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableStringify(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
