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
  // Per-checkout cache (content data store): node_modules may be a symlink shared by several
  // worktrees, and a shared node_modules/.astro lets one checkout's build read another's content.
  cacheDir: './.astro/cache',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), preact()],
  devToolbar: { enabled: false },
});
