/**
 * Pure helpers that fold one quiz attempt or one scenario play into progress data.
 * Used as `store.update((d) => recordQuizAttempt(d, …))`.
 */
import { MAX_PATHS, type ProgressData, type QuizPaper, type SavedAnswer } from './schema';

export interface QuizAttempt {
  quizId: string;
  score: number;
  maxScore: number;
  passed: boolean;
  answers: Record<string, SavedAnswer>;
  /** Ids of questions not fully right in this attempt. */
  wrongIds: string[];
  /** Ids of questions fully right in this attempt (their weak spots clear). */
  rightIds?: string[];
  at: number;
  /** Question pools: the paper answered, and whether it was a full draw (`draw.count` questions). */
  paper?: { seed: number; ids: string[]; full: boolean };
}

export function recordQuizAttempt(d: ProgressData, a: QuizAttempt): ProgressData {
  const prev = d.quizzes[a.quizId];
  const wrong = { ...(prev?.wrong ?? {}) };
  for (const id of a.wrongIds) wrong[id] = (wrong[id] ?? 0) + 1;
  const outcomes = { ...(prev?.outcomes ?? {}) };
  for (const id of a.wrongIds) outcomes[id] = { right: false, at: a.at };
  for (const id of a.rightIds ?? []) outcomes[id] = { right: true, at: a.at };
  d.quizzes[a.quizId] = {
    ...(Object.keys(outcomes).length ? { outcomes } : {}),
    attempts: (prev?.attempts ?? 0) + 1,
    bestScore: Math.max(prev?.bestScore ?? 0, a.score),
    maxScore: a.maxScore,
    lastScore: a.score,
    passed: Boolean(prev?.passed) || a.passed,
    lastAnswers: a.answers,
    wrong,
    updatedAt: a.at,
    ...(a.paper ? { paper: { seed: a.paper.seed, ids: [...a.paper.ids], answered: true } } : {}),
    ...(prev?.passedDraw || (a.paper?.full && a.passed) ? { passedDraw: true } : {}),
  };
  return d;
}

/**
 * A new paper drawn from a question pool (first visit or retake): stored before it is answered,
 * so a reload shows the same paper. Keeps the record's scores; clears the last answers, which
 * belonged to the previous paper.
 */
export function recordQuizPaper(d: ProgressData, quizId: string, paper: Omit<QuizPaper, 'answered'>, maxScore: number, at: number): ProgressData {
  const prev = d.quizzes[quizId];
  d.quizzes[quizId] = {
    attempts: prev?.attempts ?? 0,
    bestScore: prev?.bestScore ?? 0,
    maxScore: prev?.maxScore ?? maxScore,
    lastScore: prev?.lastScore ?? 0,
    passed: prev?.passed ?? false,
    lastAnswers: {},
    wrong: prev?.wrong ?? {},
    updatedAt: at,
    ...(prev?.outcomes ? { outcomes: prev.outcomes } : {}),
    paper: { seed: paper.seed, ids: [...paper.ids], answered: false },
    ...(prev?.passedDraw ? { passedDraw: true } : {}),
  };
  return d;
}

/**
 * A question retried on its own (错题本): records only its latest outcome; the quiz's attempts and
 * scores are those of whole attempts and stay as they are. Nothing happens without a quiz record.
 */
export function recordRetry(d: ProgressData, quizId: string, questionId: string, right: boolean, at: number): ProgressData {
  const prev = d.quizzes[quizId];
  if (!prev) return d;
  prev.outcomes = { ...(prev.outcomes ?? {}), [questionId]: { right, at } };
  return d;
}

export interface ScenarioPlay {
  scenarioId: string;
  score: number;
  maxScore: number;
  /** Node ids from start to the ending. */
  path: string[];
  /** Ending id reached. */
  ending: string;
  /** Authored choice indices taken (replays the play exactly). */
  choices?: number[];
  at: number;
}

export function recordScenarioPlay(d: ProgressData, p: ScenarioPlay): ProgressData {
  const prev = d.scenarios[p.scenarioId];
  const key = p.path.join('>');
  const paths = (prev?.paths ?? []).filter((x) => x.join('>') !== key);
  paths.push(p.path);
  d.scenarios[p.scenarioId] = {
    plays: (prev?.plays ?? 0) + 1,
    bestScore: Math.max(prev?.bestScore ?? 0, p.score),
    maxScore: p.maxScore,
    paths: paths.slice(-MAX_PATHS),
    endings: [...new Set([...(prev?.endings ?? []), p.ending])],
    ...(p.choices ? { runs: [...(prev?.runs ?? []), { choices: [...p.choices], ending: p.ending, score: p.score, at: p.at }].slice(-MAX_PATHS) } : prev?.runs ? { runs: prev.runs } : {}),
    updatedAt: p.at,
  };
  return d;
}

/** For the self-paced progress feature: mark a lesson visited or done ('done' is never downgraded by a visit). */
export function recordLesson(d: ProgressData, lessonId: string, status: 'visited' | 'done', at: number, section?: string): ProgressData {
  const prev = d.lessons[lessonId];
  d.lessons[lessonId] = { status: prev?.status === 'done' && status === 'visited' ? 'done' : status, updatedAt: at };
  d.lastVisit = section ? { lessonId, section, at } : { lessonId, at };
  return d;
}
