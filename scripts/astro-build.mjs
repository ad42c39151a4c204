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

/**
 * Output to a pipe or a file goes out in blocks. Astro logs two lines per page (3,906 pages at 1,000
 * lessons), each its own write; read through a pipe (npm test, bench:scale, CI) those writes took about
 * 1 s of the main thread, which also renders pages and hands them to the workers (a CPU profile of the
 * 1,000-lesson build). Blocks are written every 50 ms, before anything goes to stderr (so the two stay in
 * order) and when the process exits. A terminal gets every line as it comes.
 */
function writeInBlocks(/** @type {NodeJS.WriteStream} */ out, /** @type {NodeJS.WriteStream} */ err) {
  const write = out.write.bind(out);
  /** @type {Buffer[]} */
  let pending = [];
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!pending.length) return;
    const block = Buffer.concat(pending);
    pending = [];
    write(block);
  };
  out.write = /** @type {typeof out.write} */ ((/** @type {string | Uint8Array} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) => {
    if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
    pending.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding ?? 'utf8') : Buffer.from(chunk));
    timer ??= setTimeout(flush, 50).unref();
    if (callback) process.nextTick(callback);
    return true;
  });
  const errWrite = err.write.bind(err);
  err.write = /** @type {typeof err.write} */ ((/** @type {any[]} */ ...args) => (flush(), errWrite(...args)));
  // Writes to pipes and files are synchronous in Node on Linux, so the last block is out before the exit.
  process.on('exit', flush);
}
if (!process.stdout.isTTY) writeInBlocks(process.stdout, process.stderr);

// The CLI the `astro` command runs (astro's package exports do not list bin/).
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
process.argv = [process.argv[0], astro, 'build', ...process.argv.slice(2)];
await import(pathToFileURL(astro).href);
