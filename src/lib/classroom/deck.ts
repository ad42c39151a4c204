/**
 * Deck navigation logic (pure): keys → actions, slide numbers in the URL, swipes.
 * Slide numbers are 1-based everywhere a person can see them (counter, ?slide=).
 */

export type DeckAction = 'next' | 'prev' | 'first' | 'last' | 'fullscreen' | 'exit-fullscreen' | 'presenter';

/**
 * The action for a key press, or null. `target` is the focused element's tag name and role:
 * keys that a focused control uses itself (Space/Enter on a button, arrows in a field) are left alone.
 */
export function keyAction(key: string, target: { tag?: string; editable?: boolean } = {}, mods: { ctrl?: boolean; alt?: boolean; meta?: boolean } = {}): DeckAction | null {
  if (mods.ctrl || mods.alt || mods.meta) return null;
  const tag = (target.tag ?? '').toLowerCase();
  const field = target.editable || tag === 'input' || tag === 'textarea' || tag === 'select';
  if (field) return key === 'Escape' ? 'exit-fullscreen' : null;
  const control = tag === 'button' || tag === 'a' || tag === 'summary';
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
      return 'next';
    case ' ':
    case 'Spacebar':
      return control ? null : 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'prev';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'f':
    case 'F':
      return 'fullscreen';
    case 'Escape':
      return 'exit-fullscreen';
    case 'p':
    case 'P':
      return 'presenter';
    default:
      return null;
  }
}

/** Keeps a 1-based slide number inside 1…count. */
export function clampSlide(n: number, count: number): number {
  if (count < 1) return 1;
  if (!Number.isFinite(n)) return 1;
  return Math.min(count, Math.max(1, Math.trunc(n)));
}

/** The slide after an action. */
export function applyAction(current: number, action: DeckAction, count: number): number {
  switch (action) {
    case 'next':
      return clampSlide(current + 1, count);
    case 'prev':
      return clampSlide(current - 1, count);
    case 'first':
      return 1;
    case 'last':
      return clampSlide(count, count);
    default:
      return current;
  }
}

/** Reads ?slide=N from a query string; anything odd gives slide 1. */
export function slideFromSearch(search: string, count: number): number {
  const raw = new URLSearchParams(search).get('slide');
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return 1;
  return clampSlide(Number(raw), count);
}

/** The query string with ?slide=N set (other parameters kept). */
export function searchWithSlide(search: string, slide: number): string {
  const params = new URLSearchParams(search);
  params.set('slide', String(slide));
  return `?${params.toString()}`;
}

/** A horizontal swipe long enough and flatter than steep gives next (leftward) or prev (rightward). */
export function swipeAction(dx: number, dy: number, threshold = 50): 'next' | 'prev' | null {
  if (!Number.isFinite(dx) || !Number.isFinite(dy)) return null;
  if (Math.abs(dx) < threshold || Math.abs(dx) < Math.abs(dy) * 1.5) return null;
  return dx < 0 ? 'next' : 'prev';
}
