/**
 * The UI strings the search islands need, read from src/i18n on the server and passed to the
 * islands as props (so the whole string table is not shipped in the search JavaScript).
 */
import { t } from '../i18n';

const KEYS = [
  'search.label',
  'search.placeholder',
  'search.submit',
  'search.shortcut',
  'search.loading',
  'search.loadError',
  'search.timeout',
  'search.retry',
  'search.count',
  'search.countShown',
  'search.more',
  'search.partial',
  'search.none',
  'search.noneInType',
  'search.suggest',
  'search.start',
  'search.seeAll',
  'search.filter',
  'search.all',
  'search.type.lesson',
  'search.type.case',
  'search.type.term',
  'search.type.quiz',
  'search.results',
  'nav.glossary',
  'nav.cases',
  'nav.outline',
  'reference.startLead',
  'search.title',
  'reference.examples',
  'searchPaging.added',
] as const;

export type SearchStrings = Record<(typeof KEYS)[number], string>;

/** Only the box's strings (it is on every page: keep its props small). */
const BOX_KEYS = ['reference.searchTry', 'search.label', 'search.placeholder', 'search.shortcut', 'search.loading', 'search.loadError', 'search.timeout', 'search.count', 'search.none', 'search.seeAll', 'search.results', 'search.type.lesson', 'search.type.case', 'search.type.term', 'search.type.quiz'] as const;
export type SearchBoxStrings = Record<(typeof BOX_KEYS)[number], string>;

export const searchStrings = (): SearchStrings => Object.fromEntries(KEYS.map((k) => [k, t(k, {})])) as SearchStrings;
export const searchBoxStrings = (): SearchBoxStrings => Object.fromEntries(BOX_KEYS.map((k) => [k, t(k, {})])) as SearchBoxStrings;
