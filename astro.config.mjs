// @ts-check
import { defineConfig } from 'astro/config';
import { createHash } from 'node:crypto';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { isNoindexPath } from './src/lib/paths';
import { themeInit } from './src/client/theme-init';
import { lunrQueryOnly } from './scripts/lib/vite-lunr-query-only.mjs';

// SITE_BASE lets the same source deploy under a sub-path (e.g. /course/); a test builds with one.
const base = process.env.SITE_BASE ?? '/';
// ASTRO_OUT_DIR lets a second build (non-root base, content check) write beside the main one.
const outDir = process.env.ASTRO_OUT_DIR ?? './dist';

/** CSP hash of an inline script body that Astro does not hash itself (is:inline). */
const sha256 = (/** @type {string} */ body) => /** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`);

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://xietiao.example.org',
  base,
  outDir,
  // Per-checkout cache (content data store): node_modules may be a symlink shared by several
  // worktrees, and a shared node_modules/.astro lets one checkout's build read another's content.
  cacheDir: './.astro/cache',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [
    mdx(),
    preact(),
    // sitemap-index.xml + sitemap-0.xml; noindex pages (isNoindexPath) left out.
    sitemap({ filter: (page) => !isNoindexPath(new URL(page).pathname) }),
    {
      // client:intent — hydrate on focus / pointer / search shortcut (see src/directives/intent.ts).
      name: 'client-intent-directive',
      hooks: {
        'astro:config:setup': ({ addClientDirective }) => {
          addClientDirective({ name: 'intent', entrypoint: './src/directives/intent.ts' });
        },
      },
    },
  ],
  devToolbar: { enabled: false },
  // The search worker ships only the lunr it runs (scoring, not the stemmer or query parser).
  vite: { worker: { plugins: () => [lunrQueryOnly()] } },
  // Shiki colours code with inline style="…" attributes, which the CSP forbids; the course has no code.
  markdown: { syntaxHighlight: false },
  /**
   * Content Security Policy, emitted by Astro as a <meta http-equiv> on every page with the
   * hashes of every script and style it renders. No 'unsafe-inline' anywhere; inline style="…"
   * attributes are not allowed either (style-src-attr falls back to style-src, which has only
   * 'self' and hashes), so components style through classes and CSS custom properties.
   * Directives a <meta> cannot carry (frame-ancestors, report-to) are headers: see README.
   */
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        "frame-src 'none'",
      ],
      scriptDirective: { hashes: [sha256(themeInit(base))] },
    },
  },
});
