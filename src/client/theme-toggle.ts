/** The header's theme toggle (BaseLayout): switches and remembers light/dark, or follows the system. */
import { themeKey } from './theme-init';

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

