/**
 * The global "focus search" shortcut ("/" or Ctrl/⌘+K, not while typing in a field), bound once
 * per page: by the client:intent directive for the header box (before and after it hydrates) and
 * by the search page for its own box.
 */
import { isSearchShortcut } from '../lib/search/keys';

export function bindSearchShortcut(input: () => HTMLInputElement | null | undefined): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (!isSearchShortcut(e, e.target as HTMLElement | null)) return;
    // A page with its own main search box (the search page) marks it data-search-primary: it wins.
    const el = document.querySelector<HTMLInputElement>('input[data-search-primary]') ?? input();
    if (!el) return;
    e.preventDefault();
    el.focus();
    el.select();
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
