/** Keyboard rules of the search box (pure, unit-tested). */

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  isComposing?: boolean;
  keyCode?: number;
}

export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
}

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'datetime-local', 'month', 'time', 'week']);

/** True when the key goes to a field the user is typing in (input, textarea, select, contenteditable). */
export function isTypingTarget(t: TargetLike | null | undefined): boolean {
  if (!t) return false;
  if (t.isContentEditable) return true;
  const tag = (t.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has((t.type ?? '').toLowerCase());
  return false;
}

/** True while an input method is composing (the key belongs to the IME, not to us). */
export const isComposingKey = (e: KeyLike): boolean => e.isComposing === true || e.keyCode === 229;

/** The global "focus search" shortcut: "/" or Ctrl/⌘+K, never while typing in a field or composing. */
export function isSearchShortcut(e: KeyLike, target: TargetLike | null | undefined): boolean {
  if (isComposingKey(e) || isTypingTarget(target)) return false;
  if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey) return true;
  return (e.key === 'k' || e.key === 'K') && Boolean(e.ctrlKey || e.metaKey) && !e.altKey;
}

/** Next active option index for ArrowDown/ArrowUp/Home/End in a list of `n` (-1 = none). */
export function moveActive(key: string, current: number, n: number): number {
  if (n <= 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return current + 1 >= n ? 0 : current + 1;
    case 'ArrowUp':
      return current <= 0 ? n - 1 : current - 1;
    case 'Home':
      return 0;
    case 'End':
      return n - 1;
    default:
      return current;
  }
}

