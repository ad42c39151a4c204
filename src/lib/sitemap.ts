/**
 * sitemap.xml from the list of built pages. Pure: the site URL, base and page paths are
 * passed in (by src/integrations/sitemap.ts after the build).
 */
import { joinBase } from './paths';

/** Escapes the five XML special characters. */
export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/**
 * Absolute URL of a built page. `pathname` is as Astro reports it, without the base
 * ("" for the home page, "learn/x/y/" for a lesson).
 */
export function pageUrl(site: string, base: string, pathname: string): string {
  const path = '/' + pathname.replace(/^\/+/, '');
  return new URL(joinBase(base, path), site).href;
}

/** Pages that never belong in a sitemap (error pages). */
export function isSitemapPage(pathname: string): boolean {
  const p = pathname.replace(/^\/+|\/+$/g, '');
  return p !== '404' && p !== '500';
}

/** The sitemap document: one <url><loc> per page, sorted, no duplicates. */
export function sitemapXml(site: string, base: string, pathnames: string[]): string {
  const urls = [...new Set(pathnames.filter(isSitemapPage).map((p) => pageUrl(site, base, p)))].sort();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => `  <url><loc>${xmlEscape(u)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
}
