/**
 * A tiny, dependency-free walker over the HTML that Astro renders for a lesson body.
 * It is not a general HTML parser: it understands start/end/void tags, comments and raw
 * text elements well enough to find top-level blocks and to cut out elements by attribute,
 * which is all that slide splitting and handout extraction need. Unbalanced input never
 * throws: unclosed elements run to the end of the string.
 */

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW = new Set(['script', 'style', 'textarea', 'title']);

export interface Tag {
  /** Lower-case tag name. */
  name: string;
  /** Whole tag text, e.g. `<h2 id="x">`. */
  raw: string;
  start: number;
  end: number;
  closing: boolean;
  /** Void element or written as `<x/>`. */
  selfClosing: boolean;
}

/** All tags in document order (comments and raw-text contents skipped). */
export function tags(html: string): Tag[] {
  const out: Tag[] = [];
  const re = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][\w:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    if (m[0].startsWith('<!--')) continue;
    const name = m[2]!.toLowerCase();
    const closing = m[1] === '/';
    const selfClosing = !closing && (VOID.has(name) || /\/\s*$/.test(m[3] ?? ''));
    out.push({ name, raw: m[0], start: m.index, end: m.index + m[0].length, closing, selfClosing });
    if (!closing && RAW.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, re.lastIndex);
      re.lastIndex = close < 0 ? html.length : close;
    }
  }
  return out;
}

/** Value of an attribute in a start tag (`''` for a bare attribute), or undefined. */
export function attr(rawTag: string, name: string): string | undefined {
  const re = new RegExp(`\\s${name.replace(/[-]/g, '\\-')}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+)))?(?=[\\s/>])`, 'i');
  const m = re.exec(rawTag);
  if (!m) return undefined;
  return m[1] ?? m[2] ?? m[3] ?? '';
}

export interface Block {
  /** Tag name of the top-level element ('#text' for stray text). */
  name: string;
  /** The start tag (empty for text). */
  open: string;
  html: string;
}

/** Splits an HTML fragment into its top-level elements (whitespace-only text dropped). */
export function topLevelBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  let depth = 0;
  let blockStart = 0;
  let open: Tag | undefined;
  let cursor = 0;
  const pushText = (from: number, to: number) => {
    const text = html.slice(from, to);
    if (text.trim()) blocks.push({ name: '#text', open: '', html: text });
  };
  for (const t of tags(html)) {
    if (depth === 0) {
      pushText(cursor, t.start);
      if (t.closing) {
        cursor = t.end; // stray end tag at top level: dropped
        continue;
      }
      if (t.selfClosing) {
        blocks.push({ name: t.name, open: t.raw, html: t.raw });
        cursor = t.end;
        continue;
      }
      depth = 1;
      blockStart = t.start;
      open = t;
      continue;
    }
    if (t.selfClosing) continue;
    depth += t.closing ? -1 : 1;
    if (depth === 0) {
      blocks.push({ name: open!.name, open: open!.raw, html: html.slice(blockStart, t.end) });
      cursor = t.end;
    }
  }
  if (depth > 0 && open) {
    blocks.push({ name: open.name, open: open.raw, html: html.slice(blockStart) });
  } else {
    pushText(cursor, html.length);
  }
  return blocks;
}

/**
 * Removes every element whose start tag matches `test` (with its whole subtree) and returns
 * the rest plus the removed elements' HTML, in document order.
 */
export function extractElements(html: string, test: (startTag: string, name: string) => boolean): { rest: string; removed: string[] } {
  const removed: string[] = [];
  let rest = '';
  let cursor = 0;
  const all = tags(html);
  for (let i = 0; i < all.length; i++) {
    const t = all[i]!;
    if (t.closing || t.start < cursor || !test(t.raw, t.name)) continue;
    let end = html.length;
    if (t.selfClosing) end = t.end;
    else {
      let depth = 1;
      for (let j = i + 1; j < all.length; j++) {
        const u = all[j]!;
        if (u.selfClosing) continue;
        depth += u.closing ? -1 : 1;
        if (depth === 0) {
          end = u.end;
          break;
        }
      }
    }
    rest += html.slice(cursor, t.start);
    removed.push(html.slice(t.start, end));
    cursor = end;
  }
  rest += html.slice(cursor);
  return { rest, removed };
}

/** Inner HTML of an element string (`<x …>inner</x>` → `inner`). */
export function innerHtml(element: string): string {
  const open = element.indexOf('>');
  const close = element.lastIndexOf('</');
  if (open < 0) return '';
  return close > open ? element.slice(open + 1, close) : element.slice(open + 1);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Visible text of an HTML fragment (tags dropped, common entities decoded, whitespace collapsed). */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : all;
      }
      return ENTITIES[e] ?? all;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Does this start tag carry the attribute? */
export const hasAttr = (startTag: string, name: string): boolean => attr(startTag, name) !== undefined;

/** Does this start tag have the class? */
export const hasClass = (startTag: string, cls: string): boolean => (attr(startTag, 'class') ?? '').split(/\s+/).includes(cls);
