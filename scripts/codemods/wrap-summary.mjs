// One-off, idempotent codemod: wraps the body of each lesson's "## 要点回顾" section in <Summary>,
// so the lesson pipeline finds the summary by its component (data-lesson-summary), not by the
// heading's words. Run: node scripts/codemods/wrap-summary.mjs [content/lessons]
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2] ?? 'content/lessons';
const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'));
let changed = 0;
for (const f of files) {
  const path = join(root, f);
  const lines = readFileSync(path, 'utf8').split('\n');
  const h = lines.findIndex((l) => /^##\s+要点回顾\s*$/.test(l));
  if (h < 0) continue;
  let end = lines.findIndex((l, i) => i > h && /^#{1,2}\s/.test(l));
  if (end < 0) end = lines.length;
  const body = lines.slice(h + 1, end);
  while (body.length && !body[0].trim()) body.shift();
  while (body.length && !body[body.length - 1].trim()) body.pop();
  if (!body.length || body[0].trim().startsWith('<Summary')) continue;
  const wrapped = ['', '<Summary>', '', ...body, '', '</Summary>', ...(end < lines.length ? [''] : [])];
  writeFileSync(path, [...lines.slice(0, h + 1), ...wrapped, ...lines.slice(end)].join('\n'));
  changed++;
  console.log(path);
}
console.log(`${changed} lesson(s) changed`);
