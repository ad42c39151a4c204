/**
 * /course-index.json: the course data the progress features need in the browser (lessons, quizzes,
 * question → lesson, scenario endings), written once per build and shared by every page that needs
 * it (progress, certificate, the home unit cards; issue 17) instead of being embedded in each page.
 * Read it in the browser with loadCourseIndex() from src/client/course-index.ts.
 */
import type { APIRoute } from 'astro';
import { getCourse } from '../lib/course';
import { buildCourseIndex } from '../lib/progress/course-index';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(buildCourseIndex(await getCourse())), { headers: { 'Content-Type': 'application/json' } });
