/**
 * The one lesson-text pipeline: a lesson's rendered HTML parsed into a syntax tree (hast, as
 * rehype-parse, the parser of the unified tools Astro builds on, builds it), read by search indexing, slides,
 * handouts and lesson plans. Structure is found by the author components' data attributes, never by
 * heading words:
 *   [data-teacher-note]   <TeacherNote>: instructor-only, left out of learner text and slides
 *   [data-lesson-summary] <Summary>: the lesson's summary (要点回顾)
 *   [data-discussion]     <Discussion>: a discussion prompt; its body is [data-callout-body]
 *   [data-keypoint]       <KeyPoint>
 *   [data-live-quiz] / [data-live-scenario]  where <Quiz id> / <Scenario id> stand (classroom and
 *                         search renderings put these markers in place of the islands)
 * Heading anchors are the ids the page itself carries (Astro's github-slugger ids).
 * Pure: no Astro imports; unit-tested in tests/unit/lesson-tree.test.ts.
 */
import { parseFragment } from 'parse5';
import { fromParse5 } from 'hast-util-from-parse5';
import { toText } from 'hast-util-to-text';
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent, Root, RootContent } from 'hast';

export type { Element, Root };

/**
 * Parses a rendered lesson body (an HTML fragment): rehype-parse's tree (parse5, then
 * hast-util-from-parse5; scripting off) without source positions, which nothing reading lessons uses.
 * rehype-parse always has parse5 track every token's location and turns each into position objects:
 * a third of the parse, for the slides and both teaching documents of every lesson (issue 17).
 * tests/unit/search-build.test.ts and lesson-tree.test.ts compare it with rehype-parse.
 */
export const parseLesson = (html: string): Root => fromParse5(parseFragment(html, { scriptingEnabled: false }), { space: 'html' }) as Root;

/**
 * Attribute names as hast stores them (`data-teacher-note` → `dataTeacherNote`), memoised: the tree
 * walks ask for the same few names millions of times at 1,000 lessons (issue 17, 3.7 s of regex).
 */
const propNames = new Map<string, string>();
const prop = (name: string): string => {
  let p = propNames.get(name);
  if (p === undefined) propNames.set(name, (p = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())));
  return p;
};

export const isElement = (n: RootContent | ElementContent | Root | undefined): n is Element => n?.type === 'element';

/** The value of an attribute ('' for a bare one), or undefined. */
export function attrOf(el: Element, name: string): string | undefined {
  const v = el.properties[prop(name)];
  if (v === undefined || v === null || v === false) return undefined;
  if (v === true) return '';
  return Array.isArray(v) ? v.join(' ') : String(v);
}
export const hasAttr = (el: Element, name: string): boolean => attrOf(el, name) !== undefined;

export const MARK = {
  note: 'data-teacher-note',
  summary: 'data-lesson-summary',
  discussion: 'data-discussion',
  keypoint: 'data-keypoint',
  calloutBody: 'data-callout-body',
  quiz: 'data-live-quiz',
  scenario: 'data-live-scenario',
  slideBreak: 'data-slide-break',
} as const;

const isNote = (el: Element) => hasAttr(el, MARK.note);

/** Elements (depth first, document order) matching `test`; does not descend into a match. */
export function findAll(node: Root | Element, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (n: Root | Element) => {
    for (const c of n.children) {
      if (!isElement(c)) continue;
      if (test(c)) out.push(c);
      else walk(c);
    }
  };
  walk(node);
  return out;
}

/** A copy of the node without the elements matching `drop` (by default: instructor notes). */
export function without<T extends Root | Element>(node: T, drop: (el: Element) => boolean = isNote): T {
  const copy = (n: Root | Element): Root | Element => ({
    ...n,
    children: n.children.filter((c) => !(isElement(c) && drop(c))).map((c) => (isElement(c) ? (copy(c) as Element) : c)),
  }) as Root | Element;
  return copy(node) as T;
}

/** Visible text (whitespace collapsed), without instructor notes. */
export const textOf = (node: Root | Element): string =>
  toText(without(node), { whitespace: 'normal' })
    .replace(/\s+/g, ' ')
    .trim();

/** Visible text keeping block boundaries as line breaks (for search snippets). */
export const linesOf = (node: Root | Element): string =>
  toText(without(node), { whitespace: 'pre-wrap' })
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');

/** HTML of nodes. */
export const htmlOf = (nodes: Root | Element | ElementContent[]): string => toHtml(Array.isArray(nodes) ? { type: 'root', children: nodes } : nodes);

/** Inner HTML of an element. */
export const innerHtmlOf = (el: Element): string => toHtml({ type: 'root', children: el.children });

/** Top-level elements of the fragment (whitespace and comments dropped; stray text wrapped in <p>). */
export function blocks(root: Root): Element[] {
  const out: Element[] = [];
  for (const c of root.children) {
    if (isElement(c)) out.push(c);
    else if (c.type === 'text' && c.value.trim()) out.push({ type: 'element', tagName: 'p', properties: {}, children: [c] });
  }
  return out;
}

const HEADING = /^h[1-6]$/;
export const headingDepth = (el: Element): number => (HEADING.test(el.tagName) ? Number(el.tagName[1]) : 0);

