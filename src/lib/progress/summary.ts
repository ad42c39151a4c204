/**
 * Self-paced progress summaries (pure; runs in the browser and in unit tests):
 * lesson status, module and course shares, time remaining, quiz and scenario rows, weak spots,
 * and where to resume. Everything is computed from the saved ProgressData and a small
 * serialisable CourseIndex built at build time (src/lib/progress/course-index.ts), so stale or
 * foreign ids in the saved data are simply ignored.
 */
import type { ProgressData } from './schema';

export interface IndexLesson {
  id: string;
  title: string;
  minutes: number;
  /** Site-internal URL of the lesson (base included). */
  url: string;
  /** Quizzes hosted by this lesson: passing any of them counts the lesson done. */
  quizIds: string[];
}

export interface IndexModule {
  id: string;
  title: string;
  /** 1-based position. */
  number: number;
  lessons: IndexLesson[];
}

export interface IndexQuestion {
  id: string;
  /** Lesson that teaches it (the question's ref, else the quiz's lesson). */
  lessonId: string;
  /** Heading anchor inside that lesson, when the ref names one. */
  anchor?: string;
}

export interface IndexQuiz {
  id: string;
  title: string;
  lessonId?: string;
  /** Fraction of the maximum score needed to pass (0–1). */
  passingScore: number;
  /** Maximum score (one point per question; a pool: per drawn paper). */
  maxScore: number;
  /** A question pool (the final assessment): each attempt answers a drawn paper of `maxScore` questions. */
  pool?: boolean;
  /** Questions with the lesson that teaches them. */
  questions: IndexQuestion[];
}

export interface IndexScenario {
  id: string;
  title: string;
  lessonId?: string;
  endings: { id: string; title: string; rating: 'good' | 'mixed' | 'bad' }[];
}

export interface CourseIndex {
  modules: IndexModule[];
  quizzes: IndexQuiz[];
  scenarios: IndexScenario[];
  /** Id of the course-end assessment quiz (certificate requirement), if the course has one. */
  finalQuizId?: string;
}

export type LessonStatus = 'done' | 'started' | 'not-started';

/** done: marked done or any of its quizzes passed; started: visited or a quiz attempted. */
export function lessonStatus(data: ProgressData, lesson: Pick<IndexLesson, 'id' | 'quizIds'>): LessonStatus {
  const rec = data.lessons[lesson.id];
  const quizzes = lesson.quizIds.map((q) => data.quizzes[q]).filter((q) => q !== undefined);
  if (rec?.status === 'done' || quizzes.some((q) => q.passed)) return 'done';
  if (rec || quizzes.length > 0) return 'started';
  return 'not-started';
}

/** True when the learner's own "done" mark is set (the part the undo button can remove). */
export const markedDone = (data: ProgressData, lessonId: string): boolean => data.lessons[lessonId]?.status === 'done';

/** True when a passed quiz of the lesson makes it count as done regardless of the mark. */
export const doneByQuiz = (data: ProgressData, lesson: Pick<IndexLesson, 'quizIds'>): boolean =>
  lesson.quizIds.some((q) => data.quizzes[q]?.passed === true);

export interface Share {
  done: number;
  total: number;
  /** Whole percent, 0–100 (0 when total is 0). */
  percent: number;
}

export const share = (done: number, total: number): Share => ({
  done,
  total,
  percent: total > 0 ? Math.floor((done / total) * 100) : 0,
});

export interface ModuleSummary {
  id: string;
  title: string;
  number: number;
  share: Share;
  started: number;
  minutesLeft: number;
  lessons: (IndexLesson & { status: LessonStatus })[];
}

export interface CourseSummary {
  modules: ModuleSummary[];
  overall: Share;
  /** Estimated minutes of study left (sum of `minutes` of lessons not done). */
  minutesLeft: number;
  minutesTotal: number;
}

