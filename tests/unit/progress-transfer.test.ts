import { PROGRESS_VERSION } from '../../src/lib/progress/schema';
import { describe, expect, it } from 'vitest';
import { emptyProgress, type ProgressData } from '../../src/lib/progress/schema';
import { EXPORT_FORMAT, MAX_ENTRIES, MAX_IMPORT_CHARS, countEntries, exportFileName, exportProgress, mergeImport, parseImport } from '../../src/lib/progress/transfer';

const sample = (): ProgressData => {
  const d = emptyProgress();
  d.lessons['understanding/concept'] = { status: 'done', updatedAt: 10 };
  d.quizzes['understanding-concept'] = { attempts: 2, bestScore: 3, maxScore: 4, lastScore: 2, passed: true, lastAnswers: { q1: 1 }, wrong: { q2: 1 }, updatedAt: 10 };
  d.scenarios['case-xiaoli-negotiation'] = { plays: 1, bestScore: 5, maxScore: 9, paths: [['n1', 't-soft']], endings: ['t-soft'], updatedAt: 10 };
  d.lastVisit = { lessonId: 'understanding/concept', section: '要点回顾', at: 10 };
  return d;
};

describe('export', () => {
  it('round-trips through import unchanged', () => {
    const text = exportProgress(sample(), new Date('2026-01-02T03:04:05Z'));
    expect(JSON.parse(text)).toMatchObject({ format: EXPORT_FORMAT, version: PROGRESS_VERSION, exportedAt: '2026-01-02T03:04:05.000Z' });
    const r = parseImport(text);
    expect(r).toEqual({ ok: true, data: sample(), dropped: 0 });
  });
  it('names the file by date', () => {
    expect(exportFileName(new Date(2026, 0, 5))).toBe('xietiao-progress-2026-01-05.json');
  });
});

describe('import validation', () => {
  const good = JSON.parse(exportProgress(sample())) as Record<string, unknown>;
  const withFields = (over: Record<string, unknown>) => JSON.stringify({ ...good, ...over });
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['{"format":"xtzd-progress",', 'not-json'],
    ['[1,2,3]', 'not-ours'],
    ['{"version":1,"lessons":{},"quizzes":{},"scenarios":{}}', 'not-ours'],
  ])('refuses %j as %s', (text, error) => {
    expect(parseImport(text)).toEqual({ ok: false, error });
  });
  it('refuses a bad or newer version', () => {
    expect(parseImport(withFields({ version: '1' }))).toEqual({ ok: false, error: 'bad-version' });
    expect(parseImport(withFields({ version: 0 }))).toEqual({ ok: false, error: 'bad-version' });
    expect(parseImport(withFields({ version: 1.5 }))).toEqual({ ok: false, error: 'bad-version' });
    expect(parseImport(withFields({ version: PROGRESS_VERSION + 1 }))).toEqual({ ok: false, error: 'newer-version' });
    // A version-1 export (before question pools) still imports.
    expect(parseImport(withFields({ version: 1 }))).toMatchObject({ ok: true });
  });
  it('refuses a wrong shape', () => {
    expect(parseImport(withFields({ lessons: [] }))).toEqual({ ok: false, error: 'bad-shape' });
    expect(parseImport(withFields({ quizzes: null }))).toEqual({ ok: false, error: 'bad-shape' });
    const { scenarios: _s, ...noScenarios } = good;
    expect(parseImport(JSON.stringify(noScenarios))).toEqual({ ok: false, error: 'bad-shape' });
    expect(parseImport(withFields({ lastVisit: 'x' }))).toEqual({ ok: false, error: 'bad-shape' });
    // Header right, but not one entry is valid.
    expect(parseImport(withFields({ lessons: { a: { status: 'nope' } }, quizzes: {}, scenarios: {} }))).toEqual({ ok: false, error: 'bad-shape' });
  });
  it('refuses oversize files and too many entries', () => {
    expect(parseImport(' '.repeat(MAX_IMPORT_CHARS) + '{}')).toEqual({ ok: false, error: 'too-large' });
    const lessons = Object.fromEntries(Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => [`m/l${i}`, { status: 'done', updatedAt: 1 }]));
    expect(parseImport(withFields({ lessons }))).toEqual({ ok: false, error: 'too-many' });
  });
  it('keeps valid entries and counts the dropped ones', () => {
    const r = parseImport(withFields({ lessons: { 'a/b': { status: 'done', updatedAt: 1 }, 'c/d': { status: 7 }, __proto__x: 1 } }));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(Object.keys(r.data.lessons)).toEqual(['a/b']);
      expect(r.dropped).toBe(2);
    }
  });
  it('accepts an empty but well-formed file', () => {
    expect(parseImport(JSON.stringify({ format: EXPORT_FORMAT, version: 1, lessons: {}, quizzes: {}, scenarios: {}, lastVisit: null }))).toMatchObject({ ok: true, dropped: 0 });
  });
});

describe('mergeImport', () => {
  it('keeps the better score of each quiz and loses nothing stored', () => {
    const current = sample();
    current.quizzes['understanding-concept']!.bestScore = 4;
    current.lessons['only/here'] = { status: 'done', updatedAt: 1 };
    const imported = emptyProgress();
    imported.quizzes['understanding-concept'] = { attempts: 5, bestScore: 2, maxScore: 4, lastScore: 2, passed: false, lastAnswers: {}, wrong: { q3: 4 }, updatedAt: 20 };
    imported.quizzes['other'] = { attempts: 1, bestScore: 1, maxScore: 2, lastScore: 1, passed: true, lastAnswers: {}, wrong: {}, updatedAt: 20 };
    const m = mergeImport(current, imported);
    expect(m.quizzes['understanding-concept']).toMatchObject({ bestScore: 4, attempts: 5, passed: true, wrong: { q2: 1, q3: 4 } });
    expect(m.quizzes['other']).toBeDefined();
    expect(m.lessons['only/here']).toBeDefined();
    expect(m.lessons['understanding/concept']!.status).toBe('done');
    expect(countEntries(m)).toEqual({ lessons: 2, quizzes: 2, scenarios: 1 });
  });
  it('the import wins a better score too', () => {
    const imported = sample();
    imported.quizzes['understanding-concept']!.bestScore = 4;
    expect(mergeImport(sample(), imported).quizzes['understanding-concept']!.bestScore).toBe(4);
  });
});

describe('mergeImport after a reset', () => {
  it('brings back records that predate the reset mark', () => {
    const exported = sample();
    const afterReset = { ...emptyProgress(), resetAt: Date.now() + 1000 };
    const m = mergeImport(afterReset, exported);
    expect(Object.keys(m.quizzes)).toEqual(Object.keys(exported.quizzes));
    expect(Object.keys(m.lessons)).toEqual(Object.keys(exported.lessons));
    for (const r of Object.values(m.quizzes)) expect(r.updatedAt).toBeGreaterThan(afterReset.resetAt);
    // and a later merge with the same reset mark keeps them
    const again = mergeImport(afterReset, m);
    expect(Object.keys(again.quizzes)).toEqual(Object.keys(exported.quizzes));
  });
});
