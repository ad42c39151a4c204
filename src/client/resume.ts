/**
 * Home page (issue 6, issue 16): turns "开始学习" into "继续学习" pointing where the learner should go
 * next — the last lesson and section while it is unfinished, else the next unfinished lesson
 * (src/lib/progress/summary.ts resumeTarget). Loaded by the home page only, so lesson pages do not
 * carry it. Any failure leaves the server-rendered link as it was.
 */
import { pick as fmt, readStrings } from '../i18n/format';
import { getProgressStore } from '../lib/progress/store';
import { resumeTarget } from '../lib/progress/summary';

function resume(p: HTMLElement) {
  const link = p.querySelector<HTMLAnchorElement>('a[data-start-link]');
  if (!link) return;
  const s = readStrings(p);
  type L = { id: string; title: string; url: string; quizIds?: string[] };
  let lessons: L[] = [];
  try {
    const v: unknown = JSON.parse(p.dataset.lessons ?? '[]');
    // quizIds (optional) is only looked up in the saved data, so it needs no check of its own.
    if (Array.isArray(v)) lessons = v.filter((x): x is L => x && typeof x.id === 'string' && typeof x.title === 'string' && typeof x.url === 'string');
  } catch {
    return;
  }
  const startText = link.textContent;
  const startHref = link.getAttribute('href');
  getProgressStore().subscribe((data) => {
    const target = resumeTarget(data, lessons);
    if (target) {
      link.textContent = `${fmt(s, 'home.resumeTo', { title: target.title })} →`;
      link.setAttribute('href', target.url);
      link.dataset.resume = target.lessonId;
    } else if (link.dataset.resume) {
      link.textContent = startText;
      if (startHref) link.setAttribute('href', startHref);
      delete link.dataset.resume;
    }
  });
}

try {
  const hero = document.querySelector<HTMLElement>('[data-resume]');
  if (hero) resume(hero);
} catch {
  /* progress is an extra: the page works without it */
}
