/**
 * The course outline beside a lesson (LessonLayout): on wide screens a sticky sidebar, on phones a
 * menu panel under the header, opened by the ☰ disclosure button (issue 16). Both show the current
 * lesson: the sidebar scrolls itself (never the page) so the current link is in view on load, and
 * the phone panel does the same each time it opens, then moves focus there.
 */
const menuButton = document.querySelector<HTMLButtonElement>('[data-menu-toggle]');
const menu = menuButton ? document.getElementById(menuButton.getAttribute('aria-controls') ?? '') : null;

/** Scrolls `panel` (only) so that `target` sits about a third of the way down it. */
function revealIn(panel: HTMLElement, target: HTMLElement | null) {
  if (!target || panel.scrollHeight <= panel.clientHeight) return;
  const offset = target.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop;
  panel.scrollTop = Math.max(0, offset - panel.clientHeight / 3);
}

if (menuButton && menu) {
  const current = () => menu.querySelector<HTMLElement>('a[aria-current="page"]');
  const header = document.querySelector<HTMLElement>('.site-header');
  const setOpen = (open: boolean) => {
    if (open && header) {
      // The panel starts where the header ends (it can wrap to more rows than --header-h says), so the toggle stays reachable.
      menu.style.setProperty('--menu-top', `${Math.max(0, Math.round(header.getBoundingClientRect().bottom))}px`);
    }
    menuButton.setAttribute('aria-expanded', String(open));
    menu.toggleAttribute('data-open', open);
    if (open) {
      revealIn(menu, current());
      (current() ?? menu.querySelector<HTMLElement>('a'))?.focus({ preventScroll: true });
    }
  };
  menuButton.addEventListener('click', () => setOpen(menuButton.getAttribute('aria-expanded') !== 'true'));
  menu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && menuButton.getAttribute('aria-expanded') === 'true') {
      setOpen(false);
      menuButton.focus();
    }
  });
  // Wide screens: the sidebar is visible from the start.
  if (menu.offsetParent !== null) revealIn(menu, current());
}
export {};
