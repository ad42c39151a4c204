/**
 * `client:intent`: hydrate an island only when the learner shows intent to use it — focus or a
 * pointer press inside it, or the global search shortcut ("/" or Ctrl/⌘+K, not while typing in a
 * field). Until then the page carries none of the island's code. Used by the header search box,
 * which is server-rendered as a working GET form.
 */
import type { ClientDirective } from 'astro';
import { bindSearchShortcut } from '../client/search-shortcut';

const intent: ClientDirective = (load, _options, el) => {
  let started = false;
  const start = async () => {
    if (started) return;
    started = true;
    el.removeEventListener('focusin', start);
    el.removeEventListener('pointerdown', start);
    const hydrate = await load();
    await hydrate();
  };
  // The page's one shortcut listener, kept after hydration (the island hydrates the same <input>).
  // Focusing the server-rendered field starts hydration (focusin); the island then sees focus.
  bindSearchShortcut(() => el.querySelector<HTMLInputElement>('input'));
  el.addEventListener('focusin', start);
  el.addEventListener('pointerdown', start);
  // Focus may already be inside (e.g. the learner tabbed in before this ran).
  if (el.contains(document.activeElement)) void start();
};

export default intent;
