/**
 * The hand-over between the search index's two sides in `astro build` (issue 17): the page code (the
 * /search/data route, which alone can read the rendered lessons) collects the documents, and the
 * `search-index` integration (integration.ts) builds the index from them in a worker thread while
 * Astro renders the pages, then writes the files into the built site at astro:build:done.
 * Both sides run in the build's one process but are loaded apart (the integration with the config,
 * the route from the prerender bundle), so they meet on a global under a registered symbol.
 */
import type { SearchDoc } from './types.ts';
import type { LessonText } from './lesson-texts.ts';
import { publish } from '../build/prerender-protocol.ts';

const KEY = Symbol.for('xtzd.search.indexJob');

/** What the integration offers the route while a build runs. */
export interface SearchIndexJob {
  /**
   * Hands the documents to the worker (once; later calls are ignored). A promise is fine: the route
   * does not wait for the lessons to be read, so that work runs while the pages render (issue 17).
   */
  start(docs: SearchDoc[] | Promise<SearchDoc[]>): void;
  /**
   * A lesson's search text as the thread that rendered its deck pages published it (publishLessonText),
   * or undefined when rendering ended without it (then the route reads the lesson itself).
   */
  lessonText(id: string): Promise<LessonText | undefined>;
}

type WithJob = typeof globalThis & { [KEY]?: SearchIndexJob };

/** The running build's job, or undefined (astro dev, tests, a config without the integration). */
export const searchIndexJob = (): SearchIndexJob | undefined => (globalThis as WithJob)[KEY];

export function setSearchIndexJob(job: SearchIndexJob | undefined): void {
  if (job) (globalThis as WithJob)[KEY] = job;
  else delete (globalThis as WithJob)[KEY];
}

/** The hub topic of lesson texts (lib/build/prerender-protocol.ts: published on any thread, heard on the main thread). */
export const LESSON_TEXT = 'search:lesson-text';

/** Hands a lesson's search text to the search index (no one listens outside a build). */
export function publishLessonText(id: string, text: LessonText): void {
  publish(LESSON_TEXT, id, text);
}
