/**
 * Slide splitting for classroom mode (pure; runs at build time on a lesson's rendered HTML, read
 * through the lesson tree of src/lib/lesson/tree.ts).
 *
 * Rules: every H2 section starts a slide; `<hr data-slide-break>` (the <SlideBreak /> author
 * component) forces a new slide; a section longer than the text budget is cut at block
 * boundaries into balanced parts (a heading H3 never ends a slide); quiz and scenario
 * placeholders become slides of their own; instructor notes (`[data-teacher-note]`) are cut
 * out of the audience HTML and attached to the slide they were in; the section holding the
 * lesson's <Summary> moves to the end.
 */
import { MARK, attrOf, findAll, hasAttr, htmlOf, sections, isSummarySection, textOf, without, type Element, type Root } from '../lesson/tree';
import { parseTextTree } from '../search/text-tree';

export interface ContentSlide {
  kind: 'content';
  /** Section heading text ('' for text before the first H2). */
  title: string;
  /** True on the second and later slides of a section. */
  continued: boolean;
  /** Audience HTML (heading included, notes removed). */
  html: string;
  /** Instructor notes (HTML) for this slide. */
  notes: string[];
}
export interface QuizSlide {
  kind: 'quiz';
  title: string;
  quizId: string;
  /** Filled by assembleDeck: which question of the quiz. */
  question: number;
  notes: string[];
}
export interface ScenarioSlide {
  kind: 'scenario';
  title: string;
  scenarioId: string;
  notes: string[];
}
export interface TitleSlide {
  kind: 'title';
  title: string;
  notes: string[];
}
export type Slide = ContentSlide | QuizSlide | ScenarioSlide | TitleSlide;

export interface SplitOptions {
  /** Characters of visible text one slide should hold at projector size. */
  budget?: number;
  /** Text appended to the heading of continuation slides. */
  continuedLabel?: string;
  /**
   * The HTML parser: by default parseTextTree, parseLesson's tree without source positions, which the
   * slides never read (issue 17: parse5's location tracking and position objects were about half of
   * the deck's parse, once per lesson). tests/unit/classroom-slides.test.ts checks both give the same deck.
   */
  parse?: (html: string) => Root;
}

const isNote = (el: Element) => hasAttr(el, MARK.note);
const isBreak = (el: Element) => el.tagName === 'hr' && hasAttr(el, MARK.slideBreak);
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The id carried by the first element (the block itself or inside it) with the marker attribute. */
function findMark(el: Element, mark: string): string | undefined {
  const hit = hasAttr(el, mark) ? el : findAll(el, (e) => hasAttr(e, mark))[0];
  return hit ? attrOf(hit, mark) : undefined;
}

/** Weight of a block for the text budget: visible characters, with a floor per block for spacing. */
export function weight(block: Element, text = textOf(block)): number {
  return text.length + 12 + countTag(block, 'li') * 8;
}
/** Number of `tag` elements in the block (itself included). */
function countTag(el: Element, tag: string): number {
  let n = el.tagName === tag ? 1 : 0;
  for (const c of el.children) if (c.type === 'element') n += countTag(c, tag);
  return n;
}
const VISUAL = new Set(['img', 'svg', 'table', 'figure', 'video']);
const hasVisual = (el: Element): boolean => VISUAL.has(el.tagName) || findAll(el, (e) => VISUAL.has(e.tagName)).length > 0;

/**
 * Cuts a sequence of weights into `parts` consecutive groups so that the heaviest group is as
 * light as possible (classic linear partition; n and parts are small). Returns index groups.
 */
export function balancedPartition(weights: readonly number[], parts: number): number[][] {
  const n = weights.length;
  const k = Math.max(1, Math.min(parts, n));
  if (n === 0) return [];
  const prefix = [0];
  for (const w of weights) prefix.push(prefix[prefix.length - 1]! + w);
  const sum = (i: number, j: number) => prefix[j]! - prefix[i]!; // weights[i..j)
  // best[p][j]: minimal max-group weight splitting the first j items into p groups.
  const best: number[][] = Array.from({ length: k + 1 }, () => Array<number>(n + 1).fill(Infinity));
  const cut: number[][] = Array.from({ length: k + 1 }, () => Array<number>(n + 1).fill(0));
  for (let j = 1; j <= n; j++) best[1]![j] = sum(0, j);
  for (let p = 2; p <= k; p++) {
    for (let j = p; j <= n; j++) {
      for (let i = p - 1; i < j; i++) {
        const cost = Math.max(best[p - 1]![i]!, sum(i, j));
        if (cost < best[p]![j]!) {
          best[p]![j] = cost;
          cut[p]![j] = i;
        }
      }
    }
  }
  const groups: number[][] = [];
  let j = n;
  for (let p = k; p >= 1; p--) {
    const i = p === 1 ? 0 : cut[p]![j]!;
    groups.unshift(Array.from({ length: j - i }, (_, x) => i + x));
    j = i;
  }
  return groups;
}

/**
 * Splits a lesson body into slides (without the title slide; see assembleDeck): its HTML, or the tree
 * already parsed from it (issue 17: the lesson's one reading, which search and the handout share; the tree
 * is not changed).
 */
