// @ts-check
/**
 * The one JavaScript budget of the site: every built page belongs to exactly one page type, and
 * each page type has one row here with its budgets. Used by `npm run size` (scripts/size.mjs) and
 * `npm run audit` (scripts/audit.mjs); measured by ./js-weight.mjs, which follows static imports,
 * dynamic imports and workers (`new Worker(new URL(…))`) from the built pages.
 *
 * Three numbers per page, gzip -9, each file counted once:
 *  - island: island code fetched with the page (client:load/idle/visible), with the island
 *    runtime, Preact, and whatever it imports or starts (dynamic imports, workers);
 *  - interaction: island code fetched only when the reader acts (client:intent: the header search
 *    box, with the search worker it starts), minus what the page already loaded;
 *  - site: the page's other scripts (theme toggle, menu, tooltips, progress marks, the slide deck).
 * The heaviest page of each type counts. A page that matches no row, or a row that matches no
 * page, is an error: no page goes unweighed and no row reads "n/a".
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { jsWeight } from './js-weight.mjs';

export const KB = 1024;

/**
 * The original budgets (from the feature issues and the first audit): quiz lesson 20 KB with
 * Preact; the search page 30 KB (15 KB + Preact and lunr); site script 2 KB; no island code on
 * pages without an exercise. Every budget above its original says why in `why`.
 * @typedef {{ type: string, match: (p: Page) => boolean, island: number, interaction: number, site: number, why?: string, everyPage?: boolean, offline?: number }} Row
 * @typedef {{ path: string, html: string }} Page
 */
const SEARCH_ON_USE = 28 * KB;
const searchWhy =
  'interaction 28 KB: the header search box is the search page\'s island (original 30 KB: 15 KB + Preact and lunr), now with the search worker (engine + lunr, 11.2 KB) counted; loads only when the reader uses search.';
const progressWhy =
  'site 7 KB (original 2 KB: theme toggle, menu, tooltips): the outline\'s learned/unlearned marks and the 继续学习 link read saved progress ' +
  '(progress store + summary, 4 KB gzip, no Preact; with storage keys scoped to the deployment and the migration from the old key, 6.0 KB measured).';

const readingWhy =
  ' Issue 16 (feat/reference): the lesson page\'s reading aids (lesson-reading.ts: land on a search match with the CSS highlight, 本课目录 current section, ' +
  'time left, bookmarks and notes per section with the progress store it shares), the tap-to-define term tips and the font-size button.';

/** Why several rows rose again when issue 16's branches were merged together (each met its row alone). */
const mergedWhy =
  ' Merged (issues 14, 16, 17 together): the progress store now validates and merges both the per-question outcomes (weak spots, 错题本) and the bookmarks and notes, ' +
  'and the shared string table grew with every feature; each island that saves progress grew 0.4–0.6 KB over its branch\'s figure.';

