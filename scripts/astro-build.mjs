#!/usr/bin/env node
/**
 * `npm run build`: `astro build` with the memory settings the build needs at a large catalogue (issue 17).
 * Arguments are passed on (`npm run build -- --verbose`). Runs Astro in this process (no second Node).
 *
 * Rolldown (Vite's bundler, a native module) allocates with mimalloc, which by default backs its arenas
 * with transparent huge pages and keeps freed pages resident. At 1,000 lessons that left about 560 MB of
 * freed bundler memory resident for the rest of the build (measured in /proc/<pid>/smaps: one 1 GiB
 * arena), on top of the page rendering. Without huge pages and with freed pages returned at once,
 * 250–290 MB stay. mimalloc reads these when the module loads, so they are set before Astro is
 * imported; a value already in the environment wins.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const MEMORY_ENV = { MIMALLOC_ALLOW_THP: '0', MIMALLOC_PURGE_DECOMMITS: '1', MIMALLOC_PURGE_DELAY: '0' };
for (const [name, value] of Object.entries(MEMORY_ENV)) process.env[name] ??= value;

// The CLI the `astro` command runs (astro's package exports do not list bin/).
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
process.argv = [process.argv[0], astro, 'build', ...process.argv.slice(2)];
await import(pathToFileURL(astro).href);
