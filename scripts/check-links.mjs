#!/usr/bin/env node
// Checks every internal link, asset reference and #anchor in a built site resolves.
// Usage: node scripts/check-links.mjs <outDir> <base>
// A link that escapes the base (e.g. "/glossary/" when base is "/course/") is an error:
// it means some code bypassed the href() helper.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname, posix } from 'node:path';

const [outDir = 'dist', baseArg = '/'] = process.argv.slice(2);
const base = baseArg.endsWith('/') ? baseArg : `${baseArg}/`;

const walk = (dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)).filter((p) => statSync(p).isFile());
const files = walk(outDir);
const htmlFiles = files.filter((f) => f.endsWith('.html'));
const idCache = new Map();
function idsOf(file) {
  if (!idCache.has(file)) {
    const html = readFileSync(file, 'utf8');
    idCache.set(file, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decodeEntities(m[1]))));
  }
  return idCache.get(file);
}
function decodeEntities(s) {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

const problems = [];
let checked = 0;
for (const file of htmlFiles) {
  const html = readFileSync(file, 'utf8');
  const pagePath = '/' + relative(outDir, file).split('\\').join('/'); // e.g. /learn/x/index.html
  for (const m of html.matchAll(/\s(href|src|action)="([^"]*)"/g)) {
    const raw = decodeEntities(m[2]);
    if (!raw || /^(https?:|mailto:|tel:|data:|javascript:|blob:)/i.test(raw) || raw.startsWith('//')) continue;
    checked++;
    const [pathPart, hash] = raw.split('#');
    let target; // site path relative to outDir, with leading slash
    if (pathPart === '') {
      target = pagePath;
    } else if (pathPart.startsWith('/')) {
      if (!pathPart.startsWith(base)) {
        problems.push(`${relative(outDir, file)}: ${m[1]}="${raw}" is outside the base "${base}"`);
        continue;
      }
      target = '/' + pathPart.slice(base.length);
    } else {
      target = posix.normalize(posix.join(posix.dirname(pagePath), pathPart));
    }
    target = decodeURIComponent(target.split('?')[0]);
    let fsPath = join(outDir, target);
    if (target.endsWith('/')) fsPath = join(fsPath, 'index.html');
    else if (existsSync(fsPath) && statSync(fsPath).isDirectory()) fsPath = join(fsPath, 'index.html');
    if (m[1] === 'action' && target.endsWith('/') && !existsSync(fsPath)) {
      problems.push(`${relative(outDir, file)}: form action "${raw}" has no page`);
      continue;
    }
    if (!existsSync(fsPath)) {
      problems.push(`${relative(outDir, file)}: ${m[1]}="${raw}" → missing ${relative(outDir, fsPath)}`);
      continue;
    }
    if (hash && fsPath.endsWith('.html') && !idsOf(fsPath).has(decodeURIComponent(hash))) {
      problems.push(`${relative(outDir, file)}: ${m[1]}="${raw}" → no element with id "${decodeURIComponent(hash)}"`);
    }
  }
}
if (problems.length) {
  console.error(`✖ ${problems.length} broken internal link(s) in ${outDir} (base ${base}):`);
  for (const p of problems.slice(0, 80)) console.error('  ' + p);
  process.exit(1);
}
console.log(`✔ ${checked} internal links and anchors in ${htmlFiles.length} pages resolve (base ${base}).`);