/** @type {Row[]} */
export const JS_BUDGET = [
  { type: 'home', match: (p) => p.path === '/', island: 0, interaction: SEARCH_ON_USE, site: 7 * KB, why: `${progressWhy} Home back at 7 KB after the merge of issues 14–17 (measured 6.1 KB: the home page no longer loads the outline/lesson progress script it never used). Since issue 16: each unit card shows the learner's share of lessons done, read from the shared /course-index.json (loader, shape check, shares: 1.0 KB gzip, measured 7.2 KB), and the font-size button and the optional bookmarks/notes in the progress store. ${searchWhy}` },
  // Same layout as a lesson, never an exercise: it holds the "no island code without an exercise" line. (A lesson
  // without a quiz would match no row and fail until it is given one, with island 0.)
  { type: 'module page', match: (p) => /^\/learn\/[^/]+\/$/.test(p.path), island: 0, interaction: SEARCH_ON_USE, site: 8 * KB, why: 'site 8 KB: as on the home page (measured 7.7 KB after issue 16).' },
  {
    type: 'lesson (quiz)',
    match: (p) => isLesson(p) && hasQuiz(p) && !hasScenario(p),
    island: 24 * KB,
    interaction: SEARCH_ON_USE,
    site: 8 * KB,
    why:
      'island 23 KB (original 20 KB; 22 KB before issue 16 added the confirm before checking with unanswered questions, the 下一课 → step after a pass and the 错题本 link, +0.9 KB): issue 11 added a sixth question kind (best/worst judgement), the last answers and their feedback restored after a reload, ' +
      'and on the final assessment the stratified draw of a paper from the pool (measured 21.7 KB there, the heaviest page of this type). ' +
      'site 7 KB (original 2 KB; 4 KB before issue 16, measured 3.7 KB): the lesson page marks progress (mark as learned, save the section being read) with the progress store.' +
      readingWhy +
      ' Budget 8 KB: measured 6.4 KB on feat/reference, 7.2 KB with main\'s issue-16 course data merged in.' + mergedWhy,
  },
  {
    type: 'case lesson (quiz + scenario)',
    match: (p) => isLesson(p) && hasScenario(p),
    island: 27 * KB,
    interaction: SEARCH_ON_USE,
    site: 8 * KB,
    why:
      'island 26 KB (original 20 KB for the quiz): a case lesson carries a second island, the branching scenario, sharing Preact with the quiz; ' +
      'since issue 11 the scenario has state (variables, conditions on choices, text variants and endings, past runs) and the quiz the judgement kind (measured 23.8 KB); ' +
      'issue 16 added choice quality with x/max per step, the story so far, stepping back, the path review with better choices and the endings found (+1.1 KB, measured 24.9 KB). ' +
      'site 8 KB: as on a quiz lesson (measured 7.2 KB).' + mergedWhy,
  },
  {
    type: 'presentation (slides)',
    match: (p) => /^\/learn\/[^/]+\/[^/]+\/present\/$/.test(p.path),
    island: 21 * KB,
    interaction: 0,
    site: 3.5 * KB,
    why:
      'island 21 KB (quiz lesson: 20 KB): the live quiz (show of hands tally with best/worst votes, countdown, reveal, shuffled options, labelled bars) and, on case decks, the live scenario ' +
      'with class votes and its variables; each hydrates only when its slide is shown. Before, the two islands carried the whole string table through t() (measured 27.5 KB); ' +
      'they now get the strings they show as a prop, as the quiz islands do (measured 19.1 KB). ' +
      'site 3 KB: the deck (keys, swipe, URL, fullscreen, refit when a slide changes size) and the presenter sync.' + mergedWhy,
  },
  {
    type: 'presenter view',
    match: (p) => /^\/learn\/[^/]+\/[^/]+\/presenter\/$/.test(p.path),
    island: 0,
    interaction: 0,
    site: 5 * KB,
    why:
      'site 4.5 KB: the presenter view (current and next slide, notes, timer) and the sync with the audience window; no Preact. ' +
      'Measured 3.7 KB before issue 16, 4.2 KB after: the notes\' glossary terms open in place on a tap (term-tips) and the theme script sets the font size.' + mergedWhy,
  },
  {
    type: 'search page',
    match: (p) => p.path === '/search/',
    island: 30 * KB,
    interaction: 2 * KB,
    site: 2 * KB,
    why: 'interaction 2 KB (original 0): since issue 16 the search page keeps the header search box (a balanced header); its own code beyond the page\'s island, measured 1.4 KB, loads only when used.',
  },
  { type: 'glossary', match: (p) => p.path === '/glossary/', island: 0, interaction: SEARCH_ON_USE, site: 2 * KB },
  {
    type: 'progress',
    match: (p) => p.path === '/progress/',
    island: 22 * KB,
    interaction: SEARCH_ON_USE,
    site: 2 * KB,
    why: 'island 22 KB (new page type, 20 KB until issue 16 added consolidated weak spots, the folded list of unattempted quizzes and the one time format, +0.5 KB, and issue 17 the shared course-index loader; measured 21.3 KB): the dashboard island (Preact + progress store); the store also validates and merges the optional bookmarks and notes.',
  },
  {
    type: 'certificate',
    match: (p) => p.path === '/certificate/',
    island: 21 * KB,
    interaction: SEARCH_ON_USE,
    site: 2 * KB,
    why: 'island 21 KB (new page type; 20 KB before issue 17): the certificate island (Preact + progress store), held to the quiz lesson budget; plus the loader and shape check of the shared /course-index.json (0.7 KB gzip), which replaced the whole course embedded in the page (1.6 MB of HTML at 1,000 lessons).',
  },
  {
    type: 'mistakes (错题本)',
    match: (p) => p.path === '/mistakes/',
    island: 24 * KB,
    interaction: SEARCH_ON_USE,
    site: 2 * KB,
    why: 'island 24 KB (new page type, issue 16): the 错题本 island retries missed questions in place with the quiz\'s question views (every kind) and the progress store, held to the quiz lesson budget (measured 22.9 KB); its questions are fetched as JSON, not code.' + mergedWhy,
  },
  { type: 'teach pages', match: (p) => p.path.startsWith('/teach/'), island: 0, interaction: SEARCH_ON_USE, site: 2 * KB },
  {
    type: 'cases index',
    match: (p) => p.path === '/cases/',
    island: 0,
    interaction: SEARCH_ON_USE,
    site: 6 * KB,
    why: 'site 6 KB (original 2 KB): issue 16 shows on each case whether the learner has played its scenario and the endings found, read from saved progress (progress store, no Preact; measured 5.0 KB).',
  },
  { type: 'other pages (index, 404)', match: (p) => ['/principles/', '/404.html'].includes(p.path), island: 0, interaction: SEARCH_ON_USE, site: 2 * KB },
  {
    // Not a page type: the offline course's script on every page (js-weight.mjs OFFLINE_SCRIPT).
    type: 'offline: service worker registration (every page)',
    everyPage: true,
    match: () => true,
    island: 0,
    interaction: 0,
    site: 0,
    offline: 1.5 * KB,
    why:
      'offline 1.5 KB (new, issue 14): registers the service worker and shows the 有新版本 notice (src/client/offline/sw-register.ts); ' +
      'a small module of its own on every page that waits for the load event and an idle browser before it does anything.',
  },
];

