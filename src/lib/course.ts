/**
 * The course, loaded once per build from the content collections and validated by
 * assembleCourse (src/lib/course-model.ts, pure and unit-tested).
 */
import { getCollection, render } from 'astro:content';
import { assembleCourse, type Course, type LessonEntry } from './course-model';

export * from './course-model';

let cached: Promise<Course> | undefined;

type Rendered = Awaited<ReturnType<typeof render>>;
const rendered = new Map<string, Promise<Rendered>>();
/**
 * A lesson's Content component and headings (astro:content's render), once per lesson and build. Each
 * render() call imported the lesson's module again and built an error object up front (with its stack
 * trace), for the course check, the lesson page, the slides, search and both teaching documents (issue 17).
 * What is kept is small (a component wrapper and the headings of each lesson; the lesson modules
 * themselves stay loaded whatever we do).
 */
export function renderLesson(lesson: LessonEntry): Promise<Rendered> {
  let r = rendered.get(lesson.id);
  if (!r) rendered.set(lesson.id, (r = render(lesson)));
  return r;
}

/** The validated course (memoised per build). */
export function getCourse(): Promise<Course> {
  cached ??= loadCourse();
  return cached;
}

async function loadCourse(): Promise<Course> {
  const [modules, lessons, terms, quizzes, scenarios] = await Promise.all([
    getCollection('modules'),
    getCollection('lessons', (l) => !l.data.draft),
    getCollection('glossary'),
    getCollection('quizzes'),
    getCollection('scenarios'),
  ]);
  // Headings of every lesson as Astro renders them, for checking `ref` anchors.
  const anchors = new Map<string, Set<string>>();
  await Promise.all(
    lessons.map(async (l) => {
      const { headings } = await renderLesson(l);
      anchors.set(l.id, new Set(headings.map((h) => h.slug)));
    }),
  );
  return assembleCourse({ modules, lessons, terms, quizzes, scenarios, anchors });
}

/** Previous and next lesson in course order (crossing module boundaries). */
export function neighbours(course: Course, lessonId: string): { prev?: LessonEntry; next?: LessonEntry } {
  const i = course.lessons.findIndex((l) => l.id === lessonId);
  return { prev: i > 0 ? course.lessons[i - 1] : undefined, next: i >= 0 ? course.lessons[i + 1] : undefined };
}

/** getStaticPaths for pages under /learn/<module>/<lesson>/…: one page per lesson. */
export async function lessonStaticPaths() {
  const course = await getCourse();
  return course.lessons.map((lesson) => {
    const [module, slug] = lesson.id.split('/');
    return { params: { module: module!, lesson: slug! }, props: { lesson } };
  });
}

/** getStaticPaths for per-module pages: one page per module. */
export async function moduleStaticPaths() {
  const course = await getCourse();
  return course.modules.map((m) => ({ params: { module: m.id }, props: { moduleId: m.id } }));
}

const quizIndex = new WeakMap<Course, Map<string, string[]>>();
/**
 * Ids of the quizzes hosted by a lesson (passing one counts the lesson done), from one index built
 * once per build: scanning every quiz for every lesson on every page grew with the square of the
 * course (issue 17).
 */
export function quizIdsOf(course: Course, lessonId: string): string[] {
  let byLesson = quizIndex.get(course);
  if (!byLesson) {
    byLesson = new Map();
    for (const q of course.quizById.values()) {
      const host = q.data.lesson?.split('#')[0];
      if (host) byLesson.set(host, [...(byLesson.get(host) ?? []), q.id]);
    }
    quizIndex.set(course, byLesson);
  }
  return byLesson.get(lessonId) ?? [];
}
