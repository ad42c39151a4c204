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
  const url = joinBase(import.meta.env.BASE_URL, path);
  return import.meta.env.XTZD_PACKAGE === 'scorm' ? runtimeUrl(url) : url;
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

/**
 * Packaged builds (SCORM, issue 14) are built under this placeholder base; packaging turns every
 * URL that starts with it into a relative one, because the LMS decides where the package lives.
 */
export const PACKAGE_BASE = '/__xtzd__/';

/** "../" once per directory level of `pathname` below `base` ("./" at the root): the page's way back to the root. */
export function relativeRoot(base: string, pathname: string): string {
  const rest = stripBase(base, pathname).replace(/^\/+/, '');
  const depth = rest.split('/').length - 1;
  return depth > 0 ? '../'.repeat(depth) : './';
}

/**
 * A URL under PACKAGE_BASE as a URL relative to a page whose way back to the root is `root`
 * (relativeRoot). Directory URLs get "index.html": an LMS serves the package's files as they are,
 * with no directory index. Other URLs are returned unchanged.
 */
export function packageRelative(url: string, root: string): string {
  if (!url.startsWith(PACKAGE_BASE)) return url;
  const m = /^([^?#]*)(.*)$/.exec(url.slice(PACKAGE_BASE.length))!;
  const path = m[1]!;
  const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
  return `${root === './' ? '' : root}${file}${m[2]}`;
}

/**
 * In a packaged build, in the browser: `url` (under PACKAGE_BASE) resolved against the page's root
 * (`<html data-root>`), so links and fetches work wherever the LMS put the package. Elsewhere (the
 * ordinary site, or rendering on the server) the URL unchanged: the check is a build-time constant,
 * so the ordinary site's bundles do not contain this branch's work.
 */
export function runtimeUrl(url: string): string {
  if (import.meta.env.XTZD_PACKAGE !== 'scorm' || typeof document === 'undefined') return url;
  const root = document.documentElement.dataset.root ?? './';
  return new URL(packageRelative(url, root), location.href).href;
}
