/**
 * Writes sitemap.xml after the build from the pages Astro actually built, so every page type
 * (including ones added later) is listed without touching this file. A page opts out with
 * <meta name="robots" content="noindex">. URLs are absolute and include the deployment base.
 */
import type { AstroIntegration } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { sitemapXml } from '../lib/sitemap';

export default function sitemap(): AstroIntegration {
  let site = '';
  let base = '/';
  return {
    name: 'xtzd-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? '';
        base = config.base;
      },
      'astro:build:done': async ({ pages, dir, logger }) => {
        if (!site) throw new Error('[sitemap] `site` must be set in astro.config.mjs');
        const outDir = fileURLToPath(dir);
        const listed: string[] = [];
        for (const { pathname } of pages) {
          const file = join(outDir, pathname, 'index.html');
          const html = await readFile(file, 'utf8').catch(() => null);
          if (html === null) continue; // an endpoint (robots.txt) or an error page (404.html)
          if (/<meta\s+name="robots"\s+content="[^"]*noindex/i.test(html)) continue;
          listed.push(pathname);
        }
        const xml = sitemapXml(site, base, listed);
        await writeFile(join(outDir, 'sitemap.xml'), xml);
        logger.info(`sitemap.xml: ${xml.split('<loc>').length - 1} pages`);
      },
    },
  };
}
