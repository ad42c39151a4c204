/**
 * /glossary/ filter box: shows only the entries whose term, aliases or definition contain the typed
 * text, or whose pinyin or initials start with it (keys computed at build time, data-pinyin).
 * Letter groups with no match are hidden; the count is announced. Without JavaScript the box stays
 * hidden and the page lists every term.
 */
import { filterMatches } from '../lib/glossary-filter';

const box = document.querySelector<HTMLElement>('[data-glossary-filter]');
const input = box?.querySelector<HTMLInputElement>('input');
const status = box?.querySelector<HTMLElement>('[role="status"]');
if (box && input && status) {
  const entries = [...document.querySelectorAll<HTMLElement>('.entry[data-pinyin]')].map((el) => ({
    el,
    text: [...el.querySelectorAll('dt, dd > p:not(.used-in)')].map((x) => x.textContent ?? '').join(' ').replace(/\s+/g, ''),
    pinyin: el.dataset.pinyin ?? '',
  }));
  const groups = [...document.querySelectorAll<HTMLElement>('[data-letter-group]')];
  const letters = [...document.querySelectorAll<HTMLElement>('[data-letter-link]')];
  const apply = () => {
    const q = input.value;
    let n = 0;
    for (const e of entries) {
      const show = filterMatches(q, e);
      e.el.hidden = !show;
      if (show) n++;
    }
    const empty = new Set<string>();
    for (const g of groups) {
      g.hidden = !g.querySelector('.entry:not([hidden])');
      if (g.hidden) empty.add(g.dataset.letterGroup ?? '');
    }
    for (const a of letters) a.closest('li')!.hidden = empty.has(a.dataset.letterLink ?? '');
    status.textContent = q.trim() ? (n ? (status.dataset.shown ?? '').replace('{n}', String(n)) : (status.dataset.none ?? '')) : '';
  };
  input.addEventListener('input', apply);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && input.value) {
      input.value = '';
      apply();
    }
  });
  box.hidden = false;
  if (input.value) apply();
}
