/**
 * The one progress store. Every feature reads and writes the learner's progress through it:
 *
 *   const store = getProgressStore();
 *   store.get();                                  // current ProgressData (read-only snapshot)
 *   store.update((d) => { d.lessons[id] = {...} }); // mutate a draft; validated, merged, saved
 *   const off = store.subscribe((data, status) => …); // called now and on every change
 *   store.reset();                                // deliberate "forget my progress", all tabs
 *
 * Records carry `updatedAt` (ms); use Date.now() for new records so merges and resets order them.
 *
 * Safety: storage that throws on access (private mode), a full quota, corrupted or foreign JSON
 * and data written by a newer version never break a page — progress then lives in memory for
 * the page and `status().saved` is false with a reason the UI can show quietly.
 * Two tabs: every write re-reads storage and merges before writing, and a `storage` event from
 * another tab is merged in (and written back if the merge added something), so no tab silently
 * wipes what another saved.
 */
import { legacyName, scopedName } from '../paths';
import { emptyProgress, mergeProgress, parseProgress, sanitizeProgress, stableStringify, type ProgressData } from './schema';

/** The default key (tests); pages use `progressKeys(base)`, scoped to the deployment. */
export const PROGRESS_KEY = 'xtzd-progress';
/** Where unreadable data is kept (once) before it is replaced, so nothing is destroyed unseen. */
export const BACKUP_KEY = 'xtzd-progress-unreadable';

/**
 * The keys of the deployment at `base`. Progress saved before keys were scoped (under the
 * origin-wide key) is copied in on first use; the old key is left for other deployments on the
 * same origin to migrate from too (it cannot tell which deployment wrote it).
 */
export const progressKeys = (base: string): Pick<StoreOptions, 'key' | 'backupKey' | 'migrateFrom'> => ({
  key: scopedName(base, 'progress'),
  backupKey: scopedName(base, 'progress-unreadable'),
  migrateFrom: legacyName('progress'),
});

/** The part of the Web Storage API the store uses. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type UnsavedReason = 'unavailable' | 'quota' | 'newer';
export interface StoreStatus {
  /** True while changes reach storage. */
  saved: boolean;
  reason?: UnsavedReason;
}

export type Listener = (data: ProgressData, status: StoreStatus) => void;

export interface ProgressStore {
  get(): ProgressData;
  /**
   * Applies `fn` to a copy of the latest data (merged with storage). `fn` may mutate the draft or
   * return a new document; the result is validated (invalid entries dropped). Returns true when
   * the change was written to storage, false when it lives in memory only.
   */
  update(fn: (draft: ProgressData) => ProgressData | void): boolean;
  subscribe(fn: Listener): () => void;
  /**
   * Deliberately forgets all progress (e.g. a "reset" button), in every open tab: records older
   * than now are dropped on merge. Clearing the key by other means is treated as data loss and
   * undone by open tabs. Returns true when written to storage.
   */
  reset(now?: number): boolean;
  status(): StoreStatus;
  /** Feed a `storage` event (the browser singleton wires this up itself). */
  handleStorageEvent(e: { key: string | null; newValue: string | null }): void;
}

export interface StoreOptions {
  /** Returns the storage; may throw (e.g. SecurityError when storage is blocked). */
  storage: () => StorageLike | null | undefined;
  key?: string;
  backupKey?: string;
  /** A key whose data is copied to `key` when `key` is empty (migration from an older key). */
  migrateFrom?: string;
}

const clone = (d: ProgressData): ProgressData => JSON.parse(JSON.stringify(d)) as ProgressData;

