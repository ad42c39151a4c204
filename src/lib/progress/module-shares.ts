/** Lessons done per module (pure): for the home unit cards and the outline's other modules (issue 16/17). */
import type { ProgressData } from './schema';
import { lessonStatus, type CourseIndex } from './summary';

export function moduleShares(data: ProgressData, index: CourseIndex): Map<string, { done: number; total: number }> {
  return new Map(
    index.modules.map((m) => [m.id, { done: m.lessons.filter((l) => lessonStatus(data, l) === 'done').length, total: m.lessons.length }]),
  );
}