const isLesson = (/** @type {Page} */ p) => /^\/learn\/[^/]+\/[^/]+\/$/.test(p.path);
/** A quiz or a scenario (both are placed with data-quiz-id). */
export const hasQuiz = (/** @type {Page} */ p) => /\sdata-quiz-id="/.test(p.html);
const hasScenario = (/** @type {Page} */ p) => /\sdata-quiz-kind="scenario"/.test(p.html);
const QUIZ_CODE = /\/(QuizIsland|QuizPoolIsland|ScenarioIsland)\.[\w-]+\.js$/;

/** @param {string} dir @returns {string[]} */
const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));

/**
 * The built site: its pages (path without the base, HTML) and a reader for its asset URLs.
 * @param {string} outDir
 */
export function readSite(outDir) {
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`${outDir}/index.html missing: run \`npm run build\` first.`);
  const pages = walk(outDir)
    .filter((f) => f.endsWith('index.html') || relative(outDir, f) === '404.html')
    .map((f) => ({ file: f, path: '/' + relative(outDir, f).split('\\').join('/').replace(/index\.html$/, ''), html: readFileSync(f, 'utf8') }));
  /** The site's base path ("/" or "/course/"), from the home page. */
  const base = /<html[^>]*\sdata-base="([^"]*)"/.exec(pages.find((p) => p.path === '/')?.html ?? '')?.[1] ?? '/';
  /** @param {string} url */
  const readAsset = (url) => {
    const rel = url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, '');
    const f = join(outDir, rel.split('?')[0] ?? '');
    return existsSync(f) && statSync(f).isFile() ? readFileSync(f, 'utf8') : null;
  };
  return { pages, base, readAsset };
}

const fmt = (/** @type {number} */ b) => (b === 0 ? '0 B' : b < KB ? `${b} B` : `${(b / KB).toFixed(1)} KB`);

/**
 * Weighs every page against the table. Returns printable rows and the list of failures.
 * @param {string} outDir
 */
