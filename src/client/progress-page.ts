/**
 * Self-paced progress on ordinary pages (issue 6), plain DOM, no framework:
 *  - course outline: status of every lesson (icon + visually hidden text) and each module's share;
 *  - lesson pages: records the visit and the section being read (throttled), and drives the
 *    "标记为已学完" button (undoable);
 *  - (the home page's 继续学习 is ./resume.ts, loaded by the home page only.)
 * Strings come from the server in each element's data-strings attribute (readStrings, src/i18n/format.ts).
 * Any failure here leaves the server-rendered page as it was.
 */
import { pick, readStrings } from '../i18n/format';
import { getProgressStore, type StoreStatus } from '../lib/progress/store';
import { recordLesson } from '../lib/progress/records';
import type { ProgressData } from '../lib/progress/schema';
import { doneByQuiz, lessonStatus, markedDone, type LessonStatus } from '../lib/progress/summary';

type Strings = Record<string, string>;
const fmt = pick;
const ids = (v: string | undefined) => (v ?? '').split(/\s+/).filter(Boolean);

const ICON: Record<LessonStatus, string> = { done: '✔', started: '◐', 'not-started': '○' };
const STATUS_KEY: Record<LessonStatus, string> = {
  done: 'outline.status.done',
  started: 'outline.status.started',
  'not-started': 'outline.status.notStarted',
};

/* ---------- Outline ---------- */
function renderOutline(nav: HTMLElement, s: Strings, data: ProgressData) {
  for (const mod of nav.querySelectorAll<HTMLElement>('li[data-module-id]')) {
    let done = 0;
    const items = mod.querySelectorAll<HTMLElement>('li[data-lesson-id]');
    for (const li of items) {
      const id = li.dataset.lessonId!;
      const status = lessonStatus(data, { id, quizIds: ids(li.dataset.quizIds) });
      if (status === 'done') done++;
      const span = li.querySelector<HTMLElement>('[data-status-for]');
      if (!span || span.dataset.status === status) continue;
      span.dataset.status = status;
      const icon = document.createElement('span');
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = ICON[status];
      const text = document.createElement('span');
      text.className = 'visually-hidden';
      text.textContent = `（${fmt(s, STATUS_KEY[status])}）`;
      span.replaceChildren(icon, text);
    }
    const shareEl = mod.querySelector<HTMLElement>('[data-share-for]');
    // Modules listed without their lessons (issue 17) show no share here (their module page and the home page do).
    if (shareEl && items.length) {
      shareEl.textContent = fmt(s, 'outline.shareLabel', { done, total: items.length });
      shareEl.dataset.done = String(done);
    }
  }
}

/* ---------- Lesson page: visit, section, completion ---------- */
const SECTION_SAVE_MS = 2000;

function trackLesson(article: HTMLElement, lessonId: string) {
  const store = getProgressStore();
  const fromHash = decodeURIComponent(location.hash.slice(1));
  const headings = [...article.querySelectorAll<HTMLElement>('h2[id]')];
  const initial = fromHash && headings.some((h) => h.id === fromHash) ? fromHash : undefined;
  store.update((d) => recordLesson(d, lessonId, 'visited', Date.now(), initial));

  if (!headings.length || !('IntersectionObserver' in window)) return;
  let saved: string | undefined = initial;
  let pending: string | undefined = initial;
  let timer: number | undefined;
  const flush = () => {
    if (timer !== undefined) window.clearTimeout(timer);
    timer = undefined;
    if (pending === saved) return;
    const section = pending;
    saved = section;
    store.update((d) => {
      d.lastVisit = section ? { lessonId, section, at: Date.now() } : { lessonId, at: Date.now() };
    });
  };
  /** The section being read: the last h2 above 40% of the viewport height. */
  const current = (): string | undefined => {
    const line = window.innerHeight * 0.4;
    let id: string | undefined;
    for (const h of headings) if (h.getBoundingClientRect().top <= line) id = h.id;
    return id;
  };
  const io = new IntersectionObserver(
    () => {
      pending = current();
      if (pending !== saved && timer === undefined) timer = window.setTimeout(flush, SECTION_SAVE_MS);
    },
    { rootMargin: '0px 0px -60% 0px', threshold: [0, 1] },
  );
  for (const h of headings) io.observe(h);
  // On leaving, read the section from the layout itself: a learner who jumps to a section and leaves
  // at once would otherwise leave before the observer's first callback (seen in CI under load).
  const leave = () => {
    pending = current();
    flush();
  };
  window.addEventListener('pagehide', leave);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') leave();
  });
}

function completion(box: HTMLElement, lessonId: string, quizIds: string[]) {
  const store = getProgressStore();
  const s = readStrings(box);
  const status = box.querySelector<HTMLElement>('[data-lc-status]');
  const button = box.querySelector<HTMLButtonElement>('[data-lc-toggle]');
  const note = box.querySelector<HTMLElement>('[data-lc-unsaved]');
  if (!status || !button) return;
  let announced = '';
  const render = (data: ProgressData, st: StoreStatus) => {
    const marked = markedDone(data, lessonId);
    const byQuiz = doneByQuiz(data, { quizIds });
    const text = byQuiz ? fmt(s, 'lessonDone.byQuiz') : marked ? fmt(s, 'lessonDone.isDone') : fmt(s, 'lessonDone.notDone');
    if (text !== announced) status.textContent = announced = text;
    box.dataset.done = String(byQuiz || marked);
    // Passing the quiz makes the lesson done whatever the mark says: nothing to undo then.
    button.hidden = byQuiz && !marked;
    button.textContent = marked ? fmt(s, 'lessonDone.undo') : fmt(s, 'lessonDone.mark');
    if (note) note.hidden = st.saved;
  };
  button.addEventListener('click', () => {
    const marked = markedDone(store.get(), lessonId);
    store.update((d) => {
      if (marked) d.lessons[lessonId] = { status: 'visited', updatedAt: Date.now() };
      else recordLesson(d, lessonId, 'done', Date.now(), d.lastVisit?.lessonId === lessonId ? d.lastVisit.section : undefined);
    });
  });
  store.subscribe(render);
  box.hidden = false;
}

/* ---------- Wiring ---------- */
function init() {
  const store = getProgressStore();
  const nav = document.querySelector<HTMLElement>('nav.outline[data-strings]');
  if (nav) {
    const s = readStrings(nav);
    store.subscribe((data) => renderOutline(nav, s, data));
  }

  const article = document.querySelector<HTMLElement>('article[data-lesson-id]');
  const lessonId = article?.dataset.lessonId;
  if (article && lessonId) {
    trackLesson(article, lessonId);
    const box = document.querySelector<HTMLElement>('[data-lesson-complete]');
    if (box) completion(box, lessonId, ids(box.dataset.quizIds));
  }
}

try {
  init();
} catch {
  /* progress is an extra: the page works without it */
}
