/**
 * Build time only: the small, serialisable view of the course that the progress features need in
 * the browser (lesson ids, titles, minutes, URLs; which quiz belongs to which lesson; question →
 * lesson for weak spots; scenario endings). Passed to islands as props or to scripts as data-*.
 */
import type { Course } from '../course';
import { href, lessonPath } from '../paths';
import type { CourseIndex, IndexQuestion } from './summary';

export const FINAL_QUIZ_ID = 'final-assessment';

const lessonOf = (ref: string | undefined): { lessonId?: string; anchor?: string } => {
  if (!ref) return {};
  const [lessonId, anchor] = ref.split('#');
  return { lessonId, anchor: anchor || undefined };
};

export function buildCourseIndex(course: Course): CourseIndex {
  const quizzes = [...course.quizById.values()];
  const quizLesson = new Map(quizzes.map((q) => [q.id, lessonOf(q.data.lesson).lessonId]));
  const lessonOrder = new Map(course.lessons.map((l, i) => [l.id, i]));
  const order = (lessonId: string | undefined) => (lessonId !== undefined ? (lessonOrder.get(lessonId) ?? 1e6) : 1e6);
  const sortedQuizzes = quizzes.sort((a, b) => order(quizLesson.get(a.id)) - order(quizLesson.get(b.id)) || a.id.localeCompare(b.id));
  return {
    modules: course.modules.map((m) => ({
      id: m.id,
      title: m.entry.data.title,
      number: m.number,
      lessons: m.lessons.map((l) => ({
        id: l.id,
        title: l.data.title,
        minutes: l.data.minutes,
        url: href(lessonPath(l.id)),
        quizIds: sortedQuizzes.filter((q) => quizLesson.get(q.id) === l.id).map((q) => q.id),
      })),
    })),
    quizzes: sortedQuizzes.map((q) => {
      const host = quizLesson.get(q.id);
      return {
        id: q.id,
        title: q.data.title,
        lessonId: host,
        passingScore: q.data.passingScore,
        maxScore: q.data.draw ? Math.min(q.data.draw.count, q.data.questions.length) : q.data.questions.length,
        ...(q.data.draw ? { pool: true } : {}),
        questions: q.data.questions
          .map((question): IndexQuestion | null => {
            const r = lessonOf(question.ref);
            const lessonId = r.lessonId ?? host;
            return lessonId ? { id: question.id, lessonId, ...(r.anchor ? { anchor: r.anchor } : {}) } : null;
          })
          .filter((x): x is IndexQuestion => x !== null),
      };
    }),
    scenarios: [...course.scenarioById.values()]
      .map((s) => ({
        id: s.id,
        title: s.data.title,
        lessonId: lessonOf(s.data.lesson).lessonId,
        endings: Object.values(s.data.nodes).flatMap((n) => (n.endings ?? []).map((e) => ({ id: e.id, title: e.title, rating: e.rating }))),
      }))
      .sort((a, b) => order(a.lessonId) - order(b.lessonId) || a.id.localeCompare(b.id)),
    finalQuizId: course.quizById.has(FINAL_QUIZ_ID) ? FINAL_QUIZ_ID : undefined,
  };
}
