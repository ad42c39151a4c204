/**
 * scorm-course.json, in the packaged build only (XTZD_PACKAGE=scorm; no file in the ordinary
 * site): what the SCORM launch shell needs — the course index (lesson order, quizzes, scenarios)
 * for suspend data and status, and the course title.
 */
import type { APIRoute } from 'astro';
import { getCourse } from '../lib/course';
import { buildCourseIndex } from '../lib/progress/course-index';

export function getStaticPaths() {
  return import.meta.env.XTZD_PACKAGE === 'scorm' ? [{ params: { scorm: 'scorm-course' } }] : [];
}

export const GET: APIRoute = async () => {
  const course = await getCourse();
  return new Response(JSON.stringify({ index: buildCourseIndex(course) }), { headers: { 'Content-Type': 'application/json' } });
};
