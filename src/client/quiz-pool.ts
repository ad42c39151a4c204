/**
 * Loads a question pool (/quiz-pools/<id>.json, src/lib/quiz/pool-data.ts) once per page; the HTTP
 * cache (and the offline precache) keeps it between visits. A failed or malformed response rejects
 * (the island keeps the page's fixed paper and says so) and is not memoised, so a later call retries.
 */
import { loadJsonOnce } from './json-once';
import { parsePoolData, poolPath, type PoolData } from '../lib/quiz/pool-data';

export function loadQuizPool(quizId: string): Promise<PoolData> {
  return loadJsonOnce(poolPath(quizId), parsePoolData);
}
