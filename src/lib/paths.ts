/**
 * Every internal link and asset goes through here so the site works under a sub-path
 * (Astro `base`, e.g. "/course/"). Pure: the base is passed in by `href` below.
 */
export function joinBase(base: string, path: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path; // external, relative or protocol-relative
  const b = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${b}${path}`;
}

/** Site-internal URL for an absolute path such as "/learn/understanding/concept/". */
export function href(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** Removes the base from a pathname (for comparing the current page with a route). */
export function stripBase(base: string, pathname: string): string {
  const b = base.endsWith('/') ? base.slice(0, -1) : base;
  return b && pathname.startsWith(b + '/') ? pathname.slice(b.length) : pathname;
}

/** URL of a lesson page from its id ("<module>/<slug>"). */
export const lessonPath = (lessonId: string): string => `/learn/${lessonId}/`;
/** URL of a module page. */
export const modulePath = (moduleId: string): string => `/learn/${moduleId}/`;
/** URL of a glossary entry. */
export const termPath = (termId: string): string => `/glossary/#term-${termId}`;

/**
 * Name of a browser-storage key or BroadcastChannel for the deployment at `base`. Scoped by the
 * base so two deployments on one origin (user.github.io/a/ and /b/, staging and production) never
 * read or overwrite each other's progress, theme or classroom sync. E.g. "xtzd:/course/:progress".
 */
export function scopedName(base: string, name: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `xtzd:${b.startsWith('/') ? b : `/${b}`}:${name}`;
}

/** The origin-wide name every deployment used before names were scoped (read once, to migrate). */
export const legacyName = (name: string): string => `xtzd-${name}`;

/**
 * Pages kept out of search engines and the sitemap: slide decks, presenter views and answer keys.
 * The one list: BaseLayout marks these pages noindex and the sitemap filter leaves them out.
 */
export const isNoindexPath = (pathname: string): boolean => /\/(present|presenter)\/$|\/teach\/[^/]+\/answer-key\/$/.test(pathname);
