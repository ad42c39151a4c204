/**
 * Header search box (island, hydrated on intent: focus, pointer, or the search shortcut — client:intent). Server-rendered as a plain GET form to
 * /search/, so it works without JavaScript. With JavaScript:
 * - nothing is fetched until the box gets focus or the "/" / Ctrl+K (⌘K) shortcut is used;
 *   a query typed before the index arrives is answered when it arrives;
 * - while an input method is composing, the half-typed letters are not searched;
 * - an ARIA combobox: ↑/↓ move through the top results, Enter opens one (or the search page),
 *   Escape closes the list (a second Escape clears the box).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { SearchBoxStrings } from './searchStrings';
import { href } from '../lib/paths';
import { isComposingKey, moveActive } from '../lib/search/keys';
import { format as fill } from '../i18n/format';
import { useSearch, useSearchClient } from './useSearch';
import { useComposition } from './useComposition';
import { centreSnippet, landingUrl } from '../lib/search-landing';
import './search.css';

const TOP = 6;
/** Characters kept before the match in a snippet (two lines on a phone, the match near their middle). */
const SNIPPET_LEAD = 14;

export default function SearchBox({ s, id = 'site-search' }: { s: SearchBoxStrings; id?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const { client: engine, status, load: ensure } = useSearchClient();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = `${id}-list`;

  // Hydrated after the learner already focused or typed: catch up.
  useEffect(() => {
    const el = input.current;
    if (!el) return;
    if (document.activeElement === el) ensure();
    if (el.value) {
      setQuery(el.value);
      setOpen(true);
    }
  }, []);

  // The "/" and Ctrl/⌘+K shortcut is bound by the client:intent directive (src/directives/intent.ts).

  const outcome = useSearch(engine, query, TOP);
  const q = query.trim();
  const results = (outcome?.results ?? []).map((r) => ({ ...r, url: landingUrl(r.url, q, r.type), snippet: centreSnippet(r.snippet, SNIPPET_LEAD) }));
  const searchUrl = `${href('/search/')}?q=${encodeURIComponent(query.trim())}`;
  // Options: the top results, then "see all results".
  const options = results.length ? [...results.map((r) => r.url), searchUrl] : [];
  const expanded = open && query.trim() !== '';

  useEffect(() => setActive(-1), [query, engine]);

  const update = (value: string) => {
    setQuery(value);
    setOpen(true);
    ensure(); // after a failed or timed-out load, typing again retries
  };

  const composing = useComposition(input, update);

  const onInput = (e: JSX.TargetedEvent<HTMLInputElement, Event>) => {
    if (composing.current || (e as unknown as InputEvent).isComposing) return;
    update(e.currentTarget.value);
  };

  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLInputElement>) => {
    if (isComposingKey(e)) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!options.length) return;
      e.preventDefault();
      setOpen(true);
      setActive((a) => moveActive(e.key, a, options.length));
    } else if (e.key === 'Enter') {
      const url = expanded && active >= 0 ? options[active] : undefined;
      if (url) {
        e.preventDefault();
        window.location.assign(url);
      }
      // otherwise the form submits to the search page
    } else if (e.key === 'Escape') {
      if (expanded) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (e.currentTarget.value) {
        e.preventDefault();
        e.currentTarget.value = '';
        update('');
      }
    }
  };

  const none = expanded && status === 'ready' && !!outcome && !outcome.empty && !results.length;
  let message = '';
  if (expanded) {
    if (status === 'loading') message = s['search.loading'];
    else if (status === 'error') message = s['search.loadError'];
    else if (status === 'timeout') message = s['search.timeout'];
    else if (outcome && !outcome.empty && !results.length) message = fill(s['search.none'], { q: query.trim() });
    else if (outcome && results.length) message = fill(s['search.count'], { n: outcome.total });
  }

  return (
    <form class="xs-box" action={href('/search/')} method="get" role="search" onFocusOut={(e) => {
      const next = (e as FocusEvent).relatedTarget as Node | null;
      if (!next || !e.currentTarget.contains(next)) setOpen(false);
    }}>
      <label class="visually-hidden" for={id}>
        {s['search.label']}
      </label>
      <input
        ref={input}
        id={id}
        name="q"
        type="search"
        placeholder={s['search.placeholder']}
        autocomplete="off"
        enterkeyhint="search"
        title={s['search.shortcut']}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded && options.length > 0 ? 'true' : 'false'}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        onFocus={ensure}
        onInput={onInput}
        onKeyDown={onKeyDown}
      />
      <div class="xs-pop" hidden={!expanded}>
        <p class="xs-msg" role="status">
          {message}
          {none && <span class="xs-try">{s['reference.searchTry']}</span>}
        </p>
        <ul id={listId} role="listbox" aria-label={s['search.results']} class="xs-list" hidden={!options.length}>
          {results.map((r, i) => (
            <li
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              class="xs-opt"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => window.location.assign(r.url)}
            >
              <span class={`xs-type xs-type-${r.type}`}>{s[`search.type.${r.type}`]}</span>
              <span class="xs-opt-title">{r.title}</span>
              <span class="xs-opt-module">{r.module}</span>
              <span class="xs-snippet" dangerouslySetInnerHTML={{ __html: r.snippet }} />
            </li>
          ))}
          {results.length > 0 && (
            <li
              id={`${listId}-${results.length}`}
              role="option"
              aria-selected={active === results.length}
              class="xs-opt xs-all"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => window.location.assign(searchUrl)}
            >
              {s['search.seeAll']}
            </li>
          )}
        </ul>
      </div>
    </form>
  );
}
