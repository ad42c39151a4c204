// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';

// SITE_BASE lets the same source deploy under a sub-path (e.g. /course/); a test builds with one.
const base = process.env.SITE_BASE ?? '/';
// ASTRO_OUT_DIR lets a second build (non-root base, content check) write beside the main one.
const outDir = process.env.ASTRO_OUT_DIR ?? './dist';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://xietiao.example.org',
  base,
  outDir,
  // Keep the content data store per checkout: node_modules may be a symlink shared by several
  // worktrees, and a shared node_modules/.astro/data-store.json mixes their content between builds.
  cacheDir: './.astro/cache',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), preact()],
  devToolbar: { enabled: false },
});
