/**
 * Robustness of the progress store (issue 6): corrupted JSON, quota exceeded, storage that throws,
 * data from a newer version, and two tabs writing at once — never a crash, never a silent wipe.
 */
import { describe, expect, it } from 'vitest';
import { BACKUP_KEY, PROGRESS_KEY, createProgressStore, type StorageLike } from '../../src/lib/progress/store';
import { PROGRESS_VERSION, emptyProgress, parseProgress } from '../../src/lib/progress/schema';
import { recordLesson, recordQuizAttempt } from '../../src/lib/progress/records';

class MemoryStorage implements StorageLike {
  map = new Map<string, string>();
  quotaAfter = Infinity;
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (v.length > this.quotaAfter) {
      const e = new Error('The quota has been exceeded.');
      e.name = 'QuotaExceededError';
      throw e;
    }
    this.map.set(k, v);
  }
}

const attempt = (quizId: string, score: number, at: number) => (d: ReturnType<typeof emptyProgress>) =>
  recordQuizAttempt(d, { quizId, score, maxScore: 4, passed: score >= 3, answers: {}, wrongIds: score < 4 ? ['q1'] : [], at });

describe('progress store robustness', () => {
  it('keeps corrupted JSON in a backup before writing, and starts clean', () => {
    const st = new MemoryStorage();
    st.map.set(PROGRESS_KEY, '{"version":1,"lessons":{');
    const store = createProgressStore({ storage: () => st });
    expect(store.get()).toEqual(emptyProgress());
    expect(store.update((d) => recordLesson(d, 'a/b', 'done', 1))).toBe(true);
    expect(st.map.get(BACKUP_KEY)).toBe('{"version":1,"lessons":{');
    expect(parseProgress(st.getItem(PROGRESS_KEY)).data.lessons['a/b']?.status).toBe('done');
  });

  it('keeps valid entries next to invalid ones', () => {
    const st = new MemoryStorage();
    st.map.set(PROGRESS_KEY, JSON.stringify({ version: 1, lessons: { 'a/b': { status: 'done', updatedAt: 1 }, 'c/d': 'junk' }, quizzes: 5 }));
    const store = createProgressStore({ storage: () => st });
    expect(store.get().lessons).toEqual({ 'a/b': { status: 'done', updatedAt: 1 } });
  });

  it('works in memory when storage throws on access', () => {
    const store = createProgressStore({
      storage: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    expect(store.update((d) => recordLesson(d, 'a/b', 'done', 1))).toBe(false);
    expect(store.get().lessons['a/b']?.status).toBe('done');
    expect(store.status()).toEqual({ saved: false, reason: 'unavailable' });
  });

  it('works in memory when getItem throws later, and never writes blind over unseen data', () => {
    const st = new MemoryStorage();
    st.map.set(PROGRESS_KEY, JSON.stringify({ version: 1, lessons: { 'x/y': { status: 'done', updatedAt: 1 } }, quizzes: {}, scenarios: {} }));
    const store = createProgressStore({ storage: () => st });
    st.getItem = () => {
      throw new Error('denied');
    };
    expect(store.update((d) => recordLesson(d, 'a/b', 'visited', 2))).toBe(false);
    expect(JSON.parse(st.map.get(PROGRESS_KEY)!).lessons['x/y']).toBeDefined();
    expect(JSON.parse(st.map.get(PROGRESS_KEY)!).lessons['a/b']).toBeUndefined();
  });

  it('reports a full quota, keeps the change in memory and the stored data intact', () => {
    const st = new MemoryStorage();
    const store = createProgressStore({ storage: () => st });
    store.update(attempt('q', 2, 1));
    const before = st.map.get(PROGRESS_KEY);
    st.quotaAfter = 10;
    expect(store.update(attempt('q', 4, 2))).toBe(false);
    expect(store.status()).toEqual({ saved: false, reason: 'quota' });
    expect(store.get().quizzes['q']!.bestScore).toBe(4);
    expect(st.map.get(PROGRESS_KEY)).toBe(before);
    st.quotaAfter = Infinity;
    expect(store.update(attempt('q', 1, 3))).toBe(true);
    expect(parseProgress(st.getItem(PROGRESS_KEY)).data.quizzes['q']!.bestScore).toBe(4);
  });

  it('never overwrites data written by a newer version of the site', () => {
    const st = new MemoryStorage();
    const newer = JSON.stringify({ version: PROGRESS_VERSION + 1, lessons: {}, quizzes: {}, scenarios: {}, future: true });
    st.map.set(PROGRESS_KEY, newer);
    const store = createProgressStore({ storage: () => st });
    expect(store.update((d) => recordLesson(d, 'a/b', 'done', 1))).toBe(false);
    expect(store.status().reason).toBe('newer');
    expect(st.map.get(PROGRESS_KEY)).toBe(newer);
  });

  it('two tabs writing at once keep both changes (re-read before write)', () => {
    const st = new MemoryStorage();
    const tab1 = createProgressStore({ storage: () => st });
    const tab2 = createProgressStore({ storage: () => st });
    tab1.update((d) => recordLesson(d, 'a/one', 'done', 1));
    tab2.update((d) => recordLesson(d, 'a/two', 'done', 2));
    tab1.update(attempt('q', 3, 3));
    const saved = parseProgress(st.getItem(PROGRESS_KEY)).data;
    expect(Object.keys(saved.lessons).sort()).toEqual(['a/one', 'a/two']);
    expect(saved.quizzes['q']).toBeDefined();
  });

  it('merges a storage event from another tab and writes back what that tab lacked', () => {
    const st = new MemoryStorage();
    const tab1 = createProgressStore({ storage: () => st });
    tab1.update((d) => recordLesson(d, 'a/one', 'done', 1));
    // Another tab (which never saw a/one) overwrote storage with its own document.
    const other = emptyProgress();
    other.lessons['a/two'] = { status: 'done', updatedAt: 2 };
    const raw = JSON.stringify(other);
    st.map.set(PROGRESS_KEY, raw);
    let notified = 0;
    tab1.subscribe(() => notified++);
    tab1.handleStorageEvent({ key: PROGRESS_KEY, newValue: raw });
    expect(Object.keys(tab1.get().lessons).sort()).toEqual(['a/one', 'a/two']);
    expect(Object.keys(parseProgress(st.getItem(PROGRESS_KEY)).data.lessons).sort()).toEqual(['a/one', 'a/two']);
    expect(notified).toBeGreaterThan(1);
  });

  it('a corrupt value from another tab does not wipe this tab', () => {
    const st = new MemoryStorage();
    const tab1 = createProgressStore({ storage: () => st });
    tab1.update((d) => recordLesson(d, 'a/one', 'done', 1));
    st.map.set(PROGRESS_KEY, 'garbage');
    tab1.handleStorageEvent({ key: PROGRESS_KEY, newValue: 'garbage' });
    expect(tab1.get().lessons['a/one']).toBeDefined();
    expect(parseProgress(st.getItem(PROGRESS_KEY)).data.lessons['a/one']).toBeDefined();
  });

  it('a broken subscriber or a throwing update does not break the store', () => {
    const st = new MemoryStorage();
    const store = createProgressStore({ storage: () => st });
    store.subscribe(() => {
      throw new Error('boom');
    });
    expect(store.update(() => {
      throw new Error('bad update');
    })).toBe(false);
    expect(store.update((d) => recordLesson(d, 'a/b', 'done', 1))).toBe(true);
  });
});

describe('schema migration path', () => {
  it('refuses unknown old versions as corrupt rather than guessing', () => {
    expect(parseProgress(JSON.stringify({ version: 0 })).status).toBe('corrupt');
    expect(parseProgress(JSON.stringify({ version: PROGRESS_VERSION, lessons: {} })).status).toBe('ok');
  });
});