export function summarize(data: ProgressData, index: CourseIndex): CourseSummary {
  const modules = index.modules.map((m): ModuleSummary => {
    const lessons = m.lessons.map((l) => ({ ...l, status: lessonStatus(data, l) }));
    const done = lessons.filter((l) => l.status === 'done').length;
    return {
      id: m.id,
      title: m.title,
      number: m.number,
      share: share(done, lessons.length),
      started: lessons.filter((l) => l.status === 'started').length,
      minutesLeft: lessons.filter((l) => l.status !== 'done').reduce((s, l) => s + l.minutes, 0),
      lessons,
    };
  });
  const all = modules.flatMap((m) => m.lessons);
  return {
    modules,
    overall: share(all.filter((l) => l.status === 'done').length, all.length),
    minutesLeft: modules.reduce((s, m) => s + m.minutesLeft, 0),
    minutesTotal: all.reduce((s, l) => s + l.minutes, 0),
  };
}

export interface QuizRow {
  id: string;
  title: string;
  lessonId?: string;
  attempts: number;
  bestScore: number;
  maxScore: number;
  /** Best score as a whole percent of maxScore. */
  bestPercent: number;
  passed: boolean;
  passPercent: number;
}

/** Every quiz of the course (in index order) with the learner's record, if any. */
export function quizRows(data: ProgressData, index: CourseIndex): QuizRow[] {
  return index.quizzes.map((q) => {
    const r = data.quizzes[q.id];
    const maxScore = r && r.maxScore > 0 ? r.maxScore : q.maxScore;
    const bestScore = Math.min(r?.bestScore ?? 0, maxScore);
    return {
      id: q.id,
      title: q.title,
      lessonId: q.lessonId,
      attempts: r?.attempts ?? 0,
      bestScore,
      maxScore,
      bestPercent: maxScore > 0 ? Math.round((bestScore / maxScore) * 100) : 0,
      passed: r?.passed ?? false,
      passPercent: Math.round(q.passingScore * 100),
    };
  });
}

export interface ScenarioRow {
  id: string;
  title: string;
  lessonId?: string;
  plays: number;
  /** Endings reached, in the scenario's order (unknown ids ignored). */
  reached: IndexScenario['endings'];
  total: number;
}

export function scenarioRows(data: ProgressData, index: CourseIndex): ScenarioRow[] {
  return index.scenarios.map((s) => {
    const r = data.scenarios[s.id];
    const got = new Set(r?.endings ?? []);
    return { id: s.id, title: s.title, lessonId: s.lessonId, plays: r?.plays ?? 0, reached: s.endings.filter((e) => got.has(e.id)), total: s.endings.length };
  });
}

export interface WeakSpot {
  lessonId: string;
  title: string;
  url: string;
  /** Anchor of the section taught by the most-missed question still open in this lesson, if known. */
  anchor?: string;
  /** Wrong answers (summed over attempts) to questions taught in this lesson. */
  wrong: number;
  /** Distinct questions ever answered wrong. */
  questions: number;
  /** Of those, the questions not answered right since (0: the lesson is 已巩固). */
  open: number;
}

/** True when a question once answered wrong has been answered right since (quiz or 错题本 retry). */
export const isFixed = (data: ProgressData, quizId: string, questionId: string): boolean =>
  data.quizzes[quizId]?.outcomes?.[questionId]?.right === true;

/**
 * Lessons whose questions were most often answered wrong (quiz `wrong` counters, attributed to
 * the lesson each question refers to), most-missed first; ties keep course order. Lessons whose
 * missed questions have all been answered right since come last, with `open` 0 (已巩固).
 */