export function createProgressStore({ storage, key = PROGRESS_KEY, backupKey = `${key}-unreadable`, migrateFrom }: StoreOptions): ProgressStore {
  let st: StorageLike | null = null;
  try {
    st = storage() ?? null;
  } catch {
    st = null;
  }
  if (st && migrateFrom) {
    try {
      const old = st.getItem(key) === null ? st.getItem(migrateFrom) : null;
      if (old !== null) st.setItem(key, old);
    } catch {
      /* storage blocked or full: read() reports it */
    }
  }
  let data = emptyProgress();
  let status: StoreStatus = st ? { saved: true } : { saved: false, reason: 'unavailable' };
  const listeners = new Set<Listener>();
  let backedUp = false;

  /** Reads storage; null when it cannot be read. Marks 'newer' data as not to be overwritten. */
  const read = (): ProgressData | null => {
    if (!st) return null;
    let raw: string | null;
    try {
      raw = st.getItem(key);
    } catch {
      status = { saved: false, reason: 'unavailable' };
      return null;
    }
    const parsed = parseProgress(raw);
    if (parsed.status === 'newer') status = { saved: false, reason: 'newer' };
    if (parsed.status === 'corrupt' && !backedUp && raw) {
      backedUp = true;
      try {
        if (st.getItem(backupKey) == null) st.setItem(backupKey, raw.slice(0, 100_000));
      } catch {
        /* no room for a backup: the data was unreadable anyway */
      }
    }
    return parsed.data;
  };

  const write = (d: ProgressData): boolean => {
    if (!st || status.reason === 'newer') return false;
    try {
      st.setItem(key, JSON.stringify(d));
      status = { saved: true };
      return true;
    } catch (e) {
      const quota = e instanceof Error && /quota/i.test(`${e.name} ${e.message}`);
      status = { saved: false, reason: quota ? 'quota' : 'unavailable' };
      return false;
    }
  };

  const notify = () => {
    for (const fn of listeners) {
      try {
        fn(data, status);
      } catch {
        /* one broken subscriber must not stop the others */
      }
    }
  };

  data = read() ?? data;

  return {
    get: () => data,
    status: () => status,
    update(fn) {
      const stored = read();
      // Storage present but unreadable: never write blind over data we could not see.
      const blind = Boolean(st) && stored === null;
      const base = stored ? mergeProgress(data, stored) : data;
      const draft = clone(base);
      let next: ProgressData;
      try {
        next = sanitizeProgress(fn(draft) ?? draft);
      } catch {
        return false;
      }
      data = next;
      const ok = blind ? false : write(next);
      notify();
      return ok;
    },
    reset(now = Date.now()) {
      const stored = read();
      const blind = Boolean(st) && stored === null;
      data = { ...emptyProgress(), resetAt: Math.max(now, data.resetAt, stored?.resetAt ?? 0) };
      const ok = blind ? false : write(data);
      notify();
      return ok;
    },
    subscribe(fn) {
      listeners.add(fn);
      try {
        fn(data, status);
      } catch {
        /* ignore */
      }
      return () => listeners.delete(fn);
    },
    handleStorageEvent(e) {
      if (e.key !== key && e.key !== null) return;
      if (e.key === null) {
        // storage.clear() in another tab: keep what this page knows; write it back.
        write(data);
        notify();
        return;
      }
      const parsed = parseProgress(e.newValue);
      if (parsed.status === 'newer') {
        status = { saved: false, reason: 'newer' };
        notify();
        return;
      }
      const merged = mergeProgress(data, parsed.data);
      data = merged;
      // The other tab's document lacked something we have (a lost concurrent write, or it was
      // wiped/corrupted): write the union back so it is not lost.
      if (parsed.status !== 'ok' || stableStringify(merged) !== stableStringify(parsed.data)) write(merged);
      notify();
    },
  };
}

let singleton: ProgressStore | undefined;

/** Name under which the SCORM launch shell (src/client/scorm/shell.ts) offers its storage to the course pages it frames. */
export const SCORM_HOST = 'xtzdScormHost';

/**
 * Where the page keeps progress: localStorage; in a SCORM package launched by its shell, the
 * shell's storage, which the LMS backs (the LMS is the source of truth there). A packaged page
 * opened without the shell (no LMS) uses localStorage like the plain site. The branch is a
 * build-time constant, so the ordinary site carries none of it.
 */
function pageStorage(): StorageLike | null | undefined {
  if (import.meta.env.XTZD_PACKAGE === 'scorm') {
    try {
      const host = (window.parent as unknown as Record<string, { storage?: StorageLike } | undefined>)[SCORM_HOST];
      if (window.parent !== window && host?.storage) return host.storage;
    } catch {
      /* a parent from another origin: not our shell */
    }
  }
  return globalThis.localStorage;
}

/** The page's store over localStorage (created on first use; browser only). */
export function getProgressStore(): ProgressStore {
  if (singleton) return singleton;
  const store = createProgressStore({ storage: pageStorage, ...progressKeys(import.meta.env.BASE_URL) });
  singleton = store;
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (e) => {
      try {
        if (e.storageArea === null || e.storageArea === globalThis.localStorage) store.handleStorageEvent(e);
      } catch {
        /* storage access blocked */
      }
    });
  }
  return store;
}