export function splitLesson(html: string | Root, options: SplitOptions = {}): Slide[] {
  const budget = options.budget ?? 380;
  const contLabel = options.continuedLabel ?? '（续）';
  const regular: Slide[][] = [];
  const last: Slide[][] = [];

  for (const sec of sections(typeof html === 'string' ? (options.parse ?? parseTextTree)(html) : html)) {
    const slides: Slide[] = [];
    let pendingNotes: string[] = [];
    // Runs of ordinary blocks between hard breaks (slide break, quiz, scenario).
    let run: { blocks: Element[]; weights: number[]; notes: string[][] } = { blocks: [], weights: [], notes: [] };
    const headingFor = (continued: boolean) => {
      if (!sec.heading) return '';
      if (!continued) return htmlOf(sec.heading);
      return `<h2>${escapeHtml(sec.title)}<span class="slide-continued">${escapeHtml(contLabel)}</span></h2>`;
    };
    const contentCount = () => slides.filter((s) => s.kind === 'content').length;
    const emit = (blocks: Element[], notes: string[]) => {
      const continued = contentCount() > 0;
      slides.push({
        kind: 'content',
        title: sec.title,
        continued,
        html: headingFor(continued) + blocks.map((b) => htmlOf(b)).join('\n'),
        notes: [...pendingNotes, ...notes],
      });
      pendingNotes = [];
    };
    const flushRun = () => {
      const { blocks, weights, notes } = run;
      run = { blocks: [], weights: [], notes: [] };
      if (!blocks.length) {
        pendingNotes.push(...notes.flat());
        return;
      }
      const total = weights.reduce((a, b) => a + b, 0);
      const parts = Math.min(blocks.length, Math.max(1, Math.ceil(total / budget)));
      const chunks = balancedPartition(weights, parts);
      // A sub-heading never ends a slide: move it to the start of the next one.
      for (let c = 0; c < chunks.length - 1; c++) {
        const ch = chunks[c]!;
        while (ch.length > 1 && ['h3', 'h4'].includes(blocks[ch[ch.length - 1]!]!.tagName)) chunks[c + 1]!.unshift(ch.pop()!);
      }
      for (const ch of chunks) emit(ch.map((i) => blocks[i]!), ch.flatMap((i) => notes[i]!));
    };

    for (const b of sec.body) {
      if (isNote(b)) {
        // A note standing alone between blocks belongs to the slide it follows.
        if (run.notes.length) run.notes[run.notes.length - 1]!.push(htmlOf(b));
        else pendingNotes.push(htmlOf(b));
        continue;
      }
      if (isBreak(b)) {
        flushRun();
        continue;
      }
      const quizId = findMark(b, MARK.quiz);
      const scenarioId = findMark(b, MARK.scenario);
      const removed = findAll(b, isNote).map((n) => htmlOf(n));
      if (quizId !== undefined || scenarioId !== undefined) {
        flushRun();
        const notes = [...pendingNotes, ...removed];
        pendingNotes = [];
        if (quizId !== undefined) slides.push({ kind: 'quiz', title: sec.title, quizId, question: 0, notes });
        else slides.push({ kind: 'scenario', title: sec.title, scenarioId: scenarioId!, notes });
        continue;
      }
      const rest = without(b);
      const text = textOf(rest);
      if (!text && !hasVisual(rest)) {
        // Nothing visible left (e.g. a wrapper around a note only).
        if (run.notes.length) run.notes[run.notes.length - 1]!.push(...removed);
        else pendingNotes.push(...removed);
        continue;
      }
      run.blocks.push(rest);
      run.weights.push(weight(rest, text));
      run.notes.push(removed);
    }
    flushRun();
    if (pendingNotes.length) {
      const lastSlide = slides[slides.length - 1];
      if (lastSlide) {
        lastSlide.notes.push(...pendingNotes);
        pendingNotes = [];
      } else emit([], []);
    } else if (!slides.length && sec.heading) emit([], []);
    (isSummarySection(sec) ? last : regular).push(slides);
  }
  return [...regular.flat(), ...last.flat()];
}

export interface DeckInput {
  /** Lesson title (title slide). */
  title: string;
  /** The lesson body HTML rendered with the presentation placeholders (or its tree). */
  html: string | Root;
  /** Lesson-level instructor notes (plain text), shown with the title slide. */
  lessonNote?: string;
  /** Question count per quiz id; unknown quizzes are dropped. */
  quizQuestions: Record<string, number>;
  options?: SplitOptions;
}

/** Title slide (objectives) first, then the lesson's slides with one slide per quiz question. */
export function assembleDeck(input: DeckInput): Slide[] {
  const title: TitleSlide = {
    kind: 'title',
    title: input.title,
    notes: input.lessonNote ? [`<p>${escapeHtml(input.lessonNote).replace(/\n+/g, '<br>')}</p>`] : [],
  };
  const out: Slide[] = [title];
  for (const s of splitLesson(input.html, input.options)) {
    if (s.kind !== 'quiz') {
      out.push(s);
      continue;
    }
    const n = input.quizQuestions[s.quizId] ?? 0;
    for (let q = 0; q < n; q++) out.push({ ...s, question: q, notes: q === 0 ? s.notes : [] });
  }
  return out;
}
