/**
 * Shape check for the course index read in the browser (/course-index.json): a stale or damaged
 * copy (an old cache, a proxy's error page) must not break a page, so callers get a clear error.
 * Pure; unit-tested in tests/unit/course-index-load.test.ts.
 */
import type { CourseIndex } from './summary';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

export function parseCourseIndex(v: unknown): CourseIndex {
  if (!isObj(v) || !Array.isArray(v.modules) || !Array.isArray(v.quizzes) || !Array.isArray(v.scenarios)) {
    throw new Error('course index: expected { modules, quizzes, scenarios }');
  }
  for (const m of v.modules) {
    if (!isObj(m) || !isStr(m.id) || !isStr(m.title) || typeof m.number !== 'number' || !Array.isArray(m.lessons)) {
      throw new Error('course index: malformed module');
    }
    for (const l of m.lessons) {
      if (!isObj(l) || !isStr(l.id) || !isStr(l.title) || !isStr(l.url) || typeof l.minutes !== 'number' || !Array.isArray(l.quizIds)) {
        throw new Error(`course index: malformed lesson in module ${m.id}`);
      }
    }
  }
  for (const q of v.quizzes) {
    if (!isObj(q) || !isStr(q.id) || !Array.isArray(q.questions) || typeof q.passingScore !== 'number' || typeof q.maxScore !== 'number') {
      throw new Error('course index: malformed quiz');
    }
  }
  for (const s of v.scenarios) {
    if (!isObj(s) || !isStr(s.id) || !Array.isArray(s.endings)) throw new Error('course index: malformed scenario');
  }
  if (v.finalQuizId !== undefined && !isStr(v.finalQuizId)) throw new Error('course index: malformed finalQuizId');
  return v as unknown as CourseIndex;
}
