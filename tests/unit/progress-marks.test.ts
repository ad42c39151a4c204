import { describe, expect, it } from 'vitest';
import { emptyProgress, mergeProgress, parseProgress, sanitizeProgress, PROGRESS_VERSION, MAX_NOTE_CHARS } from '../../src/lib/progress/schema';
import { getMark, listMarks, recordMark } from '../../src/lib/progress/marks';
import { exportProgress, mergeImport, parseImport } from '../../src/lib/progress/transfer';

describe('section bookmarks and notes (optional progress field)', () => {
  it('records, reads and lists marks; the note is capped', () => {
    const d = emptyProgress();
    recordMark(d, 'm/l', 'sec-a', { bookmark: true }, 10);
    recordMark(d, 'm/l', 'sec-b', { note: 'x'.repeat(MAX_NOTE_CHARS + 50) }, 20);
    expect(getMark(d, 'm/l', 'sec-a')).toMatchObject({ bookmark: true, note: '' });
    expect(getMark(d, 'm/l', 'sec-b').note).toHaveLength(MAX_NOTE_CHARS);
    expect(getMark(d, 'm/l', 'none')).toMatchObject({ bookmark: false, note: '' });
    expect(listMarks(d).map(([l, a]) => `${l}#${a}`)).toEqual(['m/l#sec-b', 'm/l#sec-a']);
    recordMark(d, 'm/l', 'sec-a', { bookmark: false }, 30);
    expect(listMarks(d).map(([, a]) => a)).toEqual(['sec-b']);
  });
  it('does not bump the version; documents without marks stay without', () => {
    expect(PROGRESS_VERSION).toBe(2);
    expect('marks' in sanitizeProgress(emptyProgress())).toBe(false);
  });
  it('never breaks on corrupt marks: keeps the valid ones, drops the rest', () => {
    const raw = JSON.stringify({ version: 2, quizzes: {}, scenarios: {}, lessons: {}, lastVisit: null, resetAt: 0,
      marks: { 'a#b': { bookmark: true, note: 'ok', updatedAt: 5 }, 'a#c': 'junk', __proto__x: null, 'a#d': { bookmark: 'yes', note: 42 } } });
    const { data, status } = parseProgress(raw);
    expect(status).toBe('ok');
    expect(data.marks?.['a#b']).toEqual({ bookmark: true, note: 'ok', updatedAt: 5 });
    expect(data.marks?.['a#c']).toBeUndefined();
    expect(data.marks?.['a#d']).toEqual({ bookmark: false, note: '', updatedAt: 0 });
    expect(parseProgress(JSON.stringify({ version: 2, marks: [1, 2] })).data.marks).toBeUndefined();
    expect(parseProgress(JSON.stringify({ version: 2, marks: 'x' })).status).toBe('ok');
  });
  it('merges two tabs by the newer record; a removed bookmark stays removed', () => {
    const a = recordMark(emptyProgress(), 'l', 's', { bookmark: true }, 10);
    const b = recordMark(structuredClone(a), 'l', 's', { bookmark: false }, 20);
    expect(getMark(mergeProgress(a, b), 'l', 's').bookmark).toBe(false);
    expect(getMark(mergeProgress(b, a), 'l', 's').bookmark).toBe(false);
    const c = recordMark(emptyProgress(), 'l', 't', { note: '记一下' }, 15);
    expect(listMarks(mergeProgress(a, c))).toHaveLength(2);
  });
  it('export and import keep the marks, also after a reset of this browser', () => {
    const d = recordMark(emptyProgress(), 'l', 's', { bookmark: true, note: '要点' }, 10);
    const file = exportProgress(d);
    const imported = parseImport(file);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(getMark(imported.data, 'l', 's')).toMatchObject({ bookmark: true, note: '要点' });
    const afterReset = { ...emptyProgress(), resetAt: 1000 };
    expect(getMark(mergeImport(afterReset, imported.data), 'l', 's')).toMatchObject({ bookmark: true, note: '要点' });
  });
});
