/**
 * Glossary term tooltips (<Term>): Escape dismisses the one under focus (WCAG 1.4.13).
 * On a touch screen a tap on a term opens its definition in place (a panel at the foot of the screen)
 * instead of jumping to the glossary, with a link onward; a second tap, a tap elsewhere or Escape
 * closes it. Mouse and keyboard keep the plain link (hover/focus show the tooltip).
 */
let touch = false;
const d = document;
const close = (term: Element) => {
  term.classList.replace('tip-open', 'tip-dismissed');
  term.lastElementChild!.setAttribute('role', 'tooltip');
};
const closeAll = (except?: Element | null) => d.querySelectorAll('.tip-open').forEach((t) => t !== except && close(t));

d.addEventListener('pointerdown', (e) => (touch = e.pointerType === 'touch'), true);
d.addEventListener('click', (e) => {
  const link = (e.target as Element).closest?.<HTMLAnchorElement>('.term > a');
  const term = link?.parentElement;
  closeAll(term);
  if (!link || !term || !touch) return;
  e.preventDefault();
  if (term.classList.contains('tip-open')) return close(term);
  const tip = term.lastElementChild!;
  if (!tip.querySelector('a')) tip.insertAdjacentHTML('beforeend', '<a class="term-more"></a>');
  const more = tip.querySelector('a')!;
  more.href = link.href;
  more.textContent = term.getAttribute('data-more');
  // Not a tooltip while open: it holds a link and stays until closed.
  tip.setAttribute('role', 'note');
  term.classList.remove('tip-dismissed');
  term.classList.add('tip-open');
});
d.addEventListener('keydown', (e) => {
  touch = false;
  if (e.key !== 'Escape') return;
  closeAll();
  d.activeElement?.closest('.term')?.classList.add('tip-dismissed');
});
d.addEventListener('focusin', (e) => {
  for (const el of d.querySelectorAll('.term.tip-dismissed')) {
    if (!el.contains(e.target as Node)) el.classList.remove('tip-dismissed');
  }
});
export {};
