/**
 * Audience window behaviour: one slide shown at a time, keyboard and touch navigation,
 * ?slide=N in the URL (replaceState, so a reload stays put and Back leaves the deck),
 * fullscreen, fit-to-screen type, and sync with the presenter window.
 */
import { applyAction, keyAction, searchWithSlide, slideFromSearch, swipeAction, type DeckAction } from '../../lib/classroom/deck';
import { gotoMessage } from '../../lib/classroom/sync';
import { scopedName } from '../../lib/paths';
import { connect } from './sync-client';

const deck = document.querySelector<HTMLElement>('[data-deck]');
if (deck) init(deck);

function init(deck: HTMLElement) {
  const slides = [...deck.querySelectorAll<HTMLElement>('[data-slide]')];
  const count = slides.length;
  const lessonId = deck.dataset.lessonId ?? '';
  const counter = deck.querySelector<HTMLElement>('[data-deck-current]');
  const prevBtn = deck.querySelector<HTMLButtonElement>('[data-deck-prev]');
  const nextBtn = deck.querySelector<HTMLButtonElement>('[data-deck-next]');
  const fsBtn = deck.querySelector<HTMLButtonElement>('[data-deck-fullscreen]');
  const presenterLink = deck.querySelector<HTMLAnchorElement>('[data-deck-presenter]');
  const announcer = deck.querySelector<HTMLElement>('[data-deck-announce]');
  let current = slideFromSearch(location.search, count);

  const link = connect(lessonId, (msg) => {
    if (msg.type === 'goto') show(msg.slide, false);
    else if (msg.type === 'hello') link.send(gotoMessage(current, link.id));
  });

  function fit(slide: HTMLElement) {
    if (!slide.hasAttribute('data-fit')) return;
    let scale = 1;
    slide.style.setProperty('--fit', '1');
    while (scale > 0.55 && slide.scrollHeight > slide.clientHeight + 2) {
      scale -= 0.05;
      slide.style.setProperty('--fit', scale.toFixed(2));
    }
  }

  function show(n: number, broadcast = true) {
    const next = Math.min(count, Math.max(1, n));
    const changed = next !== current;
    current = next;
    slides.forEach((s, i) => {
      s.hidden = i !== current - 1;
    });
    fit(slides[current - 1]!);
    if (counter) counter.textContent = String(current);
    // Screen readers hear which slide is showing (not on first load: the page title says it).
    if (announcer && changed) announcer.textContent = slides[current - 1]!.getAttribute('aria-label') ?? '';
    if (prevBtn) prevBtn.disabled = current === 1;
    if (nextBtn) nextBtn.disabled = current === count;
    const search = searchWithSlide(location.search, current);
    if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    if (broadcast && changed) link.send(gotoMessage(current, link.id));
  }

  function act(action: DeckAction) {
    switch (action) {
      case 'fullscreen':
        toggleFullscreen();
        return;
      case 'exit-fullscreen':
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
        return;
      case 'presenter':
        openPresenter();
        return;
      default:
        show(applyAction(current, action, count));
    }
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    else void document.documentElement.requestFullscreen?.().catch(() => {});
  }
  document.addEventListener('fullscreenchange', () => {
    fsBtn?.setAttribute('aria-pressed', String(Boolean(document.fullscreenElement)));
    fit(slides[current - 1]!);
  });

  function openPresenter(): boolean {
    if (!presenterLink) return false;
    const url = `${presenterLink.pathname}${searchWithSlide('', current)}`;
    const w = window.open(url, scopedName(import.meta.env.BASE_URL, `presenter:${lessonId}`), 'popup,width=1200,height=800');
    return Boolean(w);
  }

  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented) return;
    const target = e.target instanceof HTMLElement ? e.target : null;
    const action = keyAction(e.key, { tag: target?.tagName, editable: target?.isContentEditable }, { ctrl: e.ctrlKey, alt: e.altKey, meta: e.metaKey });
    if (!action) return;
    if (action === 'exit-fullscreen' && !document.fullscreenElement) return;
    e.preventDefault();
    act(action);
  });
  prevBtn?.addEventListener('click', () => act('prev'));
  nextBtn?.addEventListener('click', () => act('next'));
  fsBtn?.addEventListener('click', toggleFullscreen);
  presenterLink?.addEventListener('click', (e) => {
    if (openPresenter()) e.preventDefault();
  });

  // Touch swipe (tablets): horizontal swipes change slides; vertical ones scroll as usual.
  let touch: { x: number; y: number } | null = null;
  deck.addEventListener(
    'touchstart',
    (e) => {
      const p = e.changedTouches[0];
      touch = e.touches.length === 1 && p ? { x: p.clientX, y: p.clientY } : null;
    },
    { passive: true },
  );
  deck.addEventListener(
    'touchend',
    (e) => {
      const p = e.changedTouches[0];
      if (!touch || !p) return;
      const action = swipeAction(p.clientX - touch.x, p.clientY - touch.y);
      touch = null;
      if (action) act(action);
    },
    { passive: true },
  );

  // A live quiz grows when the answer is revealed (and shrinks when hidden): refit the slide shown,
  // so the question stays in view and nothing goes under the control bar (issue 16).
  if ('ResizeObserver' in window) {
    let frame = 0;
    const ro = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => fit(slides[current - 1]!));
    });
    for (const s of slides) if (s.hasAttribute('data-fit') && s.firstElementChild) ro.observe(s.firstElementChild);
  }

  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => fit(slides[current - 1]!), 100);
  });

  show(current, false);
  deck.dataset.ready = '';
  // Tell an open presenter window where the audience is (the URL is the truth after a reload).
  link.send(gotoMessage(current, link.id));
}
