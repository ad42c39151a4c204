/**
 * One reading of a lesson for every build-time use (issue 17): the lesson is rendered once with the
 * slide components (presentComponents: <Quiz>/<Scenario> as markers) and parsed once; the search
 * text's tree and the handout's tree are made from that tree here, as the lesson would parse if it were
 * rendered with plain terms and without the pieces each leaves out:
 * - <Term> renders `<span class="term" data-more…><a …>WORD</a><span class="term-tip">…</span></span>`;
 *   text and handout keep WORD alone (no link, no tooltip): the span is replaced by the link's children.
 * - <SlideBreak> renders `<hr data-slide-break>`: dropped from both.
 * - handout only: <TeacherNote>, <Quiz>, <Scenario> are dropped (nothing to answer or hide on paper).
 * Text nodes that end up next to each other are joined, as the parser would have read them.
 * Not covered: a dropped block (a <TeacherNote> div) written inside a paragraph, which the parser
 * reads as the paragraph's end (and an empty <p> after it); MDX puts author blocks between paragraphs.
 * tests/unit/lesson-derive.test.ts compares it with parsing those renderings written out by hand; when
 * the components still rendered them, it matched real renders of every lesson at 280 lessons.
 * Pure: no Astro imports.
 */
import { MARK, hasAttr, isElement, type Element, type Root } from './tree';
import type { ElementContent, RootContent } from 'hast';

export type Rendering = 'text' | 'handout';

const isTerm = (el: Element): boolean => el.tagName === 'span' && hasAttr(el, 'data-more') && classOf(el).includes('term');
const classOf = (el: Element): string[] => {
  const c: unknown = el.properties.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
};
const isBreak = (el: Element): boolean => el.tagName === 'hr' && hasAttr(el, MARK.slideBreak);
const OMITTED_IN_HANDOUT = [MARK.note, MARK.quiz, MARK.scenario];
const isOmitted = (el: Element): boolean => OMITTED_IN_HANDOUT.some((m) => hasAttr(el, m));

/**
 * The tree the lesson rendered for `as` would parse to, made from its slide rendering's tree (which is
 * not changed; untouched subtrees are shared with it, so do not change the result in place either).
 */
export function derivedTree(root: Root, as: Rendering): Root {
  const drop = (el: Element) => isBreak(el) || (as === 'handout' && isOmitted(el));
  const map = <T extends RootContent | ElementContent>(children: T[]): { out: T[]; changed: boolean } => {
    const out: T[] = [];
    let changed = false;
    const push = (c: T) => {
      const last = out[out.length - 1];
      if (c.type === 'text' && last?.type === 'text') {
        out[out.length - 1] = { type: 'text', value: last.value + c.value } as T;
        changed = true;
      } else out.push(c);
    };
    for (const c of children) {
      if (!isElement(c)) {
        push(c);
        continue;
      }
      if (drop(c)) {
        changed = true;
        continue;
      }
      if (isTerm(c)) {
        const link = c.children.find((k): k is Element => isElement(k) && k.tagName === 'a');
        changed = true;
        for (const k of map((link?.children ?? []) as T[]).out) push(k);
        continue;
      }
      const inner = map(c.children);
      if (inner.changed) {
        changed = true;
        push({ ...c, children: inner.out } as T);
      } else push(c);
    }
    return { out, changed };
  };
  const { out, changed } = map(root.children);
  return changed ? { ...root, children: out } : root;
}
