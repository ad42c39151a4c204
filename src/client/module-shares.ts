/**
 * Each module's share of lessons done where the page does not list the module's lessons (issue 16/17):
 * the home page's unit cards ([data-unit-progress]) and the outline's other modules
 * ([data-share-for] of a module without lesson items). The course data comes from the shared
 * /course-index.json, fetched only once the learner has progress; without progress nothing is loaded.
 */
import { pick } from '../i18n/format';
import { loadCourseIndex } from './course-index';
import type { ProgressStore } from '../lib/progress/store';
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
