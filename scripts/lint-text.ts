/**
 * `npm run lint:text`: the Chinese text linter for every lesson, quiz, scenario, glossary and module
 * file (content/STYLE.md is the style sheet it enforces). Prints `file:line:col [rule] message` and a
 * count by rule; exits 1 on any finding that content/lint-waivers.yaml does not waive with a reason.
 *   npm run lint:text                 lint everything
 *   npm run lint:text -- --fix        apply the safe automatic fixes (spacing, full-width marks)
 *   npm run lint:text -- content/quizzes   only files under these paths
 *
 * Punctuation and spacing: AutoCorrect (autocorrect-node, https://github.com/huacnlee/autocorrect).
 * Tried against the alternatives on this course's files (2026-12):
 *  - zhlint 0.8.2 (default preset): Markdown only, so YAML keys were linted as prose (130 findings on
 *    one quiz file), and on lesson prose it asked for spaces outside full-width quotes “…” (33 of 33
 *    findings on understanding/concept.mdx were of that kind);
 *  - textlint: its CJK spacing/punctuation rules on the registry are written for Japanese
 *    (textlint-rule-ja-*), and there is no maintained Simplified-Chinese preset; MDX and YAML need two
 *    more plugins;
 *  - AutoCorrect (autocorrect-node 2.13.0, pinned: it is the newest release with binaries for macOS,
 *    Linux x64 and Windows; 2.14.0 ships Linux only) understands Markdown (front matter included) and YAML, reports line and column,
 *    has a formatter for --fix, and its findings on our files were all real (digits and Latin letters
 *    next to Chinese without a space, half-width marks after Chinese). Its one false positive — YAML
 *    flow lists `[淡化矛盾, 化干戈为玉帛]`, whose comma is syntax — is filtered below.
 * The project's own rules are in src/lib/textlint/rules.ts.
 */
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  mdxProseLines, yamlProseLines, lintProse, lessonPlan, objectiveLevels, discussionOpeners, discussionPrompts, parseTermTable, checkTermTable, validateWaivers, applyWaivers,
  type Finding, type GlossaryTerm,
} from '../src/lib/textlint/rules.ts';
import { autocorrectFindings, fixFile } from './lib/autocorrect-lint.ts';

const root = process.cwd();
const args = process.argv.slice(2);
const fix = args.includes('--fix');
const only = args.filter((a) => !a.startsWith('--')).map((a) => a.replace(/\/$/, ''));

function walk(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name), ext) : d.name.endsWith(ext) ? [join(dir, d.name)] : [],
  );
}
const rel = (p: string) => relative(root, p).split(sep).join('/');

const files = [
  ...walk(join(root, 'content/lessons'), '.mdx'),
  ...['quizzes', 'scenarios', 'glossary', 'modules'].flatMap((d) => walk(join(root, 'content', d), '.yaml')),
]
  .map(rel)
  .sort()
  .filter((f) => !only.length || only.some((o) => f === o || f.startsWith(o + '/')));

const glossary: GlossaryTerm[] = walk(join(root, 'content/glossary'), '.yaml').map((p) => {
  const g = parseYaml(readFileSync(p, 'utf8')) ?? {};
  return { id: p.split(sep).pop()!.replace(/\.yaml$/, ''), term: String(g.term ?? ''), aliases: (g.aliases ?? []).map(String) };
});
const stylePath = 'content/STYLE.md';
const terms = existsSync(stylePath) ? parseTermTable(readFileSync(stylePath, 'utf8')) : [];
const moduleIds = walk(join(root, 'content/modules'), '.yaml').map((p) => p.split(sep).pop()!.replace(/\.yaml$/, ''));
const lessonTitles = Object.fromEntries(
  walk(join(root, 'content/lessons'), '.mdx').map((p) => {
    const src = readFileSync(p, 'utf8');
    const title = /^title:\s*(.+)$/m.exec(src.slice(0, src.indexOf('\n---', 4)))?.[1]?.trim() ?? '';
    return [rel(p).replace(/^content\/lessons\//, '').replace(/\.mdx$/, ''), title];
  }),
);
const ctx = { terms, moduleIds, lessonTitles };

const findings: Finding[] = [...checkTermTable(terms, glossary, stylePath)];
const waiverPath = 'content/lint-waivers.yaml';
const { waivers, errors } = validateWaivers(existsSync(waiverPath) ? parseYaml(readFileSync(waiverPath, 'utf8')) : [], waiverPath);
findings.push(...errors);

let fixedFiles = 0;
const prompts: { file: string; line: number; text: string }[] = [];
for (const file of files) {
  let src = readFileSync(file, 'utf8');
  if (fix) {
    const next = fixFile(file, src);
    if (next !== src) {
      writeFileSync(file, next);
      fixedFiles++;
      src = next;
    }
  }
  findings.push(...autocorrectFindings(file, src));
  findings.push(...lintProse(file, file.endsWith('.mdx') ? mdxProseLines(src) : yamlProseLines(src), ctx));
  if (file.endsWith('.mdx') && src.startsWith('---\n')) {
    const fmText = src.slice(4, src.indexOf('\n---', 4));
    const line = fmText.split('\n').findIndex((l) => l.startsWith('instructorNotes:')) + 2 || 1;
    const fm = parseYaml(fmText) ?? {};
    findings.push(...lessonPlan(fm, line).map((x) => ({ file, ...x })));
    const objLine = fmText.split('\n').findIndex((l) => l.startsWith('objectives:')) + 2 || 1;
    findings.push(...objectiveLevels(fm.objectives, objLine).map((x) => ({ file, ...x })));
    prompts.push(...discussionPrompts(file, src));
  }
}
// across lessons; only meaningful when all lessons are linted
if (!only.length || only.some((o) => 'content/lessons'.startsWith(o) || o.startsWith('content/lessons'))) findings.push(...discussionOpeners(prompts));

const { kept, waived, unused } = applyWaivers(findings, waivers);
if (!only.length) for (const w of unused) kept.push({ file: waiverPath, line: 1, col: 1, rule: 'waiver', excerpt: w.file, message: `豁免（${w.file} · ${w.rule}${w.text ? ` · ${w.text}` : ''}）已不再匹配任何问题，请删除` });
kept.sort((x, y) => x.file.localeCompare(y.file) || x.line - y.line || x.col - y.col);
for (const f of kept) console.log(`${f.file}:${f.line}:${f.col} [${f.rule}] ${f.message}`);

const count = (list: Finding[]) => {
  const by: Record<string, number> = {};
  for (const f of list) by[f.rule] = (by[f.rule] ?? 0) + 1;
  return Object.entries(by).sort((x, y) => y[1] - x[1]).map(([r, n]) => `${r} ${n}`).join(', ') || '—';
};
if (fix) console.log(`--fix: ${fixedFiles} file(s) rewritten (spacing and full-width marks only; the other rules need an editor).`);
if (waived.length) {
  const byWaiver = new Map<string, number>();
  for (const f of waived) {
    const w = waivers.find((x) => applyWaivers([f], [x]).waived.length)!;
    byWaiver.set(`${w.file} · ${w.rule} — ${w.reason}`, (byWaiver.get(`${w.file} · ${w.rule} — ${w.reason}`) ?? 0) + 1);
  }
  console.log(`\n${waived.length} finding(s) waived (${count(waived)}):`);
  for (const [k, n] of byWaiver) console.log(`  ${n} × ${k}`);
}
console.log(`\ntext lint: ${files.length} files, ${kept.length} finding(s)${kept.length ? ` — ${count(kept)}` : ''}`);
process.exit(kept.length ? 1 : 0);
