/**
 * Registers the course's service worker (sw.js at the site's base: src/client/offline/service-worker.ts,
 * bundled after the build by scripts/lib/service-worker.mjs) and shows the quiet 有新版本 notice when a
 * new version has been downloaded in the background and is waiting.
 *
 * The new version takes over only when the learner presses 刷新 in the notice: the page then asks the
 * waiting worker to activate (Workbox's SKIP_WAITING message) and reloads once it controls the page.
 * Nothing reloads by itself, in the middle of a quiz or anywhere else; 稍后 hides the notice until the
 * next page. Hand-written rather than workbox-window (about 3 KB more) because the site needs only this.
 *
 * Loaded on every page by src/components/OfflineSupport.astro as its own small module (weighed in its
 * own row of the JS budget, scripts/lib/js-budget.mjs); it does nothing until the page has loaded and
 * the browser is idle, so registering and the background download never compete with the page.
 * (Not a dynamic import: that would add Vite's preload helper, twice this file, to every page.)
 */
function registerOffline(base: string): void {
  const sw = navigator.serviceWorker;
  let reloadAsked = false;
  const reloadOnce = () => {
    if (!reloadAsked) return;
    reloadAsked = false;
    location.reload();
  };
  // Another tab's 刷新 may activate the new version too: this page reloads only if its learner asked.
  sw.addEventListener('controllerchange', reloadOnce);

  const show = (waiting: ServiceWorker) => {
    const region = document.querySelector<HTMLElement>('[data-sw-update]');
    const tpl = document.querySelector<HTMLTemplateElement>('[data-sw-update-template]');
    if (!region || !tpl || region.firstElementChild) return;
    region.append(tpl.content.cloneNode(true));
    region.querySelector('[data-sw-reload]')?.addEventListener('click', () => {
      reloadAsked = true;
      if (waiting.state === 'activated') return reloadOnce();
      waiting.addEventListener('statechange', () => waiting.state === 'activated' && reloadOnce());
      waiting.postMessage({ type: 'SKIP_WAITING' });
    });
    region.querySelector('[data-sw-later]')?.addEventListener('click', () => region.replaceChildren());
  };

  sw.register(`${base}sw.js`, { scope: base })
    .then((reg) => {
      // A first install (no controller yet) is not an update: nothing to announce.
      const check = () => reg.waiting && sw.controller && show(reg.waiting);
      check();
      reg.addEventListener('updatefound', () => {
        const next = reg.installing;
        next?.addEventListener('statechange', () => next.state === 'installed' && check());
      });
    })
    // No service worker (private mode, blocked by policy): the site works online as before.
    .catch(() => undefined);
}

if ('serviceWorker' in navigator) {
  const start = () => registerOffline(import.meta.env.BASE_URL);
  const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(start, { timeout: 10_000 }) : setTimeout(start, 3000));
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle, { once: true });
}
