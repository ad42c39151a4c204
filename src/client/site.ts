/**
 * Site chrome behaviour shared by every page (kept tiny): the remembered theme toggle,
 * the mobile course menu, and Escape to dismiss glossary tooltips.
 */
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

// Mobile course menu: a disclosure button controlling the outline panel.
const menuButton = document.querySelector<HTMLButtonElement>('[data-menu-toggle]');
const menu = menuButton ? document.getElementById(menuButton.getAttribute('aria-controls') ?? '') : null;
if (menuButton && menu) {
  const setOpen = (open: boolean) => {
    menuButton.setAttribute('aria-expanded', String(open));
    menu.toggleAttribute('data-open', open);
    if (open) (menu.querySelector<HTMLElement>('a[aria-current="page"]') ?? menu.querySelector<HTMLElement>('a'))?.focus();
  };
  menuButton.addEventListener('click', () => setOpen(menuButton.getAttribute('aria-expanded') !== 'true'));
  menu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && menuButton.getAttribute('aria-expanded') === 'true') {
      setOpen(false);
      menuButton.focus();
    }
  });
}

// WCAG 1.4.13: content shown on hover/focus must be dismissible without moving focus.
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
