/**
 * /mistakes/questions.json: what 错题本 (src/pages/mistakes/) needs to show and retry a missed question
 * — every quiz's questions (prompts, options, keys, explanations; the same data the quiz islands already
 * receive) with the lesson section each one refers to — plus the course index that groups them by
 * lesson. Written once per build and fetched only by 错题本 (src/client/question-bank.ts), so no page
 * embeds the whole question set.
 */
import type { APIRoute } from 'astro';
import { getCourse } from '../../lib/course';
import { buildCourseIndex } from '../../lib/progress/course-index';
import { buildQuestionBank } from '../../lib/progress/question-bank';

export const GET: APIRoute = async () => {
  const course = await getCourse();
  return new Response(JSON.stringify(buildQuestionBank(course, buildCourseIndex(course))), { headers: { 'Content-Type': 'application/json' } });
};
