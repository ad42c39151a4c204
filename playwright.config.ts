import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * End-to-end tests run against the built site (dist/) served by `astro preview`.
 * Browser: Debian's Chromium when present (CHROMIUM_PATH, else the old headless shell
 * /usr/lib/chromium/chromium-headless-shell, else /usr/lib/chromium/chromium, /usr/bin/chromium), else
 * Playwright's own download; with neither, fail with a clear message. The headless shell is what
 * Playwright itself runs headless tests in (package chromium-headless-shell): the same Blink and V8
 * without the full browser's UI process, about a third less CPU per page on the per-page gates
 * (measured in the suite-time note of issue 13). The one test that needs the full browser (the
 * back/forward cache, which the shell lacks) launches E2E_FULL_CHROMIUM, set below.
 */
function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium-headless-shell', ...FULL_CHROMIUM];
  const found = candidates.find((p) => p && existsSync(p));
  if (found) return found;
  try {
    if (existsSync(chromium.executablePath())) return undefined; // Playwright's own browser
  } catch {
    /* no bundled browser either */
  }
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one: `apt-get install -y chromium chromium-headless-shell` (Debian/Ubuntu), ' +
      'or `npx playwright install chromium` where downloads are allowed, or set CHROMIUM_PATH to a Chromium binary.',
  );
}
const FULL_CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];
/** The full browser, for tests that need what the headless shell lacks (read by the worker processes). */
process.env.E2E_FULL_CHROMIUM ??= [process.env.CHROMIUM_PATH, ...FULL_CHROMIUM].find((p) => p && existsSync(p) && !p.includes('headless-shell')) ?? '';

const executablePath = findChromium();
const PORT = Number(process.env.E2E_PORT ?? 4329);
/** The same site built under a sub-path (`npm test` builds it into dist-base/ before this stage). */
const COURSE_PORT = Number(process.env.E2E_COURSE_PORT ?? PORT + 1000);
const COURSE_BASE = '/course/';
/** The unpacked SCORM packages and the test LMS page (`npm run package:scorm` writes dist-scorm/). */
const SCORM_PORT = Number(process.env.E2E_SCORM_PORT ?? PORT + 2000);
/**
 * A server already listening on a port is reused only when asked (E2E_REUSE_SERVER=1): by default
 * Playwright starts its own and fails if the port is taken, so a stale server (an old build, another
 * checkout) is never tested by mistake.
 */
const reuseExistingServer = process.env.E2E_REUSE_SERVER === '1';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // A failed test runs once more, with a trace (see `trace`), and the run fails all the same: a test
  // that passes only on its second try is flaky, and failOnFlakyTests counts it as a failure.
  retries: 1,
  failOnFlakyTests: true,
  // Two workers on these 2-core machines (Playwright's default would be one locally).
  workers: 2,
  // E2E_JSON=<file> also writes a JSON report (per-test durations, to find the slow tests).
  reporter: process.env.E2E_JSON ? [['list'], ['json', { outputFile: process.env.E2E_JSON }]] : [['list']],
  // Generous limits for a shared 2-core machine under load: they cost nothing when a test passes,
  // and a slow machine should not fail a correct page (baseline under load average 20: 12 timeouts).
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Traces are recorded only when a failed test is run again (retries: 1 above): recording every
    // test cost the browser tests 44 % more CPU and 37 % more time (two spec files, 2 workers: 163 vs
    // 113 CPU-s, 90 vs 66 s). E2E_TRACE=on records every test and keeps the traces of failures.
    trace: process.env.E2E_TRACE === 'on' ? 'retain-on-failure' : 'on-first-retry',
    // The site registers a service worker (issue 14) that precaches the whole course in the background:
    // blocked here so each test sees the network as it is and the server is not loaded with precaching;
    // tests/e2e/offline.spec.ts allows it and tests the offline course.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath,
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-default-apps',
        '--no-first-run',
        '--disable-quic',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      ],
    },
  },
  projects: [
    // The two small projects first: their tests are among the longest (a SCORM test answers a
    // 25-question paper in nested frames, about a minute), and Playwright hands out tests in project
    // order, so started last they ran alone at the end of the suite on a 2-core machine.
    {
      // SCORM 1.2 and 2004 packages run by scorm-again in a test LMS page (issue 14).
      name: 'scorm',
      testMatch: /scorm\.spec\.ts$/,
      use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${SCORM_PORT}` },
    },
    {
      // Smoke test of the deployment under a sub-path (GitHub Pages project sites, /course/ on a shared host).
      name: 'course-base',
      testMatch: /course-base\.spec\.ts$/,
      use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${COURSE_PORT}` },
    },
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /(course-base|scorm)\.spec\.ts$/ },
  ],
  webServer: [
    {
      command: `astro preview --port ${PORT} --host 127.0.0.1 --ignore-lock`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer,
      timeout: 60_000,
    },
    // Started only when that build exists; without it the /course/ smoke test fails and says how to build it.
    ...(existsSync('dist-base/index.html') ? [{
      command: `astro preview --port ${COURSE_PORT} --host 127.0.0.1 --ignore-lock`,
      env: { SITE_BASE: COURSE_BASE, ASTRO_OUT_DIR: './dist-base' },
      url: `http://127.0.0.1:${COURSE_PORT}${COURSE_BASE}`,
      reuseExistingServer,
      timeout: 60_000,
    }] : []),
    ...(existsSync('dist-scorm/scorm12/imsmanifest.xml') ? [{
      command: `node tests/e2e/scorm/serve.mjs ${SCORM_PORT}`,
      url: `http://127.0.0.1:${SCORM_PORT}/__host/host.html`,
      reuseExistingServer,
      timeout: 30_000,
    }] : []),
  ],
});