export function weakSpots(data: ProgressData, index: CourseIndex, limit = 5): WeakSpot[] {
  const lessons = new Map(index.modules.flatMap((m) => m.lessons).map((l, i) => [l.id, { l, i }]));
  const acc = new Map<string, { wrong: number; questions: number; open: number; top: number; anchor?: string }>();
  for (const q of index.quizzes) {
    const rec = data.quizzes[q.id];
    if (!rec) continue;
    for (const question of q.questions) {
      const n = rec.wrong[question.id] ?? 0;
      if (n <= 0 || !lessons.has(question.lessonId)) continue;
      const a = acc.get(question.lessonId) ?? { wrong: 0, questions: 0, open: 0, top: 0 };
      a.wrong += n;
      a.questions += 1;
      if (!isFixed(data, q.id, question.id)) {
        a.open += 1;
        if (n > a.top) {
          a.top = n;
          a.anchor = question.anchor;
        }
      }
      acc.set(question.lessonId, a);
    }
  }
  return [...acc.entries()]
    .sort(([x, a], [y, b]) => Number(a.open === 0) - Number(b.open === 0) || b.wrong - a.wrong || lessons.get(x)!.i - lessons.get(y)!.i)
    .slice(0, Math.max(0, limit))
    .map(([id, a]) => {
      const { l } = lessons.get(id)!;
      return { lessonId: id, title: l.title, url: l.url, anchor: a.anchor, wrong: a.wrong, questions: a.questions, open: a.open };
    });
}

export interface Mistake {
  quizId: string;
  questionId: string;
  /** Times answered wrong in quiz attempts. */
  wrong: number;
  /** Answered right since (已巩固). */
  fixed: boolean;
}

export interface MistakeGroup {
  lessonId: string;
  title: string;
  url: string;
  items: Mistake[];
}

/**
 * 错题本: every question the learner ever got wrong, grouped by the lesson that teaches it, in
 * course order (quizzes and questions in index order within a lesson).
 */
export function mistakes(data: ProgressData, index: CourseIndex): MistakeGroup[] {
  const groups = new Map<string, Mistake[]>();
  for (const q of index.quizzes) {
    const rec = data.quizzes[q.id];
    if (!rec) continue;
    for (const question of q.questions) {
      const n = rec.wrong[question.id] ?? 0;
      if (n <= 0) continue;
      const list = groups.get(question.lessonId) ?? [];
      list.push({ quizId: q.id, questionId: question.id, wrong: n, fixed: isFixed(data, q.id, question.id) });
      groups.set(question.lessonId, list);
    }
  }
  return index.modules
    .flatMap((m) => m.lessons)
    .filter((l) => groups.has(l.id))
    .map((l) => ({ lessonId: l.id, title: l.title, url: l.url, items: groups.get(l.id)! }));
}

export interface ResumeTarget {
  lessonId: string;
  title: string;
  /** URL with the section anchor when one was saved. */
  url: string;
  section?: string;
}

const ANCHOR_RE = /^[^\s#<>"'`]{1,200}$/;

/**
 * Where "继续学习" should go: the last lesson visited (and its section) while it is unfinished;
 * once it is done, the next unfinished lesson after it in course order (then from the start).
 * Null when there is no progress or every lesson is done.
 */
export function resumeTarget(data: ProgressData, lessons: (Pick<IndexLesson, 'id' | 'title' | 'url'> & { quizIds?: string[] })[]): ResumeTarget | null {
  const lv = data.lastVisit;
  const at = lv ? lessons.findIndex((x) => x.id === lv.lessonId) : -1;
  const done = (l: (typeof lessons)[number]) => lessonStatus(data, { id: l.id, quizIds: Array.isArray(l.quizIds) ? l.quizIds : [] }) === 'done';
  const l = at >= 0 ? lessons[at]! : undefined;
  if (l && !done(l)) {
    const section = lv!.section && ANCHOR_RE.test(lv!.section) ? lv!.section : undefined;
    return { lessonId: l.id, title: l.title, url: section ? `${l.url}#${encodeURIComponent(section)}` : l.url, section };
  }
  if (!hasProgress(data)) return null;
  const next = [...lessons.slice(at + 1), ...lessons.slice(0, at + 1)].find((x) => !done(x));
  return next ? { lessonId: next.id, title: next.title, url: next.url } : null;
}

/** True when there is any progress at all (decides 继续学习 vs 开始学习). */
export const hasProgress = (data: ProgressData): boolean =>
  data.lastVisit !== null || Object.keys(data.lessons).length > 0 || Object.keys(data.quizzes).length > 0 || Object.keys(data.scenarios).length > 0;
