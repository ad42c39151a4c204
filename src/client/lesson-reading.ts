/**
 * Reading aids on a lesson page (plain DOM, no framework; any failure leaves the page as it was):
 *  - arriving from search (`?hl=<query>`, `&in=quiz` for a question): scrolls to the first match at or
 *    after the linked section (#anchor), or to the question, and highlights it with the CSS Custom
 *    Highlight API (no DOM change, so the quiz island can still hydrate over the same text; CSP-safe);
 *  - 本课目录: marks the section being read (aria-current="location");
 *  - time left in the lesson (from its minutes and how far the learner has read).
 */
import { currentSection, findMatch, minutesLeft } from '../lib/reading';

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
      const s = n > 0 ? (el.dataset.left ?? '').replace('{n}', String(n)) : (el.dataset.end ?? '');
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

try {
  fromSearch();
  readingAids();
} catch {
  /* reading aids are extras: the page stays as served */
}
