/**
 * 错题本's data (issue 16): the questions of every quiz, keyed by quiz id, with the URL of the lesson
 * section each question refers to, and the course index (src/lib/progress/course-index.ts) that
 * groups them by lesson. `buildQuestionBank` runs at build time; `parseQuestionBank` checks what the
 * browser fetched, so a stale or damaged copy fails clearly instead of breaking the page.
 */
import type { Course } from '../course';
import { questionRefs } from '../quiz/pool-data';
import type { Question } from '../quiz/schema';
import type { CourseIndex } from './summary';

export interface BankQuiz {
  title: string;
  questions: Question[];
  /** Question id → URL of the lesson section that teaches it. */
  refs: Record<string, string>;
}

export interface QuestionBank {
  index: CourseIndex;
  quizzes: Record<string, BankQuiz>;
}

export function buildQuestionBank(course: Course, index: CourseIndex): QuestionBank {
  const quizzes: Record<string, BankQuiz> = {};
  for (const q of course.quizById.values()) {
    quizzes[q.id] = { title: q.data.title, questions: q.data.questions, refs: questionRefs(q.data) };
  }
  return { index, quizzes };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fetched bank, shape-checked (throws with a reason); questions are checked as used, by kind. */
export function parseQuestionBank(v: unknown): QuestionBank {
  if (!isObj(v) || !isObj(v.index) || !isObj(v.quizzes)) throw new Error('question bank: expected { index, quizzes }');
  const ix = v.index;
  if (!Array.isArray(ix.modules) || !Array.isArray(ix.quizzes)) throw new Error('question bank: malformed index');
  for (const m of ix.modules) {
    if (!isObj(m) || !Array.isArray(m.lessons) || !m.lessons.every((l) => isObj(l) && typeof l.id === 'string' && typeof l.title === 'string' && typeof l.url === 'string')) {
      throw new Error('question bank: malformed module');
    }
  }
  for (const q of ix.quizzes) {
    if (!isObj(q) || typeof q.id !== 'string' || !Array.isArray(q.questions)) throw new Error('question bank: malformed index quiz');
  }
  for (const [id, q] of Object.entries(v.quizzes)) {
    if (!isObj(q) || typeof q.title !== 'string' || !Array.isArray(q.questions) || !isObj(q.refs)) throw new Error(`question bank: malformed quiz ${id}`);
    for (const question of q.questions) {
      if (!isObj(question) || typeof question.id !== 'string' || typeof question.kind !== 'string' || typeof question.prompt !== 'string') {
        throw new Error(`question bank: malformed question in ${id}`);
      }
    }
  }
  return v as unknown as QuestionBank;
}
