/**
 * Reading aids on a lesson page (plain DOM, no framework; any failure leaves the page as it was):
 *  - arriving from search (`?hl=<query>`, `&in=quiz` for a question): scrolls to the first match at or
 *    after the linked section (#anchor), or to the question, and highlights it with the CSS Custom
 *    Highlight API (no DOM change, so the quiz island can still hydrate over the same text; CSP-safe);
 *  - 本课目录: marks the section being read (aria-current="location");
 *  - time left in the lesson (from its minutes and how far the learner has read);
 *  - a bookmark and a short note per section (SectionHeading.astro), kept with progress; the buttons
 *    appear only when storage works (feature-detected), and 本课目录 stars bookmarked sections.
 */
import { currentSection, findMatch, minutesLeft } from '../lib/reading';
import { getProgressStore } from '../lib/progress/store';
import { getMark, recordMark } from '../lib/progress/marks';
import type { ProgressData } from '../lib/progress/schema';

const article = document.querySelector<HTMLElement>('article.lesson');

type Hl = { ranges: Range[] };
interface HighlightRegistry {
  set(name: string, h: unknown): void;
}
const registry = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
const HighlightCtor = (globalThis as { Highlight?: new (...r: Range[]) => unknown }).Highlight;

/** Text nodes under `root` that a reader sees (not tooltips, hidden parts, scripts). */
function textNodes(root: Element): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement?.closest('script, style, template, [hidden], .term-tip, .visually-hidden, details:not([open]) > :not(summary)')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

function highlight(query: string, inQuiz: boolean, scroll: boolean): Hl | null {
  if (!article) return null;
  const anchor = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  const nodes = textNodes(article).filter((n) => !inQuiz || n.parentElement?.closest('.quiz'));
  let text = '';
  let from = -1;
  const starts: number[] = [];
  for (const n of nodes) {
    if (anchor && from < 0 && anchor.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING) from = text.length;
    starts.push(text.length);
    text += n.data;
  }
  const m = findMatch(text, query, Math.max(0, from));
  if (!m) return null;
  const at = (pos: number, end: boolean): [Text, number] => {
    let i = 0;
    while (i + 1 < nodes.length && (end ? starts[i + 1]! < pos : starts[i + 1]! <= pos)) i++;
    return [nodes[i]!, pos - starts[i]!];
  };
  const range = document.createRange();
  range.setStart(...at(m[0], false));
  range.setEnd(...at(m[1], true));
  if (registry && HighlightCtor) registry.set('search-hit', new HighlightCtor(range));
  if (scroll) {
    const el = range.startContainer.parentElement;
    const target = (inQuiz && el?.closest('li, fieldset')) || el;
    target?.scrollIntoView({ block: 'center' });
  }
  return { ranges: [range] };
}

function fromSearch() {
  const params = new URLSearchParams(location.search);
  const q = params.get('hl');
  if (!q || !article) return;
  const inQuiz = params.get('in') === 'quiz';
  // After the browser has scrolled to #anchor.
  requestAnimationFrame(() => highlight(q, inQuiz, true));
  // The quiz island replaces its server-rendered form when it hydrates: highlight the new text.
  const quizzes = article.querySelectorAll('.quiz');
  if (!quizzes.length) return;
  let timer = 0;
  const mo = new MutationObserver(() => {
    clearTimeout(timer);
    timer = window.setTimeout(() => highlight(q, inQuiz, inQuiz), 50);
  });
  for (const el of quizzes) mo.observe(el, { childList: true, subtree: true });
  window.setTimeout(() => mo.disconnect(), 8000);
}

