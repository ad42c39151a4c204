/**
 * Home page (issue 6, issue 16): turns "开始学习" into "继续学习" pointing where the learner should go
 * next — the last lesson and section while it is unfinished, else the next unfinished lesson
 * (src/lib/progress/summary.ts resumeTarget). Loaded by the home page only, so lesson pages do not
 * carry it. The lessons come from the shared /course-index.json (issue 17: the home page no longer
 * embeds them, so its HTML does not grow with the course), fetched only once the learner has
 * progress. Any failure (no network, a malformed index, corrupted progress) leaves the
 * server-rendered link as it was.
 */
import { pick as fmt, readStrings } from '../i18n/format';
import { runtimeUrl } from '../lib/paths';
import { getProgressStore } from '../lib/progress/store';
import { hasProgress, resumeTarget } from '../lib/progress/summary';
import { loadCourseIndex } from './course-index';

function resume(p: HTMLElement) {
  const link = p.querySelector<HTMLAnchorElement>('a[data-start-link]');
  if (!link) return;
  const s = readStrings(p);
  const startText = link.textContent;
  const startHref = link.getAttribute('href');
  const reset = () => {
    if (!link.dataset.resume) return;
    link.textContent = startText;
    if (startHref) link.setAttribute('href', startHref);
    delete link.dataset.resume;
  };
  const store = getProgressStore();
  store.subscribe((data) => {
    if (!hasProgress(data)) return reset();
    loadCourseIndex().then(
      (index) => {
        // The store's data now, not the data of the change that started the fetch (a later change may have come in).
        const target = resumeTarget(
          store.get(),
          index.modules.flatMap((m) => m.lessons),
        );
        if (!target) return reset();
        link.textContent = `${fmt(s, 'home.resumeTo', { title: target.title })} →`;
        // A packaged build's index holds URLs under its placeholder base: resolved where the package lives.
        link.setAttribute('href', runtimeUrl(target.url));
        link.dataset.resume = target.lessonId;
      },
      () => {
        /* the start link works without the index */
      },
    );
  });
}

try {
  const hero = document.querySelector<HTMLElement>('[data-resume]');
  if (hero) resume(hero);
} catch {
  /* progress is an extra: the page works without it */
}