export function checkJsBudget(outDir) {
  const { pages, readAsset } = readSite(outDir);
  /** @type {string[]} */
  const failures = [];
  const weighed = pages.map((p) => ({ p, w: jsWeight(p.html, readAsset), rows: JS_BUDGET.filter((r) => !r.everyPage && r.match(p)) }));
  // The site has a service worker (scripts/lib/service-worker.mjs): every page must load its registration.
  const offline = existsSync(join(outDir, 'sw.js'));
  for (const { p, rows } of weighed) {
    if (rows.length !== 1) failures.push(`${p.path}: matches ${rows.length ? rows.map((r) => `"${r.type}"`).join(' and ') : 'no row'} of the JS budget table (scripts/lib/js-budget.mjs); every page needs exactly one`);
  }
  for (const { p, w } of weighed) {
    for (const m of w.missing) failures.push(`${p.path}: script ${m} is not in ${outDir}`);
    // A page that places no quiz or scenario loads none of their code, not even later.
    if (!hasQuiz(p)) for (const f of w.files.filter((u) => QUIZ_CODE.test(u))) failures.push(`${p.path} places no quiz but loads ${f}`);
  }
  const table = [];
  for (const row of JS_BUDGET) {
    if (row.everyPage) {
      const budget = row.offline ?? 0;
      const heaviest = weighed.reduce((a, b) => (b.w.offline > a.w.offline ? b : a));
      const over = weighed.filter(({ w }) => w.offline > budget);
      const without = offline ? weighed.filter(({ w }) => w.offline === 0) : [];
      for (const { p } of without.slice(0, 3)) failures.push(`${row.type}: ${p.path} does not load it, but ${outDir}/sw.js exists (${without.length} page(s))`);
      if (over.length) failures.push(`${row.type} ${heaviest.p.path}: offline JS ${fmt(heaviest.w.offline)} > budget ${fmt(budget)} (${over.length} page(s))`);
      table.push({ 'page type': row.type, pages: weighed.length, island: '—', 'on interaction': '—', site: '—', offline: `${fmt(heaviest.w.offline)} / ${fmt(budget)}`, ok: over.length || without.length ? '✖' : '✔' });
      continue;
    }
    const list = weighed.filter((x) => x.rows.length === 1 && x.rows[0] === row);
    if (list.length === 0) {
      failures.push(`JS budget row "${row.type}" matches no built page: remove it or fix its match`);
      continue;
    }
    const worst = (/** @type {'island' | 'onInteraction' | 'site'} */ k) => list.reduce((a, b) => (b.w[k] > a.w[k] ? b : a));
    const cols = /** @type {const} */ ([
      ['island', 'island'],
      ['onInteraction', 'interaction'],
      ['site', 'site'],
    ]);
    let ok = true;
    for (const [k, budgetKey] of cols) {
      const budget = row[budgetKey];
      const over = list.filter(({ w }) => w[k] > budget).sort((a, b) => b.w[k] - a.w[k]);
      if (over.length) {
        ok = false;
        const top = over[0];
        const more = over.length > 1 ? ` (and ${over.length - 1} more page(s) of this type)` : '';
        failures.push(`${row.type} ${top?.p.path}: ${budgetKey} JS ${fmt(top?.w[k] ?? 0)} > budget ${fmt(budget)}${more}`);
      }
    }
    table.push({
      'page type': row.type,
      pages: list.length,
      island: `${fmt(worst('island').w.island)} / ${fmt(row.island)}`,
      'on interaction': `${fmt(worst('onInteraction').w.onInteraction)} / ${fmt(row.interaction)}`,
      site: `${fmt(worst('site').w.site)} / ${fmt(row.site)}`,
      ok: ok ? '✔' : '✖',
    });
  }
  const reasons = JS_BUDGET.filter((r) => r.why).map((r) => `  ${r.type}: ${r.why}`);
  return { table, failures, reasons, weighed };
}

/** Prints the table (measured / budget per column) and the reasons for budgets above the originals. */
export function printJsBudget(/** @type {ReturnType<typeof checkJsBudget>} */ res) {
  console.log('\nJavaScript per page type, gzip, heaviest page of each type: measured / budget (scripts/lib/js-budget.mjs).');
  console.log('island = with the page (islands, their runtime, Preact, dynamic imports and workers); on interaction = client:intent');
  console.log('islands (header search box + search worker) not already loaded; site = other scripts; offline = the service worker registration (runs once the page is loaded and idle).');
  console.table(res.table);
  console.log('Budgets above the originals (quiz lesson 20 KB, search page 30 KB, site script 2 KB, 0 B without an island), and why:');
  for (const r of res.reasons) console.log(r);
}
