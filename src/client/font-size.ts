/** The header's font-size button (BaseLayout, pages with a header): see theme-init.ts for how it applies before first paint. */
import { FONT_STEPS, fontKey } from './theme-init';

/** The header's font-size button: three steps (standard, large, larger), remembered per deployment. */
const FONT_KEY = fontKey(import.meta.env.BASE_URL);
for (const btn of document.querySelectorAll<HTMLButtonElement>('[data-font-toggle]')) {
  const names = (btn.dataset.sizes ?? '').split('|');
  const root = document.documentElement;
  const step = () => Math.max(0, FONT_STEPS.indexOf((root.dataset.font ?? '0') as '0'));
  const sync = () => {
    const name = names[step()] ?? '';
    btn.setAttribute('aria-label', (btn.dataset.label ?? '').replace('{size}', name));
    btn.dataset.step = String(step());
  };
  sync();
  btn.addEventListener('click', () => {
    const next = FONT_STEPS[(step() + 1) % FONT_STEPS.length]!;
    if (next === '0') delete root.dataset.font;
    else root.dataset.font = next;
    try {
      localStorage.setItem(FONT_KEY, next);
    } catch {
      /* storage unavailable: the size lasts for this page only */
    }
    sync();
  });
}
