/**
 * Loads 错题本's data (/mistakes/questions.json, src/pages/mistakes/questions.json.ts) once per page.
 * A failed or malformed response rejects (the page says so) and is not memoised, so a later call
 * retries. The course index inside it can later come from the shared course-index loader instead.
 */
import { loadJsonOnce } from './json-once';
import { parseQuestionBank, type QuestionBank } from '../lib/progress/question-bank';

export const QUESTION_BANK_PATH = '/mistakes/questions.json';

export function loadQuestionBank(): Promise<QuestionBank> {
  return loadJsonOnce(QUESTION_BANK_PATH, parseQuestionBank);
}
