/** The lesson page's mobile course menu (LessonLayout): a disclosure button controlling the outline panel. */
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
export {};
