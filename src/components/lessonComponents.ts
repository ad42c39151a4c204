/**
 * The MDX component sets a lesson is rendered with, one per output. All keep the author
 * components' data attributes, so the lesson pipeline (src/lib/lesson/tree.ts) reads every one.
 * - authorComponents (author/index.ts): the lesson page;
 * - presentComponents: slides (quizzes and scenarios as markers the deck turns into live slides);
 * - handoutComponents: print (plain terms; no notes, quizzes or scenarios);
 * - textComponents: search text (plain terms; quizzes and scenarios as markers).
 */
import { authorComponents } from './author';
import QuizMark from './classroom/QuizMark.astro';
import ScenarioMark from './classroom/ScenarioMark.astro';
import TermPlain from './classroom/TermPlain.astro';
import Omit from './classroom/Omit.astro';
import type { LessonEntry } from '../lib/course';
import { renderLessonHtml } from '../lib/lesson/render';
import { placedIds, type Root } from '../lib/lesson/tree';
import { parseTextTree } from '../lib/search/text-tree';

export { authorComponents };
export const presentComponents = { ...authorComponents, Quiz: QuizMark, Scenario: ScenarioMark };
export const handoutComponents = { ...authorComponents, Term: TermPlain, TeacherNote: Omit, Quiz: Omit, Scenario: Omit, SlideBreak: Omit };
export const textComponents = { ...presentComponents, Term: TermPlain, SlideBreak: Omit };

/** What the teaching pages need from a lesson's text tree: the quizzes and scenarios it places, in page order. */
export interface LessonPlacements {
  quiz: string[];
  scenario: string[];
}
const placements = new Map<string, Promise<LessonPlacements>>();
/**
 * The lesson rendered with textComponents, as a tree, parsed without source positions (parseTextTree:
 * the same tree as parseLesson otherwise). Search indexing reads it once per lesson. Not memoised: the
 * trees of a whole course held for the build were its largest memory after the bundler (about 0.35 MB
 * per lesson, 350 MB at 1,000 lessons; issue 17). What later pages need of it, the placements, is kept.
 */
export function lessonTextTree(lesson: LessonEntry): Promise<Root> {
  const tree = renderLessonHtml(lesson, textComponents).then(parseTextTree);
  if (!placements.has(lesson.id)) placements.set(lesson.id, tree.then((t) => ({ quiz: placedIds(t, 'quiz'), scenario: placedIds(t, 'scenario') })));
  return tree;
}

/** The quizzes and scenarios a lesson places (memoised per build; rendered if search has not read the lesson yet). */
export function lessonPlacements(lesson: LessonEntry): Promise<LessonPlacements> {
  if (!placements.has(lesson.id)) void lessonTextTree(lesson);
  return placements.get(lesson.id)!;
}
