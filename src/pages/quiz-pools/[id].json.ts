/**
 * /quiz-pools/<quiz id>.json: the whole question pool of a quiz with `draw` (the final assessment) and
 * the lesson section each question refers to, written once per build and fetched by the pool island
 * (src/client/quiz-pool.ts) instead of being embedded in the page (src/lib/quiz/pool-data.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCourse } from '../../lib/course';
import { buildPoolData } from '../../lib/quiz/pool-data';

export const getStaticPaths = (async () => {
  const course = await getCourse();
  return [...course.quizById.values()].filter((q) => q.data.draw).map((q) => ({ params: { id: q.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const quiz = (await getCourse()).quizById.get(params.id!);
  if (!quiz?.data.draw) throw new Error(`[content] /quiz-pools/${params.id}.json: no question pool with this id`);
  return new Response(JSON.stringify(buildPoolData(quiz.data)), { headers: { 'Content-Type': 'application/json' } });
};
