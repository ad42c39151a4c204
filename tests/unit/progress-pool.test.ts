import { describe, expect, it } from 'vitest';
import { certificateEligibility } from '../../src/lib/progress/certificate';
import { recordQuizAttempt, recordQuizPaper, recordScenarioPlay } from '../../src/lib/progress/records';
import { PROGRESS_VERSION, emptyProgress, mergeProgress, parseProgress, sanitizeProgress } from '../../src/lib/progress/schema';
import type { CourseIndex } from '../../src/lib/progress/summary';

const index: CourseIndex = {
  modules: [{ id: 'm', title: '单元', number: 1, lessons: [{ id: 'm/a', title: '课', minutes: 5, url: '/a/', quizIds: [] }] }],
  quizzes: [{ id: 'final', title: '结业测评', lessonId: 'm/a', passingScore: 0.8, maxScore: 4, pool: true, questions: [] }],
  scenarios: [],
  finalQuizId: 'final',
};
const attempt = (score: number, ids: string[], full = true) => ({
  quizId: 'final',
  score,
  maxScore: ids.length,
  passed: score / ids.length >= 0.8,
  answers: Object.fromEntries(ids.map((id) => [id, 0])),
  wrongIds: [],
  at: 100,
  paper: { seed: 7, ids, full },
});

describe('progress v2: drawn papers and the certificate', () => {
  it('stores a drawn paper before it is answered, and marks it answered with the attempt', () => {
    let d = recordQuizPaper(emptyProgress(), 'final', { seed: 7, ids: ['a', 'b', 'c', 'd'] }, 4, 50);
    expect(d.quizzes.final).toMatchObject({ attempts: 0, paper: { seed: 7, ids: ['a', 'b', 'c', 'd'], answered: false }, lastAnswers: {} });
    d = recordQuizAttempt(d, attempt(3, ['a', 'b', 'c', 'd']));
    expect(d.quizzes.final).toMatchObject({ attempts: 1, paper: { seed: 7, answered: true }, lastAnswers: { a: 0 } });
    // A retake draws a new paper: old answers go, scores stay.
    d = recordQuizPaper(d, 'final', { seed: 9, ids: ['e', 'f', 'g', 'h'] }, 4, 200);
    expect(d.quizzes.final).toMatchObject({ attempts: 1, bestScore: 3, paper: { seed: 9, answered: false }, lastAnswers: {} });
  });
  it('needs a passed FULL draw for the certificate', () => {
    const done = (d: ReturnType<typeof emptyProgress>) => ((d.lessons['m/a'] = { status: 'done', updatedAt: 1 }), d);
    expect(certificateEligibility(done(recordQuizAttempt(emptyProgress(), attempt(2, ['a', 'b', 'c', 'd']))), index).eligible).toBe(false);
    expect(certificateEligibility(done(recordQuizAttempt(emptyProgress(), attempt(4, ['a', 'b', 'c', 'd'], false))), index).eligible).toBe(false);
    const ok = done(recordQuizAttempt(emptyProgress(), attempt(4, ['a', 'b', 'c', 'd'])));
    expect(ok.quizzes.final!.passedDraw).toBe(true);
    expect(certificateEligibility(ok, index)).toMatchObject({ eligible: true, final: { state: 'passed' } });
    // A pass saved before the final became a pool (no passedDraw) does not count.
    const legacy = done(emptyProgress());
    legacy.quizzes.final = { attempts: 1, bestScore: 4, maxScore: 4, lastScore: 4, passed: true, lastAnswers: {}, wrong: {}, updatedAt: 1 };
    expect(certificateEligibility(legacy, index)).toMatchObject({ eligible: false, final: { state: 'failed' } });
    // A later failed retake keeps the earlier full pass.
    const later = recordQuizAttempt(structuredClone(ok), { ...attempt(1, ['e', 'f', 'g', 'h']), at: 300 });
    expect(certificateEligibility(later, index).eligible).toBe(true);
  });
  it('sanitises papers and runs robustly, dropping only the bad parts', () => {
    const d = sanitizeProgress({
      version: PROGRESS_VERSION,
      quizzes: {
        good: { attempts: 1, bestScore: 1, maxScore: 2, paper: { seed: 5, ids: ['a', 'b'], answered: true }, passedDraw: true },
        badPaper: { attempts: 1, bestScore: 1, maxScore: 2, paper: { seed: -1, ids: ['a'] } },
        dupIds: { attempts: 1, bestScore: 1, maxScore: 2, paper: { seed: 1, ids: ['a', 'a'] } },
        noIds: { attempts: 1, bestScore: 1, maxScore: 2, paper: { seed: 1, ids: 'a' }, passedDraw: 'yes' },
      },
      scenarios: { s: { plays: 2, bestScore: 3, runs: [{ choices: [0, 1], ending: 'good', score: 3, at: 5 }, { choices: ['x'], ending: 'e', score: 1, at: 1 }, 'junk'] } },
    });
    expect(d.quizzes.good!.paper).toEqual({ seed: 5, ids: ['a', 'b'], answered: true });
    expect(d.quizzes.good!.passedDraw).toBe(true);
    for (const k of ['badPaper', 'dupIds', 'noIds']) {
      expect(d.quizzes[k], k).toBeTruthy();
      expect(d.quizzes[k]!.paper, k).toBeUndefined();
      expect(d.quizzes[k]!.passedDraw, k).toBeUndefined();
    }
    expect(d.scenarios.s!.runs).toEqual([{ choices: [0, 1], ending: 'good', score: 3, at: 5 }]);
  });
  it('migrates a version-1 document, which a version-2 document never is', () => {
    const v1 = JSON.stringify({ version: 1, quizzes: { q: { attempts: 1, bestScore: 1, maxScore: 1, passed: true } }, scenarios: {}, lessons: {} });
    expect(parseProgress(v1)).toMatchObject({ status: 'ok', data: { version: PROGRESS_VERSION, quizzes: { q: { passed: true } } } });
    expect(PROGRESS_VERSION).toBe(2);
  });
  it('merges: the newer paper wins, passedDraw and runs are kept from both', () => {
    const a = recordQuizAttempt(emptyProgress(), attempt(4, ['a', 'b', 'c', 'd']));
    const b = recordQuizPaper(emptyProgress(), 'final', { seed: 11, ids: ['e', 'f', 'g', 'h'] }, 4, 500);
    const m = mergeProgress(a, b);
    expect(m.quizzes.final).toMatchObject({ passedDraw: true, paper: { seed: 11 } });
    const s1 = recordScenarioPlay(emptyProgress(), { scenarioId: 's', score: 3, maxScore: 5, path: ['n1', 'e'], ending: 'good', choices: [0], at: 1 });
    const s2 = recordScenarioPlay(emptyProgress(), { scenarioId: 's', score: 1, maxScore: 5, path: ['n1', 'e'], ending: 'bad', choices: [1], at: 2 });
    expect(mergeProgress(s1, s2).scenarios.s!.runs!.map((r) => r.ending)).toEqual(['good', 'bad']);
  });
});
