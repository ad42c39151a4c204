/**
 * The course as one validated structure (pure: plain data in, Course out, unit-tested in
 * tests/unit/course-model.test.ts): modules in order, their lessons in order, glossary with
 * backlinks, quizzes and scenarios by id. Any broken cross-reference throws a ContentError that
 * names the file and the field, which fails the build. src/lib/course.ts loads the data.
 */
import type { CollectionEntry } from 'astro:content';
import { analyzeScenario, validateQuiz, type ScenarioAnalysis } from './quiz/validate';
import { checkPaper, drawPaper, poolModules } from './quiz/draw';

export type ModuleEntry = CollectionEntry<'modules'>;
export type LessonEntry = CollectionEntry<'lessons'>;
export type TermEntry = CollectionEntry<'glossary'>;
export type QuizEntry = CollectionEntry<'quizzes'>;
export type ScenarioEntry = CollectionEntry<'scenarios'>;

export interface CourseModule {
  id: string;
  entry: ModuleEntry;
  /** 1-based position in the learning path. */
  number: number;
  lessons: LessonEntry[];
  minutes: number;
}

export interface Course {
  modules: CourseModule[];
  /** All lessons in course order. */
  lessons: LessonEntry[];
  lessonById: Map<string, LessonEntry>;
  moduleById: Map<string, CourseModule>;
  terms: TermEntry[];
  termById: Map<string, TermEntry>;
  /** Lesson ids that use each term (listed in `terms`, or in the term's `related`). */
  termLessons: Map<string, string[]>;
  quizById: Map<string, QuizEntry>;
  scenarioById: Map<string, ScenarioEntry>;
  scenarioAnalysis: Map<string, ScenarioAnalysis>;
  minutes: number;
}

export class ContentError extends Error {
  constructor(file: string, field: string, message: string) {
    super(`[content] ${file}: field "${field}": ${message}`);
    this.name = 'ContentError';
  }
}

const fileOf = (e: { filePath?: string; id: string }, dir: string): string => e.filePath ?? `content/${dir}/${e.id}`;

export interface CourseInput {
  modules: ModuleEntry[];
  /** Published lessons (drafts already left out). */
  lessons: LessonEntry[];
  terms: TermEntry[];
  quizzes: QuizEntry[];
  scenarios: ScenarioEntry[];
  /** Heading anchors of each lesson (for checking `ref` and `lesson` anchors). */
  anchors: Map<string, Set<string>>;
}

/** Checks every cross-reference and assembles the course; throws ContentError on the first problem. */
export function assembleCourse({ modules: moduleEntries, lessons: lessonEntries, terms, quizzes, scenarios, anchors }: CourseInput): Course {
  const byOrder = <T extends { data: { order: number }; id: string }>(a: T, b: T) =>
    a.data.order - b.data.order || a.id.localeCompare(b.id);

  const moduleIds = new Set(moduleEntries.map((m) => m.id));
  const termById = new Map(terms.map((t) => [t.id, t]));
  const quizById = new Map(quizzes.map((q) => [q.id, q]));
  const scenarioById = new Map(scenarios.map((s) => [s.id, s]));

  for (const l of lessonEntries) {
    const file = fileOf(l, 'lessons');
    if (!moduleIds.has(l.data.module)) {
      throw new ContentError(file, 'module', `unknown module "${l.data.module}"; known modules: ${[...moduleIds].join(', ')}`);
    }
    const folder = l.id.split('/')[0];
    if (folder !== l.data.module) {
      throw new ContentError(file, 'module', `lesson is in folder "${folder}" but names module "${l.data.module}"; put it in content/lessons/${l.data.module}/`);
    }
    for (const t of l.data.terms) {
      if (!termById.has(t)) throw new ContentError(file, 'terms', `unknown glossary term "${t}" (no content/glossary/${t}.yaml)`);
    }
  }

  const modules: CourseModule[] = moduleEntries.sort(byOrder).map((m, i) => {
    const lessons = lessonEntries.filter((l) => l.data.module === m.id).sort(byOrder);
    const seenOrder = new Map<number, string>();
    for (const l of lessons) {
      const other = seenOrder.get(l.data.order);
      if (other) throw new ContentError(fileOf(l, 'lessons'), 'order', `order ${l.data.order} is also used by lesson "${other}" in module "${m.id}"`);
      seenOrder.set(l.data.order, l.id);
    }
    return { id: m.id, entry: m, number: i + 1, lessons, minutes: lessons.reduce((s, l) => s + l.data.minutes, 0) };
  });
  const lessons = modules.flatMap((m) => m.lessons);
  const lessonById = new Map(lessons.map((l) => [l.id, l]));

  const termLessons = new Map<string, string[]>(terms.map((t) => [t.id, []]));
  for (const l of lessons) for (const t of l.data.terms) termLessons.get(t)!.push(l.id);
  for (const t of terms) {
    for (const r of t.data.related) {
      if (!lessonById.has(r)) throw new ContentError(fileOf(t, 'glossary'), 'related', `unknown lesson "${r}"`);
      const list = termLessons.get(t.id)!;
      if (!list.includes(r)) list.push(r);
    }
  }

  const checkRef = (file: string, field: string, ref: string | undefined) => {
    if (!ref) return;
    const [lessonId, anchor] = ref.split('#');
    if (!lessonById.has(lessonId!)) throw new ContentError(file, field, `unknown lesson "${lessonId}"`);
    const known = anchors.get(lessonId!) ?? new Set<string>();
    if (anchor && !known.has(anchor)) {
      throw new ContentError(file, field, `lesson "${lessonId}" has no heading with anchor "#${anchor}"; its anchors: ${[...known].join(', ')}`);
    }
  };

  for (const q of quizzes) {
    const file = fileOf(q, 'quizzes');
    checkRef(file, 'lesson', q.data.lesson);
    q.data.questions.forEach((question, i) => checkRef(file, `questions[${i}].ref`, question.ref));
    const problems = validateQuiz(q.data);
    if (problems.length) throw new ContentError(file, problems[0]!.path, problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    if (q.data.draw) {
      // A pool must cover every teaching module, and every draw must be stratified.
      const teaching = modules.filter((m) => m.lessons.some((l) => l.data.kind !== 'assessment')).map((m) => m.id);
      const present = poolModules(q.data);
      const missing = teaching.filter((m) => !present.includes(m));
      if (missing.length) throw new ContentError(file, 'questions', `the pool has no question whose ref is in module(s) ${missing.join(', ')}`);
      for (let seed = 0; seed < 200; seed++) {
        const bad = checkPaper(q.data, drawPaper(q.data, seed, teaching).ids, teaching);
        if (bad.length) throw new ContentError(file, 'draw', `the pool cannot be drawn stratified (seed ${seed}): ${bad.join('; ')}`);
      }
    }
  }
  const scenarioAnalysis = new Map<string, ScenarioAnalysis>();
  for (const s of scenarios) {
    const file = fileOf(s, 'scenarios');
    checkRef(file, 'lesson', s.data.lesson);
    const analysis = analyzeScenario(s.data);
    if (analysis.problems.length) {
      throw new ContentError(file, analysis.problems[0]!.path, analysis.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    }
    scenarioAnalysis.set(s.id, analysis);
  }

  return {
    modules,
    lessons,
    lessonById,
    moduleById: new Map(modules.map((m) => [m.id, m])),
    terms: [...terms].sort((a, b) => a.data.term.localeCompare(b.data.term, 'zh-CN')),
    termById,
    termLessons,
    quizById,
    scenarioById,
    scenarioAnalysis,
    minutes: modules.reduce((s, m) => s + m.minutes, 0),
  };
}

