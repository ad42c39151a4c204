/**
 * Each unit's share of lessons done on the home page's unit cards (issue 16): [data-unit-progress]
 * inside [data-unit-progress-list] (strings in its data-strings). The course data comes from the shared /course-index.json, fetched only
 * once the learner has progress; without progress nothing is loaded. A page script of its own (not
 * part of progress-page.ts), so lesson pages do not carry it.
 */
import { pick, readStrings } from '../i18n/format';
import { loadCourseIndex } from './course-index';
import { getProgressStore, type ProgressStore } from '../lib/progress/store';
import { hasProgress } from '../lib/progress/summary';
import { moduleShares } from '../lib/progress/module-shares';

type Target = { el: HTMLElement; moduleId: string };

export function watchModuleShares(store: ProgressStore, targets: Target[], label: string, strings: Record<string, string>): void {
  if (!targets.length) return;
  store.subscribe((data) => {
    if (!hasProgress(data)) {
      for (const t of targets) t.el.textContent = '';
      return;
    }
    loadCourseIndex().then(
      (index) => {
        const shares = moduleShares(store.get(), index);
        for (const t of targets) {
          const s = shares.get(t.moduleId);
          if (!s) continue;
          t.el.textContent = pick(strings, label, s);
          t.el.dataset.done = String(s.done);
          t.el.dataset.complete = String(s.total > 0 && s.done === s.total);
        }
      },
      () => {
        /* the cards and outline work without their shares */
      },
    );
  });
}

try {
  const units = document.querySelector<HTMLElement>('[data-unit-progress-list]');
  if (units) {
    const targets = [...units.querySelectorAll<HTMLElement>('[data-unit-progress]')].map((el) => ({ el, moduleId: el.dataset.unitProgress ?? '' }));
    watchModuleShares(getProgressStore(), targets, 'coursemap.unitProgress', readStrings(units));
  }
} catch {
  /* the cards work without their shares */
}
