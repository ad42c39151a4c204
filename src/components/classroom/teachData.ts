/** Build-time lookups for the teaching pages: which quizzes and scenarios belong to a lesson. */
import type { Course, LessonEntry, QuizEntry, ScenarioEntry } from '../../lib/course';
import { lessonPlacements } from '../lessonComponents';

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