export interface TreeSection {
  /** The H2 that starts the section (undefined for content before the first H2). */
  heading?: Element;
  /** Its text ('' for the lead). */
  title: string;
  /** Its id as rendered on the page ('' for the lead). */
  id: string;
  body: Element[];
}

/** The lesson's H2 sections in order (a lead section first when there is text before the first H2). */
export function sections(root: Root): TreeSection[] {
  const out: TreeSection[] = [];
  let cur: TreeSection = { title: '', id: '', body: [] };
  for (const b of blocks(root)) {
    if (b.tagName === 'h2') {
      if (cur.heading || cur.body.length) out.push(cur);
      cur = { heading: b, title: textOf(b), id: attrOf(b, 'id') ?? '', body: [] };
    } else cur.body.push(b);
  }
  if (cur.heading || cur.body.length) out.push(cur);
  return out;
}

const has = (els: Element[], test: (el: Element) => boolean) => els.some((e) => test(e) || findAll(e, test).length > 0);

/** True for the section that holds the lesson's <Summary>. */
export const isSummarySection = (s: TreeSection): boolean => has(s.body, (e) => hasAttr(e, MARK.summary));

/**
 * True for a section made only of structured activities (discussion prompts, quizzes, scenarios,
 * the summary) — e.g. 课堂讨论 and 练一练 — rather than taught content.
 */
export function isActivitySection(s: TreeSection): boolean {
  const visible = s.body.filter((b) => !isNote(b));
  const activity = (e: Element) => [MARK.summary, MARK.discussion, MARK.quiz, MARK.scenario].some((m) => hasAttr(e, m));
  return visible.length > 0 && visible.every((b) => activity(b) || (findAll(b, activity).length > 0 && !textOutside(b, activity)));
}
/** Does the element have visible text outside the parts matching `part`? */
const textOutside = (el: Element, part: (e: Element) => boolean) => textOf(without(el, (e) => isNote(e) || part(e))) !== '';

/** The summary's HTML (notes removed), or '' when the lesson has no <Summary>. */
export function summaryHtml(root: Root): string {
  const el = findAll(root, (e) => hasAttr(e, MARK.summary))[0];
  return el ? innerHtmlOf(without(el)).trim() : '';
}

/** Elements matching `test` outside instructor notes (depth first, document order; not inside a match). */
const findOutsideNotes = (node: Root | Element, test: (el: Element) => boolean): Element[] => findAll(node, (e) => isNote(e) || test(e)).filter((e) => !isNote(e));

/**
 * Body HTML of each callout carrying `mark` (e.g. MARK.discussion, MARK.keypoint), notes removed.
 * Only the callouts are copied without their notes, not the whole lesson (issue 17): the same result
 * as searching a copy of the lesson without its notes.
 */
export function calloutBodies(root: Root, mark: string): string[] {
  return findOutsideNotes(root, (e) => hasAttr(e, mark)).map((c) => {
    const body = findOutsideNotes(c, (e) => hasAttr(e, MARK.calloutBody))[0] ?? c;
    return innerHtmlOf(without(body)).trim();
  });
}

/** Ids of the quizzes or scenarios placed in the lesson (markers), in order, without repeats. */
export function placedIds(root: Root, kind: 'quiz' | 'scenario'): string[] {
  const mark = kind === 'quiz' ? MARK.quiz : MARK.scenario;
  return [...new Set(findAll(root, (e) => hasAttr(e, mark)).map((e) => attrOf(e, mark)!))];
}

export interface TextSection {
  /** The heading's id on the page ('' for text before the first heading). */
  anchor: string;
  heading: string;
  /** Visible text (notes excluded), block boundaries as line breaks. */
  text: string;
}

/**
 * The lesson as learner-visible text split at every heading (H2–H6), each with the anchor the page
 * carries, and the anchor of the section where each quiz / scenario is placed.
 */
export function textSections(root: Root): { sections: TextSection[]; placements: Map<string, string> } {
  const out: TextSection[] = [];
  const placements = new Map<string, string>();
  let cur: TextSection = { anchor: '', heading: '', text: '' };
  let parts: Element[] = [];
  const flush = () => {
    cur.text = parts.map((p) => linesOf(p)).filter(Boolean).join('\n');
    if (cur.heading || cur.text) out.push(cur);
  };
  // Headings may sit inside wrappers (e.g. <Summary>): descend into any block that holds one.
  const visit = (els: Element[]) => {
    for (const el of els) {
      if (isNote(el)) continue;
      if (headingDepth(el)) {
        flush();
        parts = [];
        cur = { anchor: attrOf(el, 'id') ?? '', heading: textOf(el), text: '' };
      } else if (findAll(el, (e) => headingDepth(e) > 0).length) visit(el.children.filter(isElement));
      else {
        parts.push(el);
        const wrapped: Root = { type: 'root', children: [el] };
        for (const id of [...placedIds(wrapped, 'quiz'), ...placedIds(wrapped, 'scenario')]) if (!placements.has(id)) placements.set(id, cur.anchor);
      }
    }
  };
  visit(blocks(root));
  flush();
  return { sections: out, placements };
}
