/**
 * Presenter window: shows the current and next slide and the current slide's notes (copied
 * from inert templates), runs the talk timer, and follows / drives the audience window.
 */
import { applyAction, keyAction, searchWithSlide, slideFromSearch, type DeckAction } from '../../lib/classroom/deck';
import { activityMessage, gotoMessage, helloMessage, parseActivity } from '../../lib/classroom/sync';
import { elapsedMs, formatClock, newStopwatch, pauseStopwatch, resetStopwatch, resumeStopwatch } from '../../lib/classroom/timer';
import { connect } from './sync-client';
import { pick, readStrings } from '../../i18n/format';

const root = document.querySelector<HTMLElement>('[data-presenter]');
if (root) init(root);

function init(root: HTMLElement) {
  const count = Number(root.dataset.count) || 1;
  const strings = readStrings(root);
  const lessonId = root.dataset.lessonId ?? '';
  const pane = (name: string) => root.querySelector<HTMLElement>(`[data-pane="${name}"]`)!;
  const tpl = (kind: 'slide' | 'notes', n: number) => root.querySelector<HTMLTemplateElement>(`template[data-${kind}-tpl="${n}"]`);
  const counter = root.querySelector<HTMLElement>('[data-pv-current]');
  const endNote = root.querySelector<HTMLElement>('[data-pv-end]');
  const prevBtn = root.querySelector<HTMLButtonElement>('[data-deck-prev]');
  const nextBtn = root.querySelector<HTMLButtonElement>('[data-deck-next]');
  const audienceLink = root.querySelector<HTMLAnchorElement>('a[target="_blank"]');
  let current = slideFromSearch(location.search, count);

  /** Display order of each live quiz slide's options, as the audience window last reported it. */
  const orders = new Map<number, number[]>();
  /** The answer lines for that order (letters as the class sees them). */
  const answers = new Map<number, string[]>();
  const link = connect(lessonId, (msg) => {
    if (msg.type === 'goto') show(msg.slide, false);
    if (msg.type === 'activity') {
      const { order, answer } = parseActivity(msg.state);
      if (!order) return;
      orders.set(msg.slide, order);
      if (answer) answers.set(msg.slide, answer);
      if (msg.slide === current) {
        fillSlide(pane('current'), current);
        showShuffled();
      } else if (msg.slide === current + 1) fillSlide(pane('next'), current + 1);
    }
  });

  const fill = (target: HTMLElement, template: HTMLTemplateElement | null) => {
    target.replaceChildren(template ? template.content.cloneNode(true) : document.createTextNode(''));
  };
  /** A slide's copy, with a live quiz's options in the order the class sees and lettered to match. */
  const fillSlide = (target: HTMLElement, n: number) => {
    fill(target, n <= count ? tpl('slide', n) : null);
    const order = orders.get(n);
    const list = target.querySelector('ol.lq-options');
    if (!order || !list || list.children.length !== order.length) return;
    const items = [...list.children];
    // The letters stay with the positions: position k keeps the k-th letter the server wrote.
    const letters = items.map((li) => li.querySelector('.lq-letter')?.textContent ?? '');
    list.replaceChildren(
      ...order.map((opt, pos) => {
        const li = items[opt]!;
        const letter = li.querySelector('.lq-letter');
        if (letter) letter.textContent = letters[pos] ?? '';
        return li;
      }),
    );
  };
  const showShuffled = () => {
    const note = pane('notes').querySelector<HTMLElement>('[data-pv-shuffled]');
    if (note) note.hidden = !(orders.get(current) ?? []).some((v, i) => v !== i);
    const answer = answers.get(current);
    const lines = pane('notes').querySelector<HTMLElement>('[data-pv-answer]');
    if (answer && lines) lines.textContent = answer.join('；');
  };

  function show(n: number, broadcast = true) {
    const next = Math.min(count, Math.max(1, n));
    const changed = next !== current;
    current = next;
    fillSlide(pane('current'), current);
    fillSlide(pane('next'), current + 1);
    fill(pane('notes'), tpl('notes', current));
    for (const note of pane('notes').querySelectorAll<HTMLElement>('[data-teacher-note]')) note.hidden = false;
    showShuffled();
    if (endNote) endNote.hidden = current < count;
    if (counter) counter.textContent = String(current);
    if (prevBtn) prevBtn.disabled = current === 1;
    if (nextBtn) nextBtn.disabled = current === count;
    const search = searchWithSlide(location.search, current);
    if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}`);
    if (audienceLink) audienceLink.search = searchWithSlide('', current);
    if (broadcast && changed) link.send(gotoMessage(current, link.id));
  }

  function act(action: DeckAction) {
    if (action === 'fullscreen' || action === 'exit-fullscreen' || action === 'presenter') return;
    show(applyAction(current, action, count));
  }
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented) return;
    const target = e.target instanceof HTMLElement ? e.target : null;
    const action = keyAction(e.key, { tag: target?.tagName, editable: target?.isContentEditable }, { ctrl: e.ctrlKey, alt: e.altKey, meta: e.metaKey });
    if (!action || action === 'fullscreen' || action === 'exit-fullscreen' || action === 'presenter') return;
    e.preventDefault();
    act(action);
  });
  // Live quiz remote control: buttons in the notes pane of a quiz slide.
  pane('notes').addEventListener('click', (e) => {
    const btn = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-pv-reveal], [data-pv-countdown]') : null;
    if (!btn) return;
    const state = btn.dataset.pvReveal !== undefined ? { reveal: btn.dataset.pvReveal === 'true' } : { countdown: Number(btn.dataset.pvCountdown) };
    link.send(activityMessage(current, state, link.id));
  });
  prevBtn?.addEventListener('click', () => act('prev'));
  nextBtn?.addEventListener('click', () => act('next'));

  // Talk timer: starts when the presenter view opens; pause/resume and reset.
  const clock = root.querySelector<HTMLElement>('[data-pv-timer]');
  const pauseBtn = root.querySelector<HTMLButtonElement>('[data-pv-pause]');
  let watch = newStopwatch(Date.now());
  const tick = () => {
    if (clock) clock.textContent = formatClock(elapsedMs(watch, Date.now()) / 1000);
  };
  setInterval(tick, 500);
  pauseBtn?.addEventListener('click', () => {
    const running = watch.since !== null;
    watch = running ? pauseStopwatch(watch, Date.now()) : resumeStopwatch(watch, Date.now());
    pauseBtn.textContent = pick(strings, running ? 'classroom.resume' : 'classroom.pause');
    tick();
  });
  root.querySelector('[data-pv-reset]')?.addEventListener('click', () => {
    watch = resetStopwatch(watch, Date.now());
    tick();
  });

  show(current, false);
  root.dataset.ready = '';
  // Ask an open audience window for its slide.
  link.send(helloMessage(link.id, 'presenter'));
}
