/**
 * 案例索引 (issue 16): per case lesson, whether the learner has played its scenario and the endings
 * found (by title; the rest as a count), from saved progress. Plain DOM, no framework; the server
 * passes the strings and each scenario's ending ids and titles in data-* attributes. Any failure
 * (no storage, corrupted data) leaves the server-rendered “not played” text as it was.
 */
import { format, readStrings } from '../i18n/format';
import { foundAmong } from '../lib/quiz/scenario';
import { getProgressStore } from '../lib/progress/store';

const list = document.querySelector<HTMLElement>('[data-case-progress]');
if (list) {
  const s = readStrings(list);
  try {
    getProgressStore().subscribe((data) => {
      for (const el of list.querySelectorAll<HTMLElement>('[data-case-scenario]')) {
        const rec = data.scenarios[el.dataset.caseScenario ?? ''];
        const out = el.querySelector<HTMLElement>('[data-case-status]');
        if (!out) continue;
        let endings: { id: string; title: string }[] = [];
        try {
          endings = JSON.parse(el.dataset.caseEndings ?? '[]') as { id: string; title: string }[];
        } catch {
          /* keep [] */
        }
        if (!rec || rec.plays < 1) {
          out.textContent = s['cases.notPlayed'] ?? '';
          out.dataset.played = 'false';
          continue;
        }
        const f = foundAmong(endings, rec.endings);
        out.textContent = format(s['cases.played'] ?? '', { n: rec.plays, e: f.found.length, total: f.total, titles: f.found.map((e) => e.title).join('、') });
        out.dataset.played = 'true';
      }
    });
  } catch {
    /* storage blocked: the page stays as rendered */
  }
}
