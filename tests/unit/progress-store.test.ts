import { describe, expect, it, vi } from 'vitest';
import { BACKUP_KEY, PROGRESS_KEY, createProgressStore, progressKeys, type StorageLike } from '../../src/lib/progress/store';
import { PROGRESS_VERSION, emptyProgress, mergeProgress, parseProgress, sanitizeProgress, type ProgressData } from '../../src/lib/progress/schema';
import { recordLesson, recordQuizAttempt, recordRetry, recordScenarioPlay } from '../../src/lib/progress/records';

/** In-memory Storage; `failWrites` makes setItem throw like a full quota. */
class MemoryStorage implements StorageLike {
  map = new Map<string, string>();
  failWrites: Error | null = null;
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.failWrites) throw this.failWrites;
    this.map.set(k, v);
  }
}
const quotaError = () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

const attempt = (quizId: string, score: number, at: number, wrongIds: string[] = []) => (d: ProgressData) =>
  recordQuizAttempt(d, { quizId, score, maxScore: 5, passed: score >= 3, answers: { q1: 1, q2: [0, 2], q3: true }, wrongIds, at });

describe('progress store', () => {
  it('records quiz attempts: attempts, best, last, passed, answers and per-question wrong counts', () => {
    const storage = new MemoryStorage();
    const store = createProgressStore({ storage: () => storage });
    expect(store.update(attempt('quiz-a', 4, 1, ['q2']))).toBe(true);
    expect(store.update(attempt('quiz-a', 2, 2, ['q2', 'q3']))).toBe(true);
    const rec = store.get().quizzes['quiz-a']!;
    expect(rec).toMatchObject({ attempts: 2, bestScore: 4, lastScore: 2, maxScore: 5, passed: true, wrong: { q2: 2, q3: 1 } });
    expect(rec.lastAnswers).toEqual({ q1: 1, q2: [0, 2], q3: true });
    // persisted, versioned
    const saved = JSON.parse(storage.getItem(PROGRESS_KEY)!);
    expect(saved.version).toBe(PROGRESS_VERSION);
    expect(createProgressStore({ storage: () => storage }).get().quizzes['quiz-a']!.attempts).toBe(2);
  });

  it('records scenario plays: plays, best score, distinct paths and endings', () => {
    const store = createProgressStore({ storage: () => new MemoryStorage() });
    const play = (path: string[], score: number, at: number) => (d: ProgressData) =>
      recordScenarioPlay(d, { scenarioId: 'case-x', score, maxScore: 9, path, ending: path.at(-1)!, at });
    store.update(play(['n1', 'n2', 'end-good'], 9, 1));
    store.update(play(['n1', 'n3', 'end-bad'], 2, 2));
    store.update(play(['n1', 'n2', 'end-good'], 7, 3));
    expect(store.get().scenarios['case-x']).toMatchObject({
      plays: 3,
      bestScore: 9,
      maxScore: 9,
      paths: [
        ['n1', 'n3', 'end-bad'],
        ['n1', 'n2', 'end-good'],
      ],
      endings: ['end-good', 'end-bad'],
    });
  });

  it('lessons and lastVisit for the self-paced progress feature; "done" is not downgraded by a visit', () => {
    const store = createProgressStore({ storage: () => new MemoryStorage() });
    store.update((d) => recordLesson(d, 'understanding/concept', 'done', 10));
    store.update((d) => recordLesson(d, 'understanding/concept', 'visited', 20, '协调的本质'));
    expect(store.get().lessons['understanding/concept']).toEqual({ status: 'done', updatedAt: 20 });
    expect(store.get().lastVisit).toEqual({ lessonId: 'understanding/concept', section: '协调的本质', at: 20 });
  });

  it('notifies subscribers immediately and on change; unsubscribe works; a throwing subscriber does not break others', () => {
    const store = createProgressStore({ storage: () => new MemoryStorage() });
    const seen: number[] = [];
    store.subscribe(() => {
      throw new Error('bad listener');
    });
    const off = store.subscribe((d) => seen.push(Object.keys(d.quizzes).length));
    store.update(attempt('a', 1, 1));
    off();
    store.update(attempt('b', 1, 2));
    expect(seen).toEqual([0, 1]);
  });

  it('validates updates: an invalid entry written by a feature is dropped, the rest kept', () => {
    const store = createProgressStore({ storage: () => new MemoryStorage() });
    store.update(attempt('good', 3, 1));
    store.update((d) => {
      (d.lessons as Record<string, unknown>)['x/y'] = { status: 'finished?' };
      (d.quizzes as Record<string, unknown>).bad = { attempts: -1 };
    });
    expect(Object.keys(store.get().quizzes)).toEqual(['good']);
    expect(store.get().lessons).toEqual({});
    // an updater that throws changes nothing
    expect(store.update(() => {
      throw new Error('oops');
    })).toBe(false);
    expect(store.get().quizzes.good!.attempts).toBe(1);
  });

  it('corrupted JSON: starts empty, keeps a backup of the unreadable data, then saves normally', () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, '{not json');
    const store = createProgressStore({ storage: () => storage });
    expect(store.get()).toEqual(emptyProgress());
    expect(storage.getItem(BACKUP_KEY)).toBe('{not json');
    expect(store.update(attempt('a', 5, 1))).toBe(true);
    expect(store.status()).toEqual({ saved: true });
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).quizzes.a.attempts).toBe(1);
  });

  it('foreign JSON (another app, wrong shapes) never throws and keeps every valid entry', () => {
    for (const raw of ['null', '42', '"text"', '[]', '{"foo":1}', '{"version":"1"}', '{"version":0}']) {
      expect(parseProgress(raw).status).toBe('corrupt');
    }
    const mixed = {
      version: 1,
      quizzes: { ok: { attempts: 2, bestScore: 3, maxScore: 5 }, bad: { attempts: 'many' }, __proto__: { attempts: 1, bestScore: 1, maxScore: 1 } },
      scenarios: { s: { plays: 1, bestScore: 2, paths: [['a', 'b'], 'nope', [1, 2]], endings: ['b', 3] } },
      lessons: { 'a/b': { status: 'done', updatedAt: 5 }, 'c/d': { status: 'weird' } },
      lastVisit: { lessonId: 7 },
    };
    const { data, status } = parseProgress(JSON.stringify(mixed));
    expect(status).toBe('ok');
    expect(Object.keys(data.quizzes)).toEqual(['ok']);
    expect(data.quizzes.ok).toMatchObject({ attempts: 2, lastScore: 3, passed: false, lastAnswers: {}, wrong: {} });
    expect(data.scenarios.s).toMatchObject({ paths: [['a', 'b']], endings: ['b'] });
    expect(data.lessons).toEqual({ 'a/b': { status: 'done', updatedAt: 5 } });
    expect(data.lastVisit).toBeNull();
    expect(sanitizeProgress(undefined)).toEqual(emptyProgress());
  });

  it('data from a newer version is read but never overwritten', () => {
    const storage = new MemoryStorage();
    const future = JSON.stringify({ version: PROGRESS_VERSION + 1, quizzes: { a: { attempts: 9, bestScore: 5, maxScore: 5 } }, extra: 'future field' });
    storage.setItem(PROGRESS_KEY, future);
    const store = createProgressStore({ storage: () => storage });
    expect(store.get().quizzes.a!.attempts).toBe(9);
    expect(store.update(attempt('b', 1, 1))).toBe(false);
    expect(store.status()).toEqual({ saved: false, reason: 'newer' });
    expect(store.get().quizzes.b!.attempts).toBe(1); // still works in memory
    expect(storage.getItem(PROGRESS_KEY)).toBe(future);
  });

  it('full quota: the change stays in memory, status says why, and a later write succeeds again', () => {
    const storage = new MemoryStorage();
    const store = createProgressStore({ storage: () => storage });
    storage.failWrites = quotaError();
    expect(store.update(attempt('a', 3, 1))).toBe(false);
    expect(store.status()).toEqual({ saved: false, reason: 'quota' });
    expect(store.get().quizzes.a!.attempts).toBe(1);
    storage.failWrites = null;
    expect(store.update(attempt('a', 4, 2))).toBe(true);
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).quizzes.a.attempts).toBe(2);
  });

  it('storage that throws on access (private mode) or on every call: works in memory, never throws', () => {
    const blocked = createProgressStore({
      storage: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(blocked.status()).toEqual({ saved: false, reason: 'unavailable' });
    expect(blocked.update(attempt('a', 3, 1))).toBe(false);
    expect(blocked.get().quizzes.a!.attempts).toBe(1);

    const throwing: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: vi.fn(() => {
        throw new Error('SecurityError');
      }),
    };
    const s2 = createProgressStore({ storage: () => throwing });
    expect(s2.update(attempt('a', 3, 1))).toBe(false);
    expect(s2.status().saved).toBe(false);
    // Could not read: must not write blind over data it could not see.
    expect(throwing.setItem).not.toHaveBeenCalled();
    expect(createProgressStore({ storage: () => null }).status()).toEqual({ saved: false, reason: 'unavailable' });
  });

  it('two tabs writing at once: each write merges what the other saved; nothing is lost', () => {
    const storage = new MemoryStorage();
    const tab1 = createProgressStore({ storage: () => storage });
    const tab2 = createProgressStore({ storage: () => storage });
    tab1.update(attempt('quiz-a', 3, 1));
    tab2.update(attempt('quiz-b', 5, 2)); // tab2 never saw quiz-a in memory
    const saved = parseProgress(storage.getItem(PROGRESS_KEY)).data;
    expect(Object.keys(saved.quizzes).sort()).toEqual(['quiz-a', 'quiz-b']);
  });

  it('storage events: merges another tab\'s data and writes back what that tab lost', () => {
    const storage = new MemoryStorage();
    const tab1 = createProgressStore({ storage: () => storage });
    tab1.update(attempt('quiz-a', 3, 1));
    // Another tab wrote a document that lacks quiz-a (e.g. a lost concurrent write).
    const other = recordQuizAttempt(emptyProgress(), { quizId: 'quiz-b', score: 1, maxScore: 5, passed: false, answers: {}, wrongIds: [], at: 2 });
    const raw = JSON.stringify(other);
    storage.map.set(PROGRESS_KEY, raw);
    const seen: string[][] = [];
    tab1.subscribe((d) => seen.push(Object.keys(d.quizzes).sort()));
    tab1.handleStorageEvent({ key: PROGRESS_KEY, newValue: raw });
    expect(seen.at(-1)).toEqual(['quiz-a', 'quiz-b']);
    expect(Object.keys(parseProgress(storage.getItem(PROGRESS_KEY)).data.quizzes).sort()).toEqual(['quiz-a', 'quiz-b']);
    // Another tab wiping or corrupting the key does not wipe this tab's progress.
    storage.map.set(PROGRESS_KEY, 'garbage');
    tab1.handleStorageEvent({ key: PROGRESS_KEY, newValue: 'garbage' });
    expect(Object.keys(tab1.get().quizzes).sort()).toEqual(['quiz-a', 'quiz-b']);
    expect(parseProgress(storage.getItem(PROGRESS_KEY)).status).toBe('ok');
    tab1.handleStorageEvent({ key: 'unrelated', newValue: 'x' });
    expect(tab1.get().quizzes['quiz-a']!.attempts).toBe(1);
  });

  it('a storage event that changes nothing does not write (no ping-pong between tabs)', () => {
    const storage = new MemoryStorage();
    const tab1 = createProgressStore({ storage: () => storage });
    tab1.update(attempt('quiz-a', 3, 1));
    const raw = storage.getItem(PROGRESS_KEY)!;
    const spy = vi.spyOn(storage, 'setItem');
    tab1.handleStorageEvent({ key: PROGRESS_KEY, newValue: raw });
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('question outcomes (issue 16: weak spots clear, 错题本 retries)', () => {
  it('an attempt records each question\'s latest outcome; a retry changes only that outcome; the version stays', () => {
    const store = createProgressStore({ storage: () => new MemoryStorage() });
    store.update((d) => recordQuizAttempt(d, { quizId: 'qz', score: 1, maxScore: 2, passed: false, answers: {}, wrongIds: ['a'], rightIds: ['b'], at: 10 }));
    expect(store.get().quizzes['qz']!.outcomes).toEqual({ a: { right: false, at: 10 }, b: { right: true, at: 10 } });
    store.update((d) => recordRetry(d, 'qz', 'a', true, 20));
    const rec = store.get().quizzes['qz']!;
    expect(rec.outcomes!['a']).toEqual({ right: true, at: 20 });
    expect(rec).toMatchObject({ attempts: 1, bestScore: 1, wrong: { a: 1 } });
    expect(store.get().version).toBe(PROGRESS_VERSION);
    // no quiz record: a retry records nothing
    store.update((d) => recordRetry(d, 'other', 'a', true, 30));
    expect(store.get().quizzes['other']).toBeUndefined();
  });
  it('merging keeps the later outcome per question; malformed outcomes are dropped, the rest kept', () => {
    const a = sanitizeProgress({ quizzes: { qz: { attempts: 1, bestScore: 0, maxScore: 2, updatedAt: 5, outcomes: { x: { right: false, at: 5 }, y: { right: true, at: 9 } } } } });
    const b = sanitizeProgress({ quizzes: { qz: { attempts: 1, bestScore: 0, maxScore: 2, updatedAt: 3, outcomes: { x: { right: true, at: 7 }, y: { right: false, at: 1 }, z: { right: 'yes', at: 1 }, w: 3 } } } });
    expect(b.quizzes['qz']!.outcomes).toEqual({ x: { right: true, at: 7 }, y: { right: false, at: 1 } });
    expect(mergeProgress(a, b).quizzes['qz']!.outcomes).toEqual({ x: { right: true, at: 7 }, y: { right: true, at: 9 } });
    expect(mergeProgress(b, a).quizzes['qz']!.outcomes).toEqual({ x: { right: true, at: 7 }, y: { right: true, at: 9 } });
    // a record without outcomes (older site) has none, and no empty field is invented
    expect('outcomes' in sanitizeProgress({ quizzes: { qz: { attempts: 1, bestScore: 0, maxScore: 2 } } }).quizzes['qz']!).toBe(false);
  });
});

describe('mergeProgress', () => {
  it('takes maxima, unions, and the newer "latest" fields', () => {
    const a = recordQuizAttempt(emptyProgress(), { quizId: 'q', score: 4, maxScore: 5, passed: true, answers: { x: 1 }, wrongIds: ['x'], at: 1 });
    let b = recordQuizAttempt(emptyProgress(), { quizId: 'q', score: 1, maxScore: 5, passed: false, answers: { x: 2 }, wrongIds: ['y'], at: 2 });
    b = recordQuizAttempt(b, { quizId: 'q', score: 2, maxScore: 5, passed: false, answers: { x: 3 }, wrongIds: ['y'], at: 3 });
    b = recordLesson(b, 'm/l', 'visited', 3);
    const m = mergeProgress(a, b);
    expect(m.quizzes.q).toMatchObject({ attempts: 2, bestScore: 4, lastScore: 2, passed: true, lastAnswers: { x: 3 }, wrong: { x: 1, y: 2 } });
    expect(m.lessons['m/l']!.status).toBe('visited');
    expect(mergeProgress(b, a)).toEqual(m);
    expect(mergeProgress(m, m)).toEqual(m);
  });
});

describe('reset', () => {
  it('forgets progress in every tab; older copies from other tabs do not bring it back', () => {
    const storage = new MemoryStorage();
    const tab1 = createProgressStore({ storage: () => storage });
    const tab2 = createProgressStore({ storage: () => storage });
    tab1.update(attempt('quiz-a', 3, 100));
    tab2.update((d) => recordLesson(d, 'm/l', 'done', 110));
    expect(tab1.reset(200)).toBe(true);
    expect(tab1.get().quizzes).toEqual({});
    // tab2 still holds the old records in memory; the reset reaches it through the storage event…
    tab2.handleStorageEvent({ key: PROGRESS_KEY, newValue: storage.getItem(PROGRESS_KEY) });
    expect(tab2.get().lessons).toEqual({});
    // …and a later write from a tab that missed the event does not resurrect old records.
    const tab3 = createProgressStore({ storage: () => new MemoryStorage() });
    tab3.update(attempt('quiz-a', 3, 100));
    const merged = mergeProgress(tab3.get(), parseProgress(storage.getItem(PROGRESS_KEY)).data);
    expect(merged.quizzes).toEqual({});
    // new progress after the reset is kept
    tab2.update(attempt('quiz-b', 1, 300));
    expect(Object.keys(parseProgress(storage.getItem(PROGRESS_KEY)).data.quizzes)).toEqual(['quiz-b']);
  });
  it('clearing the key outside the store is treated as data loss: open tabs write their copy back', () => {
    const storage = new MemoryStorage();
    const tab = createProgressStore({ storage: () => storage });
    tab.update(attempt('quiz-a', 3, 100));
    storage.map.delete(PROGRESS_KEY);
    tab.handleStorageEvent({ key: PROGRESS_KEY, newValue: null });
    expect(parseProgress(storage.getItem(PROGRESS_KEY)).data.quizzes['quiz-a']!.attempts).toBe(1);
  });
});

it('records without a timestamp (older or foreign writers) survive merging when nothing was reset', () => {
  const storage = new MemoryStorage();
  storage.setItem(PROGRESS_KEY, JSON.stringify({ version: 1, quizzes: { old: { attempts: 1, bestScore: 2, maxScore: 5 } } }));
  const store = createProgressStore({ storage: () => storage });
  store.update(attempt('new', 3, 10));
  expect(Object.keys(parseProgress(storage.getItem(PROGRESS_KEY)).data.quizzes).sort()).toEqual(['new', 'old']);
});

describe('progress store robustness (merged from progress-robustness.test.ts; its other seven cases repeated the ones above)', () => {
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
  it('an update function that throws changes nothing and does not break the store', () => {
    const store = createProgressStore({ storage: () => new MemoryStorage() });
    expect(
      store.update(() => {
        throw new Error('bad update');
      }),
    ).toBe(false);
    expect(store.update((d) => recordLesson(d, 'a/b', 'done', 1))).toBe(true);
    expect(Object.keys(store.get().lessons)).toEqual(['a/b']);
  });
  it('refuses unknown old schema versions as corrupt rather than guessing', () => {
    expect(parseProgress(JSON.stringify({ version: 0 })).status).toBe('corrupt');
    expect(parseProgress(JSON.stringify({ version: PROGRESS_VERSION, lessons: {} })).status).toBe('ok');
  });
});

describe('progress of two deployments on one origin', () => {
  const lesson = (id: string) => (d: ProgressData) => recordLesson(d, id, 'done', 1000);
  it('is kept apart: each deployment reads and writes only its own key', () => {
    const storage = new MemoryStorage();
    const a = createProgressStore({ storage: () => storage, ...progressKeys('/a/') });
    const b = createProgressStore({ storage: () => storage, ...progressKeys('/b/') });
    a.update(lesson('m/one'));
    b.update(lesson('m/two'));
    expect(Object.keys(createProgressStore({ storage: () => storage, ...progressKeys('/a/') }).get().lessons)).toEqual(['m/one']);
    expect(Object.keys(createProgressStore({ storage: () => storage, ...progressKeys('/b/') }).get().lessons)).toEqual(['m/two']);
    b.reset(2000);
    expect(Object.keys(createProgressStore({ storage: () => storage, ...progressKeys('/a/') }).get().lessons)).toEqual(['m/one']);
    // A storage event for the other deployment's key is not ours.
    a.handleStorageEvent({ key: progressKeys('/b/').key!, newValue: storage.getItem(progressKeys('/b/').key!) });
    expect(Object.keys(a.get().lessons)).toEqual(['m/one']);
  });
  it('migrates progress saved under the old origin-wide key into each deployment once', () => {
    const storage = new MemoryStorage();
    const legacy = createProgressStore({ storage: () => storage, key: 'xtzd-progress' });
    legacy.update(lesson('m/old'));
    const a = createProgressStore({ storage: () => storage, ...progressKeys('/a/') });
    expect(Object.keys(a.get().lessons)).toEqual(['m/old']);
    a.update(lesson('m/new'));
    // The old key is left for the other deployments; a deployment with its own data ignores it.
    const b = createProgressStore({ storage: () => storage, ...progressKeys('/b/') });
    expect(Object.keys(b.get().lessons)).toEqual(['m/old']);
    expect(Object.keys(createProgressStore({ storage: () => storage, ...progressKeys('/a/') }).get().lessons).sort()).toEqual(['m/new', 'm/old']);
    a.reset(5000);
    expect(Object.keys(createProgressStore({ storage: () => storage, ...progressKeys('/a/') }).get().lessons)).toEqual([]);
  });
  it('keeps unreadable data in a backup of its own deployment', () => {
    const storage = new MemoryStorage();
    storage.setItem(progressKeys('/a/').key!, '{oops');
    createProgressStore({ storage: () => storage, ...progressKeys('/a/') }).update(lesson('m/x'));
    expect(storage.getItem(progressKeys('/a/').backupKey!)).toBe('{oops');
    expect(storage.getItem(progressKeys('/b/').backupKey!)).toBeNull();
  });
});
