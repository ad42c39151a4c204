#!/usr/bin/env node
// `npm run package:scorm` (issue 14): the course as SCORM 1.2 and SCORM 2004 4th edition packages.
//  1. builds the site with XTZD_PACKAGE=scorm (placeholder base /__xtzd__/, astro.config.mjs) into
//     dist-scorm/site/ — unless --no-build and that build exists;
//  2. makes every URL relative: HTML attributes and data under the placeholder base become paths
//     relative to the page (directories as …/index.html, since an LMS serves files, not directory
//     indexes); JS resolves its URLs at run time (src/lib/paths.ts runtimeUrl; relative chunk URLs
//     via Vite's renderBuiltUrl). Fails if anything absolute is left;
//  3. strips any service worker (the offline feature's; a package must not register one) and fails
//     if a registration is left; drops robots.txt and sitemaps;
//  4. adds the launch shell (scorm-launch.html + _scorm/shell.js, bundled from src/client/scorm/shell.ts);
//  5. writes imsmanifest.xml per version, validates it with xmllint against the ADL schemas, zips
//     (fflate) to dist-scorm/xtzd-scorm12.zip and dist-scorm/xtzd-scorm2004.zip, and unpacks both
//     for the runtime e2e (dist-scorm/scorm12/, dist-scorm/scorm2004/).
// Flags: --no-build (reuse dist-scorm/site), --validate-only <manifest> <1.2|2004>.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { zipSync, unzipSync } from 'fflate';
import { build as esbuild } from 'esbuild';
import { manifestXml, schemaFiles, validateManifest } from './lib/scorm-manifest.mjs';
import { zhCN } from '../src/i18n/zh-CN.ts';

const MARKER = '/__xtzd__/';
const OUT = 'dist-scorm';
const SITE = join(OUT, 'site');
const t0 = performance.now();
const args = process.argv.slice(2);

if (args[0] === '--validate-only') {
  const r = validateManifest(args[1], args[2]);
  console.log(r.output);
  process.exit(r.ok ? 0 : 1);
}

const fail = (msg) => {
  console.error(`✖ package:scorm: ${msg}`);
  process.exit(1);
};
const walk = (dir) =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
const posix = (p) => p.split(sep).join('/');

/* 1. build */
if (!args.includes('--no-build') || !existsSync(join(SITE, 'index.html'))) {
  rmSync(OUT, { recursive: true, force: true });
  const r = spawnSync('node', ['scripts/astro-build.mjs'], { stdio: 'inherit', env: { ...process.env, XTZD_PACKAGE: 'scorm', ASTRO_OUT_DIR: `./${SITE}` } });
  if (r.status !== 0) fail('the packaged build failed');
}
const site = readFileSync(join(SITE, 'index.html'), 'utf8');
const siteUrl = /<link rel="canonical" href="(https?:\/\/[^/"]+)/.exec(site)?.[1];

