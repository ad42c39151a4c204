/**
 * AutoCorrect (autocorrect-node) as used by `npm run lint:text`: punctuation and spacing findings for
 * MDX and YAML content, and the safe --fix. Kept apart from scripts/lint-text.ts so that the unit tests
 * (tests/unit/textlint.test.ts) run it on bad samples. Why AutoCorrect: see scripts/lint-text.ts.
 */
import { createRequire } from 'node:module';
import { parse as parseYaml } from 'yaml';
import {
  mdxProseLines, yamlProseLines, isFlowLine, classifyAutocorrect, diffSpan, fixHalfwidthPunct, type Finding,
} from '../../src/lib/textlint/rules.ts';

const require = createRequire(import.meta.url);
const ac: {
  lintFor(text: string, file: string): { lines: { l: number; c: number; old: string; new: string }[]; error: string };
  formatFor(text: string, file: string): string;
  format(text: string): string;
  loadConfig(config: string): void;
} = (() => {
  try {
    return require('autocorrect-node');
  } catch (err) {
    // autocorrect-node ships native binaries for macOS (x64, arm64), Linux x64 (glibc, musl) and Windows x64
    throw new Error(`lint:text needs AutoCorrect (autocorrect-node), which has no binary for ${process.platform}-${process.arch} here: ${(err as Error).message}`);
  }
})();

// No spaces added around brackets or backticks (we want full-width （）, see halfwidth-punct), no
// spell-check (Latin words are rare here and mostly proper names).
ac.loadConfig(JSON.stringify({ rules: { 'space-bracket': 0, 'space-backticks': 0, 'space-dash': 0, spellcheck: 0 } }));

/** YAML lines whose text is syntax or ids (flow lists, non-prose keys): AutoCorrect findings there are dropped. */
function yamlLinesToCheck(src: string, offset = 0): Set<number> {
  const raw = src.split('\n');
  return new Set(yamlProseLines(src).filter((l) => !isFlowLine(raw[l.line - 1] ?? '')).map((l) => l.line + offset));
}

export function autocorrectFindings(file: string, src: string): Finding[] {
  const isMdx = file.endsWith('.mdx');
  const res = ac.lintFor(src, isMdx ? 'lesson.md' : 'data.yaml');
  if (res.error) return [{ file, line: 1, col: 1, rule: 'zh-punctuation', excerpt: '', message: `AutoCorrect 无法解析：${res.error}` }];
  let keep: Set<number> | null = null;
  if (!isMdx) keep = yamlLinesToCheck(src);
  else if (src.startsWith('---\n')) {
    const end = src.indexOf('\n---', 4);
    const fm = src.slice(4, end);
    const fmLines = fm.split('\n').length;
    const fmKeep = yamlLinesToCheck(fm, 1);
    keep = new Set([...fmKeep, ...Array.from({ length: src.split('\n').length }, (_, i) => i + 1).filter((n) => n > fmLines + 1)]);
  }
  const out: Finding[] = [];
  for (const l of res.lines) {
    if (keep && !keep.has(l.l)) continue;
    const d = diffSpan(l.old, l.new);
    out.push({ file, line: l.l, col: l.c + d.col - 1, rule: classifyAutocorrect(l.old, l.new), excerpt: d.from, context: l.old, message: `“${d.from}”应为“${d.to}”` });
  }
  // JSX attribute text shown to learners (box titles): AutoCorrect skips tag attributes.
  if (isMdx) {
    src.split('\n').forEach((line, i) => {
      for (const m of line.matchAll(/\btitle="([^"]*)"/g)) {
        const fixed = ac.format(m[1]);
        if (fixed !== m[1]) {
          const d = diffSpan(m[1], fixed);
          out.push({ file, line: i + 1, col: (m.index ?? 0) + 7 + d.col, rule: classifyAutocorrect(m[1], fixed), excerpt: d.from, context: line, message: `“${d.from}”应为“${d.to}”` });
        }
      }
    });
  }
  return out;
}

export function fixFile(file: string, src: string): string {
  const isMdx = file.endsWith('.mdx');
  const formatted = ac.formatFor(src, isMdx ? 'lesson.md' : 'data.yaml');
  const a = src.split('\n');
  const b = formatted.split('\n');
  if (a.length !== b.length) return src; // never risk a structural change
  const prose = new Set((isMdx ? mdxProseLines(src) : yamlProseLines(src)).map((l) => l.line));
  const out = a.map((line, i) => {
    if (!prose.has(i + 1) || isFlowLine(line)) return line;
    let next = b[i];
    if (isMdx) next = next.replace(/\btitle="([^"]*)"/g, (_m, t: string) => `title="${ac.format(t)}"`);
    return fixHalfwidthPunct(next);
  });
  const result = out.join('\n');
  if (!isMdx) {
    // the data must mean the same apart from the text: same keys, same list lengths
    const shape = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(shape) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)])) : typeof v;
    if (JSON.stringify(shape(parseYaml(src))) !== JSON.stringify(shape(parseYaml(result)))) return src;
  }
  return result;
}

