/**
 * Loads 错题本's data (/mistakes/questions.json, src/pages/mistakes/questions.json.ts) once per page.
 * A failed or malformed response rejects (the page says so) and is not memoised, so a later call
 * retries. The course index inside it can later come from the shared course-index loader instead.
 */
import { href } from '../lib/paths';
import { parseQuestionBank, type QuestionBank } from '../lib/progress/question-bank';

export const QUESTION_BANK_PATH = '/mistakes/questions.json';

let pending: Promise<QuestionBank> | null = null;

export function loadQuestionBank(): Promise<QuestionBank> {
  pending ??= fetch(href(QUESTION_BANK_PATH), { credentials: 'same-origin' })
    .then((r) => {
      if (!r.ok) throw new Error(`question bank: HTTP ${r.status}`);
      return r.json() as Promise<unknown>;
    })
    .then(parseQuestionBank)
    .catch((e: unknown) => {
      pending = null;
      throw e;
    });
  return pending;
}
