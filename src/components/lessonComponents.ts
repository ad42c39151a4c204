/**
 * The MDX component sets a lesson is rendered with. Both keep the author components' data attributes,
 * so the lesson pipeline (src/lib/lesson/tree.ts) reads either.
 * - authorComponents (author/index.ts): the lesson page;
 * - presentComponents: slides (quizzes and scenarios as markers the deck turns into live slides).
 * A build renders a lesson's MDX here once, with presentComponents (lessonReading); the search text's
 * and the handout's trees are made from that one (lib/lesson/derive.ts, tests/unit/lesson-derive.test.ts).
 */
import { authorComponents } from './author';
import QuizMark from './classroom/QuizMark.astro';
import ScenarioMark from './classroom/ScenarioMark.astro';
import type { LessonEntry } from '../lib/course';
import { renderLessonHtml } from '../lib/lesson/render';
import { placedIds, textSections, type Root } from '../lib/lesson/tree';
import { derivedTree } from '../lib/lesson/derive';
import { parseTextTree } from '../lib/search/text-tree';
import type { LessonText } from '../lib/search/lesson-texts';
import { lessonMaterial, type LessonMaterial } from '../lib/classroom/extract';
import { publish, subscribe } from '../lib/build/prerender-protocol';

export { authorComponents };
export const presentComponents = { ...authorComponents, Quiz: QuizMark, Scenario: ScenarioMark };

/** What the teaching pages need from a lesson's text tree: the quizzes and scenarios it places, in page order. */
export interface LessonPlacements {
  quiz: string[];
  scenario: string[];
}

/**
 * A lesson's one reading (issue 17): rendered with presentComponents and parsed (parseTextTree, no
 * source positions) once. The deck pages split it into slides; the search text and the handout's tree are
 * made from the same tree (lib/lesson/derive.ts) instead of rendering and parsing the lesson again.
 */
export interface LessonReading {
  html: string;
  tree: Root;
}
export async function lessonReading(lesson: LessonEntry): Promise<LessonReading> {
  const html = await renderLessonHtml(lesson, presentComponents);
  return { html, tree: parseTextTree(html) };
}

/** The lesson's search text (terms as plain words, quizzes and scenarios as markers), from its reading. */
export function lessonText(reading: LessonReading): LessonText {
  const { sections, placements } = textSections(derivedTree(reading.tree, 'text'));
  return { sections, placements: [...placements] };
}

/**
 * What the teaching pages need of a lesson (the quizzes and scenarios it places; the handout's material),
 * made by its deck pages from their reading on whichever thread renders them and published to every thread
 * of the build (lib/build/prerender-protocol.ts), so no teaching page renders or parses the lesson again
 * (issue 17). Small (a few KB a lesson), kept for the build: the deck pages come first, the teaching pages last.
 */
export interface LessonFacts {
  placed: LessonPlacements;
  material: LessonMaterial;
}
const LESSON_FACTS = 'lesson:facts';
const facts = new Map<string, LessonFacts>();
subscribe(LESSON_FACTS, (key, value) => {
  if (!facts.has(key)) facts.set(key, value as LessonFacts);
});

const factsOf = (reading: LessonReading): LessonFacts => ({
  placed: { quiz: placedIds(reading.tree, 'quiz'), scenario: placedIds(reading.tree, 'scenario') },
  material: lessonMaterial(derivedTree(reading.tree, 'handout')),
});

/** Publishes the lesson's facts to every thread of the build (the deck pages do, once per lesson). */
export function publishFacts(lessonId: string, reading: LessonReading): void {
  publish(LESSON_FACTS, lessonId, factsOf(reading), { all: true });
}

const read = new Map<string, Promise<LessonFacts>>();
/** The lesson's facts as published, else read here (astro dev; a lesson whose deck pages were not rendered yet). */
function lessonFacts(lesson: LessonEntry): Promise<LessonFacts> {
  const known = facts.get(lesson.id);
  if (known) return Promise.resolve(known);
  if (import.meta.env.DEV) return lessonReading(lesson).then(factsOf);
  let f = read.get(lesson.id);
  if (!f) read.set(lesson.id, (f = lessonReading(lesson).then(factsOf)));
  return f;
}

/** The quizzes and scenarios a lesson places, in page order (the markers are the same in the slide and text renderings). */
export const lessonPlacements = (lesson: LessonEntry): Promise<LessonPlacements> => lessonFacts(lesson).then((f) => f.placed);

/** The lesson's teaching material (lib/classroom/extract.ts), read from its handout tree (lib/lesson/derive.ts). */
export const lessonHandoutMaterial = (lesson: LessonEntry): Promise<LessonMaterial> => lessonFacts(lesson).then((f) => f.material);
