/**
 * The SCORM launch shell (issue 14): scorm-launch.html, the one file the package's manifest
 * launches. Only in the package (bundled by scripts/package-scorm.mjs); the ordinary site has none.
 *
 * Why a shell: a SCORM content object must call Initialize once per launch and Terminate exactly
 * once, but the course is a multi-page site — every link would unload the page that opened the
 * session. The shell stays loaded for the whole launch, holds the LMS session, and shows the course
 * pages in an iframe; the pages reach it as their parent (same origin, inside the package) and use
 * its storage for progress (src/lib/progress/store.ts), so the LMS, not the browser, keeps it.
 *
 * Flow: find the API (src/lib/scorm/api.ts) → Initialize → restore progress from cmi.suspend_data
 * and the bookmark → open the bookmarked lesson (or the home page) in the frame → on every change
 * of progress set the CMI elements (src/lib/scorm/cmi.ts); commit at once when status, score or
 * suspend data changed, else (only the bookmark) within a few seconds → on leaving: session time,
 * exit "suspend", commit, Terminate (once). No LMS found: the plain site (index.html), whose
 * pages then keep progress in the browser. LMS errors: console and a quiet notice; the course
 * keeps working.
 */
import { findApi, lmsSession, type LmsSession, type ScormVersion, type WindowLike } from '../../lib/scorm/api';
import { cmiElements, courseResult, parseLocation, sessionTime, suspendIndex } from '../../lib/scorm/cmi';
import { decodeSuspend } from '../../lib/scorm/suspend';
import { parseProgress, type ProgressData } from '../../lib/progress/schema';
import { progressKeys, SCORM_HOST, type StorageLike } from '../../lib/progress/store';
import { packageRelative, PACKAGE_BASE } from '../../lib/paths';
import type { CourseIndex } from '../../lib/progress/summary';

const BOOKMARK_COMMIT_MS = 5000;
const root = document.documentElement;
const version = (root.dataset.scorm === '1.2' ? '1.2' : '2004') as ScormVersion;
const notice = document.querySelector<HTMLElement>('[data-scorm-notice]');
const frame = document.querySelector<HTMLIFrameElement>('iframe[data-course]');

function warn(where: string, lms: LmsSession) {
  const err = lms.lastError();
  if (!err) return;
  console.warn(`SCORM ${version}: ${where} failed: ${err}`);
  if (notice) {
    notice.textContent = (notice.dataset.template ?? '{error}').replace('{error}', err);
    notice.hidden = false;
  }
}

async function start() {
  const api = findApi(window as unknown as WindowLike, version);
  if (!api) {
    // No LMS: the course as the plain site.
    location.replace('index.html');
    return;
  }
  const lms = lmsSession(api, version);
  const started = Date.now();
  if (!lms.initialize()) warn('Initialize', lms);

  let index: CourseIndex | null = null;
  try {
    index = ((await (await fetch('scorm-course.json')).json()) as { index: CourseIndex }).index;
  } catch (e) {
    console.warn('SCORM: course index not loaded', e);
  }
  const sIndex = index ? suspendIndex(index) : null;
  const key = progressKeys(PACKAGE_BASE).key!;
  const suspend = lms.get('cmi.suspend_data');
  let data: ProgressData = sIndex && suspend ? decodeSuspend(suspend, sIndex) : parseProgress(null).data;
  const bookmark = parseLocation(lms.get(version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location'));
  if (bookmark && !data.lastVisit) data.lastVisit = { ...bookmark, at: Date.now() };

  const sent = new Map<string, string>();
  let bookmarkTimer: number | undefined;
  let terminated = false;
  const commit = () => {
    if (bookmarkTimer !== undefined) window.clearTimeout(bookmarkTimer);
    bookmarkTimer = undefined;
    if (!terminated && !lms.commit()) warn('Commit', lms);
  };
  /** Sets what changed; commits at once unless only the bookmark moved. */
  const report = () => {
    if (!index || terminated) return;
    let meaningful = false;
    for (const [el, value] of cmiElements(courseResult(data, index), version)) {
      if (sent.get(el) === value) continue;
      if (lms.set(el, value)) sent.set(el, value);
      else warn(`SetValue ${el}`, lms);
      if (!/location$/.test(el)) meaningful = true;
    }
    if (meaningful) commit();
    else if (bookmarkTimer === undefined) bookmarkTimer = window.setTimeout(commit, BOOKMARK_COMMIT_MS);
  };
  // The values the LMS already holds count as sent (nothing to write on a plain relaunch).
  if (suspend) sent.set('cmi.suspend_data', suspend);

  const storage: StorageLike = {
    getItem: (k) => (k === key ? JSON.stringify(data) : null),
    setItem(k, value) {
      if (k !== key) return;
      data = parseProgress(value).data;
      report();
    },
  };
  (window as unknown as Record<string, unknown>)[SCORM_HOST] = { storage };

  const leave = () => {
    if (terminated) return;
    report();
    if (!lms.set(version === '1.2' ? 'cmi.core.session_time' : 'cmi.session_time', sessionTime(Date.now() - started, version))) warn('SetValue session_time', lms);
    if (!lms.set(version === '1.2' ? 'cmi.core.exit' : 'cmi.exit', 'suspend')) warn('SetValue exit', lms);
    commit();
    terminated = true;
    if (!lms.terminate()) warn(version === '1.2' ? 'LMSFinish' : 'Terminate', lms);
  };
  window.addEventListener('pagehide', leave);
  window.addEventListener('beforeunload', leave);

  const first = data.lastVisit && index?.modules.some((m) => m.lessons.some((l) => l.id === data.lastVisit!.lessonId))
    ? packageRelative(`${PACKAGE_BASE}learn/${data.lastVisit.lessonId}/${data.lastVisit.section ? `#${encodeURIComponent(data.lastVisit.section)}` : ''}`, './')
    : 'index.html';
  report();
  if (frame) frame.src = first;
}

start().catch((e: unknown) => console.warn('SCORM: launch failed', e));
