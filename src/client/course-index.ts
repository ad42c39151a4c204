/**
 * The one loader of the shared course data in the browser (issue 17): /course-index.json (written by
 * src/pages/course-index.json.ts from buildCourseIndex()) is fetched at most once per page and kept
 * in the browser's HTTP cache, instead of every page embedding the whole course. Used by the
 * progress dashboard, the certificate and the home page's unit cards.
 *
 *   import { loadCourseIndex } from '../client/course-index';
 *   const index = await loadCourseIndex(); // CourseIndex (src/lib/progress/summary.ts); rejects on failure
 *
 * A failed or malformed response rejects (callers keep their server-rendered fallback) and is not
 * memoised, so a later call retries.
 */
import { loadJsonOnce } from './json-once';
import { parseCourseIndex } from '../lib/progress/course-index-check';
import type { CourseIndex } from '../lib/progress/summary';

export const COURSE_INDEX_PATH = '/course-index.json';

export function loadCourseIndex(): Promise<CourseIndex> {
  return loadJsonOnce(COURSE_INDEX_PATH, parseCourseIndex);
}
