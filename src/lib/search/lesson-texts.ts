/**
 * Lesson texts for the search index, handed over from wherever a lesson was read (issue 17). In a build,
 * each lesson is rendered and parsed once, by the deck pages (components/classroom/deckData.ts), on
 * whichever thread of the prerender pool renders them; that thread makes the lesson's search text from
 * the same tree and publishes it (a worker thread by message, see lib/build/prerender-worker.ts). The
 * search documents are made on the main thread in course order, each lesson's text taken from this board,
 * so their order does not depend on which thread finished first. Pure: unit-tested in
 * tests/unit/lesson-texts.test.ts.
 */
import type { TextSection } from '../lesson/tree';

/** What search reads of a lesson: its text by section, and the anchor where each quiz / scenario is placed. */
export interface LessonText {
  sections: TextSection[];
  /** [quiz or scenario id, anchor of the section that places it], in page order. */
  placements: [string, string][];
}

export class LessonTextBoard {
  private readonly held = new Map<string, LessonText>();
  private readonly waiting = new Map<string, (t: LessonText | undefined) => void>();
  private readonly taken = new Set<string>();
  private closed = false;
  /** Texts taken as published (for the log: the rest the reader read itself). */
  handedOver = 0;

  /** A lesson's text (the first one counts: a deck made twice gives the same text). */
  publish(id: string, text: LessonText): void {
    if (this.closed || this.taken.has(id)) return;
    const w = this.waiting.get(id);
    if (w) {
      this.waiting.delete(id);
      this.taken.add(id);
      this.handedOver++;
      w(text);
    } else if (!this.held.has(id)) this.held.set(id, text);
  }

  /**
   * The lesson's text once it is published (and then forgotten here), or undefined once the board is
   * closed without it: the reader then reads the lesson itself.
   */
  take(id: string): Promise<LessonText | undefined> {
    const h = this.held.get(id);
    if (h) {
      this.held.delete(id);
      this.taken.add(id);
      this.handedOver++;
      return Promise.resolve(h);
    }
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiting.set(id, resolve));
  }

  /** No more texts will come (every page is rendered): whoever still waits gets undefined. */
  close(): void {
    this.closed = true;
    for (const resolve of this.waiting.values()) resolve(undefined);
    this.waiting.clear();
    this.held.clear();
  }

  /** Texts published and not yet taken (for tests and the log). */
  get size(): number {
    return this.held.size;
  }
}
