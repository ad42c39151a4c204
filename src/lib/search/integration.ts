/**
 * `search-index`: builds the search index off the build's main thread (issue 17). At astro:build:start
 * it starts a worker thread (build-worker.ts), which loads lunr and pinyin-pro while Vite bundles; the
 * /search/data route starts reading the lessons when Astro asks for its paths and asks Astro to render
 * nothing (searchIndexJob, offthread.ts); the reading goes on while the pages render, and the worker
 * builds the index as soon as it has the documents and writes the files into <outDir>/search/data/
 * itself; astro:build:done waits for it. Register it before any integration that reads the built files
 * at astro:build:done (the service worker precaches them; integrations' hooks run one after another in
 * the order of the config). Without it (astro dev, or a config that leaves it out) the route renders
 * the same files itself, on the main thread.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { LESSON_TEXT, setSearchIndexJob } from './offthread.ts';
import { subscribe } from '../build/prerender-protocol.ts';
import { LessonTextBoard, type LessonText } from './lesson-texts.ts';
import type { SearchWorkerAnswer, SearchWorkerJob } from './build-worker.ts';
import { SEARCH_DATA_DIR } from './shards.ts';

export function searchIndex(): AstroIntegration {
  let worker: Worker | undefined;
  let answer: Promise<SearchWorkerAnswer> | undefined;
  let outDir: URL | undefined;
  let startedAt = 0;
  let postedAt = 0;
  let board: LessonTextBoard | undefined;
  let stopListening: (() => void) | undefined;
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
      },
      'astro:build:start': () => {
        const w = new Worker(new URL('./build-worker.ts', import.meta.url));
        worker = w;
        // An unfinished worker must not keep a failed build's process alive.
        w.unref();
        let failGathering: (e: unknown) => void = () => {};
        answer = new Promise<SearchWorkerAnswer>((resolve, reject) => {
          failGathering = reject;
          w.once('message', (a: SearchWorkerAnswer) => {
            resolve(a);
            // Its heap goes with it now, not at astro:build:done: the pages are still rendering.
            void w.terminate();
          });
          w.once('error', reject);
          w.once('exit', (code) => reject(new Error(`the search index worker stopped (exit code ${code}) before answering`))); // no-op once resolved
        });
        answer.catch(() => {}); // reported at astro:build:done
        // Lesson texts published by the deck pages (any thread), taken in course order by the route.
        board = new LessonTextBoard();
        const texts = board;
        stopListening = subscribe(LESSON_TEXT, (key, value) => texts.publish(key, value as LessonText));
        let started = false;
        setSearchIndexJob({
          lessonText: (id) => texts.take(id),
          start(docs) {
            if (started) return;
            started = true;
            startedAt = performance.now();
            Promise.resolve(docs).then(
              (d) => {
                postedAt = performance.now();
                // Astro emptied the output folder before rendering began: the worker writes into it now.
                const job: SearchWorkerJob = { docs: d, dir: join(fileURLToPath(outDir!), SEARCH_DATA_DIR) };
                w.postMessage(job);
              },
              (e: unknown) => failGathering(e),
            );
          },
        });
      },
      'astro:build:done': async ({ logger }) => {
        // Every page is rendered: a lesson text still awaited will not come, so the route reads it itself.
        board?.close();
        stopListening?.();
        setSearchIndexJob(undefined);
        try {
          if (!startedAt) throw new Error('search-index: the /search/data route never handed over the documents, so there is no search index');
          const { files, bytes, ms, docs } = await answer!;
          const waited = performance.now() - postedAt - ms;
          logger.info(
            `${docs} documents → ${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${SEARCH_DATA_DIR} (documents read in ${((postedAt - startedAt) / 1000).toFixed(1)} s, ${board?.handedOver ?? 0} lesson texts from the deck pages; index built and written by a worker thread in ${(ms / 1000).toFixed(1)} s, ${(Math.max(0, waited) / 1000).toFixed(1)} s before the pages were done)`,
          );
        } finally {
          await worker?.terminate();
        }
      },
    },
  };
}
