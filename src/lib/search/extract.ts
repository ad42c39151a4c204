/**
 * Plain text a learner sees in a lesson, derived from its MDX source, split into sections
 * at headings (each section knows the heading's anchor as Astro generates it).
 * - front matter, import/export lines and MDX comments are dropped;
 * - <TeacherNote> blocks are dropped with their contents (instructor-only);
 * - <Term id="x" /> becomes the term; other component tags are removed, keeping their text;
 *   callout titles (title="…") are kept as a line;
 * - <Quiz id> / <Scenario id> are recorded against the section that holds them; a scenario's
 *   visible text may be supplied by the caller;
 * - Markdown syntax (headings, emphasis, links, lists, quotes, tables, escapes) is removed.
 */

export interface HeadingInfo {
  depth: number;
  slug: string;
  text: string;
}

export interface Section {
  /** Heading anchor ('' for text before the first heading). */
  anchor: string;
  /** Heading text ('' for the lead section). */
  heading: string;
  /** Body text of the section, lines joined by "\n" (without the heading). */
  text: string;
}

export interface ExtractOptions {
  /** Display name of a glossary term (for <Term id="x" />). */
  termName?: (id: string) => string | undefined;
  /** Learner-visible text of a scenario placed with <Scenario id="x" />. */
  scenarioText?: (id: string) => string | undefined;
  /** Headings as Astro rendered them (in order); their slugs become the anchors. */
  headings?: HeadingInfo[];
}

export interface Extracted {
  sections: Section[];
  /** Anchor of the section that places each quiz / scenario id. */
  placements: Map<string, string>;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Approximation of github-slugger (used only when Astro's headings do not line up). */
export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|\\{["']([^"']*)["']\\})`).exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Inline Markdown/JSX → plain text (one line). Records quiz/scenario placements via `onPlace`. */
function inline(line: string, opts: ExtractOptions, onPlace: (id: string) => void): string {
  let s = line;
  // Components with meaning for the text.
  s = s.replace(/<Term\b([^>]*?)\/>/g, (_, a: string) => {
    const id = attr(a, 'id');
    return (id && opts.termName?.(id)) ?? '';
  });
  s = s.replace(/<(Quiz|Scenario)\b([^>]*?)\/?>/g, (_, kind: string, a: string) => {
    const id = attr(a, 'id');
    if (!id) return '';
    onPlace(id);
    return kind === 'Scenario' ? `\n${opts.scenarioText?.(id) ?? ''}\n` : '';
  });
  s = s.replace(/<(KeyPoint|Example|Case|Discussion)\b([^>]*)>/g, (_, _k: string, a: string) => {
    const title = attr(a, 'title');
    return title ? `\n${title}\n` : '';
  });
  s = s.replace(/<\/?[A-Za-z][\w.:-]*(?:\s[^<>]*)?\/?>/g, ''); // any other tag: drop, keep content
  s = s.replace(/(?<!\\)\{[^{}]*\}/g, ''); // JSX expressions (escaped braces are text)
  // Markdown inline syntax.
  s = s.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
  s = s.replace(/\*\*|__|~~|`/g, '');
  s = s.replace(/(^|[^\\*\w])[*_]([^*_\n]+)[*_](?=$|[^*\w])/g, '$1$2');
  s = s.replace(/\\([\\`*_{}[\]()#+\-.!<>|~"'])/g, '$1');
  s = s.replace(/&(#?\w+);/g, (m, e: string) => ENTITIES[e] ?? (e.startsWith('#') ? safeChar(e.slice(1)) ?? m : m));
  return s;
}

function safeChar(num: string): string | undefined {
  const n = num.startsWith('x') ? parseInt(num.slice(1), 16) : parseInt(num, 10);
  return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : undefined;
}

/** Splits MDX source into learner-visible sections. */
export function extractSections(source: string, opts: ExtractOptions = {}): Extracted {
  let src = source.replace(/\r\n?/g, '\n');
  src = src.replace(/^---\n[\s\S]*?\n---\n/, '');
  src = src.replace(/<TeacherNote\b[^>]*\/>/g, '');
  src = src.replace(/<TeacherNote\b[^>]*>[\s\S]*?<\/TeacherNote>/g, '\n');
  src = src.replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
  src = src.replace(/^```[^\n]*\n([\s\S]*?)^```\s*$/gm, '$1'); // code fences: keep the code text

  const sections: Section[] = [];
  const placements = new Map<string, string>();
  let cur: Section = { anchor: '', heading: '', text: '' };
  let lines: string[] = [];
  const headings = opts.headings ?? [];
  let hi = 0;
  const flush = () => {
    cur.text = lines.map((l) => l.trim()).filter(Boolean).join('\n');
    if (cur.heading || cur.text) sections.push(cur);
  };
  const onPlace = (id: string) => {
    if (!placements.has(id)) placements.set(id, cur.anchor);
  };

  for (const raw of src.split('\n')) {
    if (/^\s*(import|export)\s/.test(raw)) continue;
    const h = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(raw);
    if (h) {
      flush();
      lines = [];
      const depth = h[1]!.length;
      const text = inline(h[2]!, opts, onPlace).replace(/\s+/g, ' ').trim();
      // Astro's headings are in document order: take the next one of the same depth.
      let slug: string | undefined;
      for (let j = hi; j < headings.length; j++) {
        if (headings[j]!.depth === depth) {
          slug = headings[j]!.slug;
          hi = j + 1;
          break;
        }
      }
      cur = { anchor: slug ?? slugify(text), heading: text, text: '' };
      continue;
    }
    let line = raw;
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue; // table rule / hr
    if (/^\s*(\*\s*){3,}$/.test(line)) continue;
    line = line.replace(/^\s*(>\s?)+/, '');
    line = line.replace(/^\s*([-*+]|\d+[.)])\s+/, '');
    if (line.includes('|')) line = line.replace(/^\s*\||\|\s*$/g, '').replace(/(?<!\\)\|/g, ' ');
    for (const part of inline(line, opts, onPlace).split('\n')) lines.push(part);
  }
  flush();
  return { sections, placements };
}
