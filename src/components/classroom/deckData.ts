/**
 * Build-time data for one lesson's slide deck, shared by the presentation and presenter views:
 * the slides (from the lesson HTML rendered with presentComponents), the live question for each
 * quiz slide, the scenario for each scenario slide, and the presenter notes.
 */
import { getCourse, type Course, type LessonEntry } from '../../lib/course';
import { assembleDeck, type Slide } from '../../lib/classroom/slides';
import { toLiveQuestion, type AnyQuestion, type LiveQuestion } from '../../lib/classroom/quiz';
import { walkStates } from '../../lib/quiz/walk-states';
import { liveScenario, liveScenarioJson, packWalk } from '../../lib/classroom/walk-pack';
import { duration, t } from '../../i18n';
import { slideBodyHtml, type SlideLabels, type TitleMeta } from '../../lib/classroom/slide-html';
import { lessonReading, lessonText, publishFacts } from '../lessonComponents';
import { publishLessonText } from '../../lib/search/offthread';
import type { Root } from '../../lib/lesson/tree';
import { sharedBy } from '../../lib/classroom/shared';

export interface DeckSlide {
  slide: Slide;
  question?: LiveQuestion;
  quiz?: { title: string; n: number; total: number };
  /** The scenario's title and intro (the slide before it starts), and the live island's data (walk-pack.ts). */
  scenario?: { title: string; intro: string; json: string };
  /** Presenter-only HTML notes (author notes plus answers). */
  notes: string[];
  /** The slide's static body (slide-html.ts), shown by the presenter view and, for slides without an island, the deck. */
  body: string;
}

export interface DeckData {
  slides: DeckSlide[];
  /** The lesson shows glossary terms: the page then renders their script (TermScript.astro). */
  hasTerms: boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const counts = new WeakMap<Course, Record<string, number>>();
/**
 * Question count of every quiz, made once per build: rebuilt for each of the two deck pages of
 * every lesson it grew with the square of the course (issue 17).
 */
function questionCounts(course: Course): Record<string, number> {
  let c = counts.get(course);
  if (!c) counts.set(course, (c = Object.fromEntries([...course.quizById].map(([id, q]) => [id, q.data.questions.length]))));
  return c;
}

export async function deckData(lesson: LessonEntry, html: string, tree?: Root): Promise<DeckData> {
  const course = await getCourse();
  const mod = course.moduleById.get(lesson.data.module)!;
  const quizQuestions = questionCounts(course);
  const slides = assembleDeck({
    title: lesson.data.title,
    html: tree ?? html,
    lessonNote: lesson.data.instructorNotes,
    quizQuestions,
    options: { continuedLabel: t('classroom.continued') },
  });
  const titleMeta: TitleMeta = {
    moduleLabel: `${t('module.label', { n: mod.number })} ${mod.entry.data.title}`,
    duration: duration(lesson.data.minutes),
    objectives: lesson.data.objectives,
    description: lesson.data.description,
  };
  const labels: SlideLabels = { objectives: t('lesson.objectives'), quizSlide: t('classroom.quizSlide'), scenarioSlide: t('classroom.scenarioSlide') };
  const out = slides.map((slide): Omit<DeckSlide, 'body'> => {
    if (slide.kind === 'quiz') {
      const quiz = course.quizById.get(slide.quizId)!.data;
      const q = quiz.questions[slide.question]! as AnyQuestion;
      const question = toLiveQuestion(q, `${slide.quizId}/${q.id}`, { yes: t('quiz.true'), no: t('quiz.false'), best: t('quiz.judgement.rank.best'), worst: t('quiz.judgement.rank.worst') });
      const answer = `<p><strong>${esc(t('classroom.answerNote'))}：</strong><span data-pv-answer>${question.answer.map(esc).join('；')}</span></p>` + (question.explanation ? `<p>${esc(question.explanation)}</p>` : '');
      return { slide, question, quiz: { title: quiz.title, n: slide.question + 1, total: quiz.questions.length }, notes: [answer, ...slide.notes] };
    }
    if (slide.kind === 'scenario') {
      const entry = course.scenarioById.get(slide.scenarioId);
      const analysis = course.scenarioAnalysis.get(slide.scenarioId);
      if (!entry || !analysis) return { slide: { kind: 'content', title: slide.title, continued: false, html: '', notes: slide.notes }, notes: slide.notes };
      const note = `<p>${esc(t('classroom.bestScoreNote', { n: analysis.bestScore }))}</p>`;
      const s = entry.data;
      const json = liveScenarioJson({
        scenario: liveScenario(s),
        bestPath: analysis.bestPath,
        bestChoices: analysis.bestChoices,
        bestScore: analysis.bestScore,
        walk: packWalk(walkStates(s), Object.keys(s.variables ?? {})),
      });
      return { slide, scenario: { title: s.title, intro: s.intro, json }, notes: [note, ...slide.notes] };
    }
    return { slide, notes: slide.notes };
  });
  return {
    slides: out.map((s) => ({ ...s, body: slideBodyHtml(s.slide, titleMeta, labels, s.question, s.scenario) })),
    hasTerms: html.includes('class="term"'),
  };
}

/**
 * Both deck pages of a lesson (present, presenter) take one render of the lesson with
 * presentComponents and one slide split (issue 17: each page rendered and split it itself).
 * The deck route lists a lesson's two pages one after the other
 * (src/pages/learn/[module]/[lesson]/[view]), so a deck is dropped as soon as its second page has
 * taken it and the memo holds one lesson, not the course (sharedBy: at most 8 held, in case pages
 * are ever rendered in another order). Not used in dev, where a lesson may change between requests.
 */
const decks = sharedBy<Promise<DeckData>>(2, 8);
/**
 * The deck, from the lesson's one reading (lessonReading), which also gives the lesson's search text (handed
 * to the search index on the main thread, whichever thread renders this page) and what the teaching pages
 * need of it (to every thread): neither renders nor parses the lesson again (issue 17).
 */
async function makeDeck(lesson: LessonEntry): Promise<DeckData> {
  const reading = await lessonReading(lesson);
  if (!import.meta.env.DEV) {
    publishLessonText(lesson.id, lessonText(reading));
    publishFacts(lesson.id, reading);
  }
  return deckData(lesson, reading.html, reading.tree);
}

export function lessonDeck(lesson: LessonEntry): Promise<DeckData> {
  if (import.meta.env.DEV) return makeDeck(lesson);
  return decks(lesson.id, () => makeDeck(lesson));
}
