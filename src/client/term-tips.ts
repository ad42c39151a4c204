/**
 * Glossary term tooltips (<Term>): Escape dismisses the one under focus (WCAG 1.4.13).
 * On a touch screen a tap on a term opens its definition in place (a panel at the foot of the screen)
 * instead of jumping to the glossary, with a link onward; a second tap, a tap elsewhere or Escape
 * closes it. Mouse and keyboard keep the plain link (hover/focus show the tooltip).
 */
let lastPointer = '';
document.addEventListener('pointerdown', (e) => (lastPointer = e.pointerType), { capture: true });
document.addEventListener('keydown', () => (lastPointer = ''), { capture: true });

const close = (term: Element) => {
  term.classList.remove('tip-open');
  term.classList.add('tip-dismissed');
  term.querySelector('.term-tip')?.setAttribute('role', 'tooltip');
};

document.addEventListener('click', (e) => {
  const target = e.target as Element | null;
  const link = target?.closest<HTMLAnchorElement>('.term > a');
  for (const open of document.querySelectorAll('.term.tip-open')) {
    if (!open.contains(target)) close(open);
  }
  if (!link || lastPointer !== 'touch') return;
  const term = link.parentElement!;
  e.preventDefault();
  if (term.classList.contains('tip-open')) {
    close(term);
    return;
  }
  const tip = term.querySelector<HTMLElement>('.term-tip');
  if (!tip) return;
  if (!tip.querySelector('.term-more')) {
    const more = document.createElement('a');
    more.className = 'term-more';
    more.href = link.href;
    more.textContent = term.getAttribute('data-more') ?? link.href;
    tip.append(more);
  }
  // Not a tooltip while open: it holds a link and stays until closed.
  tip.setAttribute('role', 'note');
  term.classList.remove('tip-dismissed');
  term.classList.add('tip-open');
});

document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape') return;
  for (const open of document.querySelectorAll('.term.tip-open')) close(open);
  const active = document.activeElement?.closest('.term');
  if (active) active.classList.add('tip-dismissed');
});
document.addEventListener('focusin', (e) => {
  for (const el of document.querySelectorAll('.term.tip-dismissed')) {
    if (!el.contains(e.target as Node)) el.classList.remove('tip-dismissed');
  }
});
export {};
