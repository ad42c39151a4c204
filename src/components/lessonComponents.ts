/**
 * The MDX component sets a lesson is rendered with, one per output. All keep the author
 * components' data attributes, so the lesson pipeline (src/lib/lesson/tree.ts) reads every one.
 * - authorComponents (author/index.ts): the lesson page;
 * - presentComponents: slides (quizzes and scenarios as markers the deck turns into live slides);
 * - handoutComponents: print (plain terms; no notes, quizzes or scenarios);
 * - textComponents: search text (plain terms; quizzes and scenarios as markers).
 * A build renders a lesson's MDX here once, with presentComponents (lessonReading); the text and handout
 * trees are made from that one (lib/lesson/derive.ts, tests/unit/lesson-derive.test.ts).
 */
import { authorComponents } from './author';
import QuizMark from './classroom/QuizMark.astro';
import ScenarioMark from './classroom/ScenarioMark.astro';
import TermPlain from './classroom/TermPlain.astro';
import Omit from './classroom/Omit.astro';
import type { LessonEntry } from '../lib/course';
import { renderLessonHtml } from '../lib/lesson/render';
import { placedIds, textSections, type Root } from '../lib/lesson/tree';
import { derivedTree } from '../lib/lesson/derive';
import { parseTextTree } from '../lib/search/text-tree';
import type { LessonText } from '../lib/search/lesson-texts';

export { authorComponents };
export const presentComponents = { ...authorComponents, Quiz: QuizMark, Scenario: ScenarioMark };
export const handoutComponents = { ...authorComponents, Term: TermPlain, TeacherNote: Omit, Quiz: Omit, Scenario: Omit, SlideBreak: Omit };
export const textComponents = { ...presentComponents, Term: TermPlain, SlideBreak: Omit };

/** What the teaching pages need from a lesson's text tree: the quizzes and scenarios it places, in page order. */
export interface LessonPlacements {
  quiz: string[];
  scenario: string[];
}

/**
 * A lesson's one reading (issue 17): rendered with presentComponents and parsed (parseTextTree, no
 * source positions) once. The deck pages split it into slides; the search text and the handout's tree are
 * made from the same tree (lib/lesson/derive.ts) instead of rendering and parsing the lesson again with
 * textComponents and handoutComponents.
 */
export interface LessonReading {
  html: string;
  tree: Root;
}
export async function lessonReading(lesson: LessonEntry): Promise<LessonReading> {
  const html = await renderLessonHtml(lesson, presentComponents);
  return { html, tree: parseTextTree(html) };
}

/** The lesson's search text (what the lesson rendered with textComponents reads as), from its reading. */
export function lessonText(reading: LessonReading): LessonText {
  const { sections, placements } = textSections(derivedTree(reading.tree, 'text'));
  return { sections, placements: [...placements] };
}

const placements = new Map<string, Promise<LessonPlacements>>();
/**
 * Notes the quizzes and scenarios a lesson places (small; kept for the build, for the teaching pages),
 * from its reading. The markers are the same in the slide and text renderings.
 */
export function notePlacements(lessonId: string, reading: LessonReading): void {
  if (!placements.has(lessonId)) placements.set(lessonId, Promise.resolve({ quiz: placedIds(reading.tree, 'quiz'), scenario: placedIds(reading.tree, 'scenario') }));
}

/** The quizzes and scenarios a lesson places (memoised per build; read here if no deck page on this thread has read the lesson yet). */
export function lessonPlacements(lesson: LessonEntry): Promise<LessonPlacements> {
  let p = placements.get(lesson.id);
  if (!p) placements.set(lesson.id, (p = lessonReading(lesson).then((r) => ({ quiz: placedIds(r.tree, 'quiz'), scenario: placedIds(r.tree, 'scenario') }))));
  return p;
}
