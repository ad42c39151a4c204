/**
 * The search page (/search/?q=…&type=…): loads the index at once, searches as you type,
 * filters by type, keeps the query and filter in the URL (typing and filters replace the
 * history entry, submitting adds one; back/forward restore the state).
 * Results: <ol id="search-results">, one <li> per result in rank order, its first link to the
 * result's page (section). ↓ from the box moves into the results, ↑/↓ move between them.
 * Paging (issue 17): the first FIRST results, then MORE per 显示更多结果. Each page costs the
 * fragment files of its results (snippets) and the layout of its items, so the first answer fetches
 * and draws 10 results, not 50 (1,000 lessons: 310 → under 200 KB; fewer long tasks on a phone).
 * The engine returns the same top results for any limit (tests/unit/search-engine.test.ts), so a
 * longer list only appends. After 显示更多结果 focus moves to the first added result and the
 * status line says how many were added.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { SearchStrings } from './searchStrings';
import { href } from '../lib/paths';
import { isComposingKey } from '../lib/search/keys';
import { format as fill } from '../i18n/format';
import { DOC_TYPES, type DocType } from '../lib/search/types';
import { bindSearchShortcut } from '../client/search-shortcut';
import { useSearch, useSearchClient } from './useSearch';
import { useComposition } from './useComposition';
import { landingUrl } from '../lib/search-landing';
import './search.css';

/** Results on the first page and added per 显示更多结果 (scripts/lib/search-measure.ts PAGE_LIMIT = FIRST). */
const FIRST = 10;
const MORE = 20;

function readUrl(): { q: string; type: DocType | '' } {
  const p = new URLSearchParams(window.location.search);
  const type = p.get('type') ?? '';
  return { q: (p.get('q') ?? '').slice(0, 10_000), type: (DOC_TYPES as readonly string[]).includes(type) ? (type as DocType) : '' };
}

function urlFor(q: string, type: string): string {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  if (type) p.set('type', type);
  const qs = p.toString();
  return `${window.location.pathname}${qs ? `?${qs}` : ''}`;
}

