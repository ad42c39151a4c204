/** Build-time lookups for the teaching pages: which quizzes and scenarios belong to a lesson. */
import type { Course, LessonEntry, QuizEntry, ScenarioEntry } from '../../lib/course';
import { placedIds } from '../../lib/lesson/tree';
import { lessonTextTree } from '../lessonComponents';

export interface LessonActivities {
  quizzes: QuizEntry[];
  scenarios: ScenarioEntry[];
}

/**
 * The one answer to "which quizzes and scenarios does this lesson place": those the rendered lesson
 * places (<Quiz id> / <Scenario id>, in page order), then any whose `lesson` field names it.
 */
export async function lessonActivities(course: Course, lesson: LessonEntry): Promise<LessonActivities> {
  const tree = await lessonTextTree(lesson);
  const pick = <T extends { data: { lesson?: string } }>(kind: 'quiz' | 'scenario', byId: Map<string, T>): T[] => {
    const ids = placedIds(tree, kind);
    for (const [id, e] of byId) if (e.data.lesson?.split('#')[0] === lesson.id && !ids.includes(id)) ids.push(id);
    return ids.flatMap((id) => byId.get(id) ?? []);
  };
  return { quizzes: pick('quiz', course.quizById), scenarios: pick('scenario', course.scenarioById) };
}
