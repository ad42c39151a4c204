/** Glossary term tooltips (<Term>): Escape dismisses the one under focus (WCAG 1.4.13). */
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape') return;
  const active = document.activeElement?.closest('.term');
  if (active) active.classList.add('tip-dismissed');
});
document.addEventListener('focusin', (e) => {
  for (const el of document.querySelectorAll('.term.tip-dismissed')) {
    if (!el.contains(e.target as Node)) el.classList.remove('tip-dismissed');
  }
});
export {};