function readingAids() {
  if (!article) return;
  const links = [...document.querySelectorAll<HTMLAnchorElement>('nav.toc a[href^="#"]')];
  const heads = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
  const left = [...document.querySelectorAll<HTMLElement>('[data-time-left]')];
  const minutes = Number(article.dataset.minutes);
  let queued = false;
  const update = () => {
    queued = false;
    const line = window.innerHeight * 0.3;
    const cur = currentSection(
      heads.map((h) => (h ? h.getBoundingClientRect().top : Infinity)),
      line,
    );
    links.forEach((a, i) => (i === cur ? a.setAttribute('aria-current', 'location') : a.removeAttribute('aria-current')));
    const box = article.getBoundingClientRect();
    const read = box.height > 0 ? (line - box.top) / box.height : 0;
    const n = minutesLeft(minutes, window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2 ? 1 : read);
    for (const el of left) {
      // An element with data-full shows the whole length (约 N 分钟) until the learner is into the lesson.
      const s = n <= 0 ? (el.dataset.end ?? '') : n >= minutes && el.dataset.full ? el.dataset.full : (el.dataset.left ?? '').replace('{n}', String(n));
      if (el.textContent !== s) el.textContent = s;
      el.hidden = false;
    }
  };
  const queue = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(update);
  };
  window.addEventListener('scroll', queue, { passive: true });
  window.addEventListener('resize', queue, { passive: true });
  queue();
}

function sectionMarks() {
  const lessonId = article?.dataset.lessonId;
  const tools = [...document.querySelectorAll<HTMLElement>('.sec-tools[data-section]')];
  if (!article || !lessonId || !tools.length) return;
  const store = getProgressStore();
  if (!store.status().saved) return; // storage blocked or written by a newer site: no buttons
  const tocLink = (anchor: string) => document.querySelector<HTMLAnchorElement>(`nav.toc a[href="#${CSS.escape(anchor)}"]`);
  const render = (d: ProgressData) => {
    for (const el of tools) {
      const anchor = el.dataset.section!;
      const m = getMark(d, lessonId, anchor);
      el.querySelector('[data-bookmark]')?.setAttribute('aria-pressed', String(m.bookmark));
      const icon = el.querySelector('.sec-icon');
      if (icon) icon.textContent = m.bookmark ? '★' : '☆';
      el.querySelector('[data-note-toggle]')?.toggleAttribute('data-has-note', !!m.note.trim());
      tocLink(anchor)?.toggleAttribute('data-bookmarked', m.bookmark);
      const area = document.getElementById(`note-${anchor}-text`) as HTMLTextAreaElement | null;
      if (area && document.activeElement !== area && area.value !== m.note) area.value = m.note;
    }
  };
  for (const el of tools) {
    const anchor = el.dataset.section!;
    const panel = document.getElementById(`note-${anchor}`);
    const area = panel?.querySelector('textarea');
    const status = panel?.querySelector('[role="status"]');
    el.querySelector('[data-bookmark]')?.addEventListener('click', () => {
      store.update((d) => recordMark(d, lessonId, anchor, { bookmark: !getMark(d, lessonId, anchor).bookmark }, Date.now()));
    });
    const toggle = el.querySelector<HTMLButtonElement>('[data-note-toggle]');
    toggle?.addEventListener('click', () => {
      if (!panel) return;
      panel.hidden = !panel.hidden;
      toggle.setAttribute('aria-expanded', String(!panel.hidden));
      if (!panel.hidden) area?.focus();
    });
    let timer = 0;
    area?.addEventListener('input', () => {
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        const ok = store.update((d) => recordMark(d, lessonId, anchor, { note: area.value }, Date.now()));
        if (status) status.textContent = ok ? (article.dataset.saved ?? '') : (article.dataset.unsaved ?? '');
      }, 400);
    });
    area?.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && panel && toggle) {
        panel.hidden = true;
        toggle.setAttribute('aria-expanded', 'false');
        toggle.focus();
      }
    });
    el.setAttribute('data-ready', '');
  }
  render(store.get());
  store.subscribe((d) => render(d));
}

try {
  fromSearch();
  readingAids();
  sectionMarks();
} catch {
  /* reading aids are extras: the page stays as served */
}
