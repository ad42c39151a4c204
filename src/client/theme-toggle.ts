/**
 * The header's theme toggle (BaseLayout): switches and remembers light/dark, or follows the system;
 * and the font-size button (three steps; applied before first paint by theme-init.ts). One file, so
 * every page fetches one small script.
 */
import { FONT_STEPS, fontKey, themeKey } from './theme-init';

const THEME_KEY = themeKey(import.meta.env.BASE_URL);
const root = document.documentElement;
// data-theme is always set before first paint (theme-init.ts); 'light' if that script was blocked.
const currentTheme = (): 'light' | 'dark' => (root.dataset.theme === 'dark' ? 'dark' : 'light');

for (const btn of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  const sync = () => btn.setAttribute('aria-pressed', String(currentTheme() === 'dark'));
  sync();
  btn.addEventListener('click', () => {
    const next = currentTheme() === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      /* storage unavailable: the choice lasts for this page only */
    }
    sync();
  });
  // No choice saved: follow the system when it switches between light and dark.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (e) => {
    let chosen: string | null = null;
    try {
      chosen = localStorage.getItem(THEME_KEY);
    } catch {
      /* storage unavailable */
    }
    if (chosen) return;
    root.dataset.theme = e.matches ? 'dark' : 'light';
    sync();
  });
}

/** The header's font-size button: three steps (standard, large, larger), remembered per deployment. */
const FONT_KEY = fontKey(import.meta.env.BASE_URL);
for (const btn of document.querySelectorAll<HTMLButtonElement>('[data-font-toggle]')) {
  const names = (btn.dataset.sizes ?? '').split('|');
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
