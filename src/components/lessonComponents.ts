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
import type { Root } from '../lib/lesson/tree';
import { parseTextTree } from '../lib/search/text-tree';

export { authorComponents };
export const presentComponents = { ...authorComponents, Quiz: QuizMark, Scenario: ScenarioMark };
export const handoutComponents = { ...authorComponents, Term: TermPlain, TeacherNote: Omit, Quiz: Omit, Scenario: Omit, SlideBreak: Omit };
export const textComponents = { ...presentComponents, Term: TermPlain, SlideBreak: Omit };

const trees = new Map<string, Promise<Root>>();
/**
 * The lesson rendered with textComponents, as a tree (memoised per build): search and placements read it.
 * Parsed without source positions (parseTextTree: the same tree as parseLesson otherwise).
 */
export function lessonTextTree(lesson: LessonEntry): Promise<Root> {
  let tree = trees.get(lesson.id);
  if (!tree) trees.set(lesson.id, (tree = renderLessonHtml(lesson, textComponents).then(parseTextTree)));
  return tree;
}