export default function SearchPage({ s }: { s: SearchStrings }) {
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const { client: engine, status, load } = useSearchClient();
  const [query, setQuery] = useState('');
  const [type, setType] = useState<DocType | ''>('');
  const [limit, setLimit] = useState(FIRST);
  /** Results added by the last 显示更多结果 (0: none since the query or filter changed). */
  const [added, setAdded] = useState(0);
  /** Index of the first result a pending 显示更多结果 adds (focus goes there once it is drawn). */
  const focusAt = useRef<number | null>(null);
  const firstPage = () => {
    setLimit(FIRST);
    setAdded(0);
    focusAt.current = null;
  };

  useEffect(() => {
    const fromUrl = () => {
      const state = readUrl();
      if (input.current) input.current.value = state.q;
      setQuery(state.q);
      setType(state.type);
      firstPage();
    };
    fromUrl();
    load();
    window.addEventListener('popstate', fromUrl);
    // "/" or Ctrl/⌘+K focuses this page's box (data-search-primary; the header box yields to it).
    const unbind = bindSearchShortcut(() => input.current);
    return () => {
      window.removeEventListener('popstate', fromUrl);
      unbind();
    };
  }, []);

  const outcome = useSearch(engine, query, limit, type);
  const counts = outcome && !outcome.empty ? outcome.counts : undefined;
  const countAll = counts ? DOC_TYPES.reduce((sum, ty) => sum + counts[ty], 0) : 0;

  const commit = (value: string, push: boolean) => {
    setQuery(value);
    firstPage();
    const url = urlFor(value.trim() ? value : '', type);
    if (url !== window.location.pathname + window.location.search) {
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
  };

  const composing = useComposition(input, (value) => commit(value, false));

  const onInput = (e: JSX.TargetedEvent<HTMLInputElement, Event>) => {
    if (composing.current || (e as unknown as InputEvent).isComposing) return;
    commit(e.currentTarget.value, false);
  };

  const links = () => [...(list.current?.querySelectorAll<HTMLAnchorElement>(':scope > li > h3 > a') ?? [])];

  const onInputKey = (e: JSX.TargetedKeyboardEvent<HTMLInputElement>) => {
    if (isComposingKey(e)) return;
    if (e.key === 'ArrowDown') {
      const first = links()[0];
      if (first) {
        e.preventDefault();
        first.focus();
      }
    } else if (e.key === 'Escape' && e.currentTarget.value) {
      e.preventDefault();
      e.currentTarget.value = '';
      commit('', false);
    }
  };

  const onListKey = (e: JSX.TargetedKeyboardEvent<HTMLOListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Escape') return;
    const items = links();
    const i = items.indexOf(document.activeElement as HTMLAnchorElement);
    if (i < 0) return;
    e.preventDefault();
    if (e.key === 'Escape') input.current?.focus();
    else if (e.key === 'ArrowDown') items[Math.min(items.length - 1, i + 1)]?.focus();
    else if (i === 0) input.current?.focus();
    else items[i - 1]?.focus();
  };

  const chooseType = (next: DocType | '') => {
    setType(next);
    firstPage();
    history.replaceState(null, '', urlFor(query.trim() ? query : '', next));
  };

  const results = (outcome?.results ?? []).map((r) => ({ ...r, url: landingUrl(r.url, query, r.type) }));
  const total = outcome?.total ?? 0;

  // The added results are drawn: focus the first of them (the button may be gone) and say how many.
  useEffect(() => {
    const at = focusAt.current;
    if (at === null || results.length <= at) return;
    focusAt.current = null;
    setAdded(results.length - at);
    links()[at]?.focus();
  }, [outcome]);

  const more = () => {
    // One request at a time: a second click before the added results arrive does nothing.
    if (focusAt.current !== null) return;
    focusAt.current = results.length;
    setLimit(results.length + MORE);
  };
  let message = '';
  /** No query yet: the example keywords, as links. */
  let start = false;
  if ((status === 'loading' || status === 'idle') && query.trim()) message = s['search.loading'];
  else if (status === 'error') message = s['search.loadError'];
  else if (status === 'timeout') message = s['search.timeout'];
  else if (!query.trim() || outcome?.empty) start = true;
  // Ready, the first answer is on its way (its shards are loading): say nothing yet, not "none found".
  else if (!outcome) message = '';
  else if (!total && type && countAll > 0) message = fill(s['search.noneInType'], { type: s[`search.type.${type}`], q: query.trim(), n: countAll });
  else if (!total) message = fill(s['search.none'], { q: query.trim() });
  else if (added > 0) message = fill(s['searchPaging.added'], { added, shown: results.length, n: total });
  else message = total > results.length ? fill(s['search.countShown'], { n: total, shown: results.length }) : fill(s['search.count'], { n: total });

  return (
    <div class="xs-page">
      <form
        class="xs-page-form"
        role="search"
        aria-label={s['search.title']}
        action={href('/search/')}
        method="get"
        onSubmit={(e) => {
          e.preventDefault();
          commit(input.current?.value ?? '', true);
        }}
      >
        <label for="search-page-q">{s['search.label']}</label>
        <div class="xs-page-row">
          <input
            ref={input}
            id="search-page-q"
            name="q"
            type="search"
            placeholder={s['search.placeholder']}
            autocomplete="off"
            enterkeyhint="search"
            data-search-primary
            onInput={onInput}
            onKeyDown={onInputKey}
          />
          <button type="submit" class="xs-submit">
            {s['search.submit']}
          </button>
        </div>
        <fieldset class="xs-filters">
          <legend>{s['search.filter']}</legend>
          {(['', ...DOC_TYPES] as const).map((ty) => (
            <label class="xs-filter">
              <input type="radio" name="type" value={ty} checked={type === ty} onChange={() => chooseType(ty)} />
              <span>
                {ty ? s[`search.type.${ty}`] : s['search.all']}
                {counts && countAll > 0 ? ` (${ty ? counts[ty] : countAll})` : ''}
              </span>
            </label>
          ))}
        </fieldset>
      </form>

      <p class="xs-page-msg" role="status">
        {!start ? (
          message
        ) : (
          <>
            {s['reference.startLead']}
            {s['reference.examples'].split('、').map((word, i) => (
              <>
                {i > 0 && '、'}
                <a
                  href={`${href('/search/')}?q=${encodeURIComponent(word)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    if (input.current) input.current.value = word;
                    commit(word, true);
                    input.current?.focus();
                  }}
                >
                  {word}
                </a>
              </>
            ))}
            。
          </>
        )}
      </p>
      {(status === 'error' || status === 'timeout') && (
        <button type="button" class="xs-submit" onClick={load}>
          {s['search.retry']}
        </button>
      )}
      {outcome?.partial && results.length > 0 && <p class="xs-note">{s['search.partial']}</p>}
      {status === 'ready' && query.trim() && outcome && !outcome.empty && countAll === 0 && (
        <div class="xs-none">
          <p>{s['search.suggest']}</p>
          <ul>
            <li>
              <a href={href('/glossary/')}>{s['nav.glossary']}</a>
            </li>
            <li>
              <a href={href('/cases/')}>{s['nav.cases']}</a>
            </li>
            <li>
              <a href={href('/')}>{s['nav.outline']}</a>
            </li>
          </ul>
        </div>
      )}

      <h2 id="search-results-title" class="visually-hidden">{s['search.results']}</h2>
      <ol id="search-results" class="xs-results" ref={list} onKeyDown={onListKey}>
        {results.map((r) => (
          <li class="xs-result">
            <h3 class="xs-result-title">
              <a href={r.url}>{r.title}</a>
            </h3>
            <p class="xs-result-meta">
              <span class={`xs-type xs-type-${r.type}`}>{s[`search.type.${r.type}`]}</span>
              <span>{r.module}</span>
            </p>
            <p class="xs-snippet" dangerouslySetInnerHTML={{ __html: r.snippet }} />
          </li>
        ))}
      </ol>
      {total > results.length && (
        <button type="button" class="xs-submit xs-more" onClick={more}>
          {s['search.more']}
        </button>
      )}
    </div>
  );
}
