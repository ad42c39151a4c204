/**
 * Build-time lookups for the teaching pages: which quizzes and scenarios belong to a lesson, and each
 * lesson's teaching material (summary, prompts, sections) for the handout and the lesson plan.
 */
import { getCourse, type Course, type CourseModule, type LessonEntry, type QuizEntry, type ScenarioEntry } from '../../lib/course';
import type { LessonMaterial } from '../../lib/classroom/extract';
import { sharedBy } from '../../lib/classroom/shared';
import { lessonHandoutMaterial, lessonPlacements } from '../lessonComponents';

export interface LessonActivities {
  quizzes: QuizEntry[];
  scenarios: ScenarioEntry[];
}

const hosted = new WeakMap<Map<string, { data: { lesson?: string } }>, Map<string, string[]>>();
/**
 * Ids by the lesson their `lesson` field names (in the collection's order), indexed once per build:
 * scanning every quiz and scenario for every lesson grew with the square of the course (issue 17).
 */
function hostedIds(byId: Map<string, { data: { lesson?: string } }>): Map<string, string[]> {
  let index = hosted.get(byId);
  if (!index) {
    index = new Map();
    for (const [id, e] of byId) {
      const host = e.data.lesson?.split('#')[0];
      if (host) index.set(host, [...(index.get(host) ?? []), id]);
    }
    hosted.set(byId, index);
  }
  return index;
}

/**
 * The one answer to "which quizzes and scenarios does this lesson place": those the rendered lesson
 * places (<Quiz id> / <Scenario id>, in page order), then any whose `lesson` field names it.
 */
export async function lessonActivities(course: Course, lesson: LessonEntry): Promise<LessonActivities> {
  const placed = await lessonPlacements(lesson);
  const pick = <T extends { data: { lesson?: string } }>(kind: 'quiz' | 'scenario', byId: Map<string, T>): T[] => {
    const ids = [...placed[kind]];
    for (const id of hostedIds(byId).get(lesson.id) ?? []) if (!ids.includes(id)) ids.push(id);
    return ids.flatMap((id) => byId.get(id) ?? []);
  };
  return { quizzes: pick('quiz', course.quizById), scenarios: pick('scenario', course.scenarioById) };
}

export type MaterialDoc = 'handout' | 'plan';
/**
 * getStaticPaths of the handout and lesson plan route (src/pages/teach/[module]/[view]): a module's two
 * documents next to each other, so the build renders them one after the other (on one thread of the
 * prerender pool, which keeps pages differing only in `view` together) and the plan reuses the
 * material the handout read (moduleMaterial).
 */
export async function materialDocPaths() {
  const course = await getCourse();
  return course.modules.flatMap((m) => (['handout', 'plan'] as const).map((view) => ({ params: { module: m.id, view }, props: { moduleId: m.id, view } })));
}

/**
 * A module's material, made once for its two documents (the handout, then the plan right after it)
 * and dropped once both have taken it: the same bounded sharing as a lesson's two deck pages.
 */
const materials = sharedBy<Promise<LessonMaterial[]>>(2, 8);
/**
 * Each lesson's teaching material (src/lib/classroom/extract.ts), read from its print version, in the
 * module's order: made by the lesson's deck pages (lessonHandoutMaterial). Both documents of a module
 * share it: each used to render and parse every lesson of the module again (issue 17); the memo is
 * bounded, so nothing is held per lesson of the course.
 */
export function moduleMaterial(mod: CourseModule): Promise<LessonMaterial[]> {
  return materials(mod.id, () => Promise.all(mod.lessons.map((l) => lessonHandoutMaterial(l))));
}
