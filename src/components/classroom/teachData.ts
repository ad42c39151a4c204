/** Build-time lookups for the teaching pages: which quizzes and scenarios belong to a lesson. */
import type { Course, LessonEntry, QuizEntry, ScenarioEntry } from '../../lib/course';
import { placedIds } from '../../lib/classroom/paths';

/** Quizzes placed in the lesson (<Quiz id>) plus any whose `lesson` field names it, in that order. */
export function lessonQuizzes(course: Course, lesson: LessonEntry): QuizEntry[] {
  const ids = placedIds(lesson.body, 'Quiz');
  for (const [id, q] of course.quizById) if (q.data.lesson?.split('#')[0] === lesson.id && !ids.includes(id)) ids.push(id);
  return ids.flatMap((id) => course.quizById.get(id) ?? []);
}

/** Scenarios placed in the lesson plus any whose `lesson` field names it. */
export function lessonScenarios(course: Course, lesson: LessonEntry): ScenarioEntry[] {
  const ids = placedIds(lesson.body, 'Scenario');
  for (const [id, s] of course.scenarioById) if (s.data.lesson?.split('#')[0] === lesson.id && !ids.includes(id)) ids.push(id);
  return ids.flatMap((id) => course.scenarioById.get(id) ?? []);
}