/* 2 + 3. relative URLs; no service worker */
const SW = /(^|\/)(sw\.js|service-worker\.js|workbox-[^/]*\.js|registerSW\.js|manifest\.webmanifest)$/;
for (const f of walk(SITE)) {
  const rel = posix(relative(SITE, f));
  if (SW.test(rel) || /^(robots\.txt|sitemap[^/]*\.xml)$/.test(rel)) {
    rmSync(f);
    continue;
  }
  if (rel.endsWith('.html')) {
    const depth = rel.split('/').length - 1;
    const root = depth ? '../'.repeat(depth) : './';
    let html = readFileSync(f, 'utf8');
    if (siteUrl) html = html.split(`${siteUrl}${MARKER}`).join(`${siteUrl}/`);
    // Not after ":" — the storage keys "xtzd:/__xtzd__/:…" (scopedName) stay as they are, also
    // inside the CSP-hashed inline theme script.
    html = html.replace(/(?<![\w.:/-])\/__xtzd__\/([^"'\s<>&)]*)/g, (url) => {
      const m = /^([^?#]*)(.*)$/.exec(url.slice(MARKER.length));
      const path = m[1];
      const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
      return `${root === './' ? '' : root}${file}${m[2]}`;
    });
    const left = html.replace(/xtzd:\/__xtzd__\/:/g, '').match(/.{0,60}\/__xtzd__\/.{0,30}/);
    if (left) fail(`an absolute URL is left in ${rel}: …${left[0]}…`);
    if (/navigator\.serviceWorker|serviceWorker\.register/.test(html)) fail(`${rel} registers a service worker`);
    writeFileSync(f, html);
  } else if (rel.endsWith('.css')) {
    if (readFileSync(f, 'utf8').includes(MARKER)) fail(`an absolute URL is left in ${rel}`);
  } else if (rel.endsWith('.js')) {
    if (/serviceWorker\.register/.test(readFileSync(f, 'utf8'))) fail(`${rel} registers a service worker`);
  }
}

/* 4. the launch shell */
mkdirSync(join(SITE, '_scorm'), { recursive: true });
await esbuild({
  entryPoints: ['src/client/scorm/shell.ts'],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  outfile: join(SITE, '_scorm', 'shell.js'),
  define: { 'import.meta.env.XTZD_PACKAGE': '"scorm"', 'import.meta.env.BASE_URL': JSON.stringify(MARKER) },
  logLevel: 'warning',
});
writeFileSync(
  join(SITE, '_scorm', 'shell.css'),
  `html,body{margin:0;height:100%;overflow:hidden;background:#fff;color:#1f1f1f;font-family:system-ui,sans-serif}
iframe{display:block;border:0;width:100%;height:100%}
.notice{position:fixed;inset-inline:1rem;inset-block-end:1rem;max-inline-size:36rem;margin-inline:auto;padding:.6rem .9rem;border:1px solid #8a6d00;border-radius:.4rem;background:#fff8e1;color:#3d3000;font-size:.9rem}
.notice[hidden]{display:none}
@media (prefers-color-scheme:dark){html,body{background:#15161a}.notice{background:#2f2a16;color:#f3e7b3;border-color:#c9a400}}
`,
);
const title = zhCN['site.name'];
const description = zhCN['site.description'];
const shellHtml = (version) => `<!doctype html>
<html lang="zh-CN" data-scorm="${version}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'">
<title>${title} · ${zhCN['site.tagline']}</title>
<link rel="stylesheet" href="_scorm/shell.css">
<script type="module" src="_scorm/shell.js"></script>
</head>
<body>
<iframe data-course title="${zhCN['scorm.frameTitle']}"></iframe>
<p class="notice" role="status" data-scorm-notice data-template="${zhCN['scorm.lmsError']}" hidden></p>
<noscript><p>${zhCN['scorm.noscript']}</p></noscript>
</body>
</html>
`;

/* 5. manifests, validation, zips */
const sizes = {};
for (const version of ['1.2', '2004']) {
  const name = version === '1.2' ? 'scorm12' : 'scorm2004';
  const files = {};
  for (const f of walk(SITE)) files[posix(relative(SITE, f))] = readFileSync(f);
  files['scorm-launch.html'] = Buffer.from(shellHtml(version));
  const listed = Object.keys(files).sort();
  const manifest = manifestXml({ version, title, description, launch: 'scorm-launch.html', files: listed });
  const manifestPath = join(OUT, `imsmanifest-${name}.xml`);
  writeFileSync(manifestPath, manifest);
  const v = validateManifest(manifestPath, version);
  if (!v.ok) fail(`imsmanifest.xml (SCORM ${version}) does not validate:\n${v.output}`);
  console.log(`✔ imsmanifest.xml (SCORM ${version}) validates against the ADL schemas (${listed.length} files listed)`);
  files['imsmanifest.xml'] = Buffer.from(manifest);
  for (const xsd of schemaFiles(version)) files[basename(xsd)] = readFileSync(xsd);
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([k, b]) => [k, new Uint8Array(b)])), { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
  const zipPath = join(OUT, `xtzd-${name}.zip`);
  writeFileSync(zipPath, zip);
  sizes[name] = zip.length;
  // Unpacked from the zip itself, so the runtime e2e tests exactly what an LMS receives.
  const dir = join(OUT, name);
  rmSync(dir, { recursive: true, force: true });
  for (const [p, data] of Object.entries(unzipSync(zip))) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), data);
  }
}
for (const [n, b] of Object.entries(sizes)) console.log(`  ${OUT}/xtzd-${n}.zip  ${(b / 1024 / 1024).toFixed(2)} MB`);
console.log(`package:scorm done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
