/**
 * SCORM run-time API discovery and a thin adapter over the two API versions (issue 14). Pure
 * enough to unit-test with plain objects standing in for windows.
 *
 * Discovery as the specifications describe it: look for the API object on the window, then up the
 * chain of parents (at most `maxTries` hops); failing that, from the opener of the top window and its
 * parents. SCORM 1.2 names it `API`, SCORM 2004 `API_1484_11`. A frame from another origin throws
 * on access: it is skipped, never an error.
 */
export type ScormVersion = '1.2' | '2004';

export interface WindowLike {
  parent?: WindowLike | null;
  top?: WindowLike | null;
  opener?: WindowLike | null;
  [name: string]: unknown;
}

export const apiName = (v: ScormVersion): string => (v === '1.2' ? 'API' : 'API_1484_11');

function scan(start: WindowLike | null | undefined, name: string, maxTries: number): unknown {
  let w = start;
  for (let tries = 0; w && tries <= maxTries; tries++) {
    try {
      const api = w[name];
      if (api && typeof api === 'object') return api;
      const p = w.parent;
      if (!p || p === w) return null;
      w = p;
    } catch {
      return null;
    }
  }
  return null;
}

export function findApi(win: WindowLike, version: ScormVersion, maxTries = 500): unknown {
  const name = apiName(version);
  const found = scan(win, name, maxTries);
  if (found) return found;
  try {
    const top = win.top ?? win;
    return scan(top.opener, name, maxTries);
  } catch {
    return null;
  }
}

/** The calls the course makes, the same for both versions. */
export interface LmsSession {
  version: ScormVersion;
  initialize(): boolean;
  get(element: string): string;
  set(element: string, value: string): boolean;
  commit(): boolean;
  terminate(): boolean;
  /** The last error as "code message", or null when there was none. */
  lastError(): string | null;
}

type Fn = (...a: string[]) => unknown;

export function lmsSession(api: unknown, version: ScormVersion): LmsSession {
  const a = api as Record<string, Fn>;
  const n =
    version === '1.2'
      ? { init: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', end: 'LMSFinish', err: 'LMSGetLastError', str: 'LMSGetErrorString' }
      : { init: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit', end: 'Terminate', err: 'GetLastError', str: 'GetErrorString' };
  const call = (name: string, ...args: string[]): unknown => {
    const f = a[name];
    return typeof f === 'function' ? f.apply(a, args) : undefined;
  };
  const ok = (r: unknown) => r === true || r === 'true';
  return {
    version,
    initialize: () => ok(call(n.init, '')),
    get: (e) => String(call(n.get, e) ?? ''),
    set: (e, v) => ok(call(n.set, e, v)),
    commit: () => ok(call(n.commit, '')),
    terminate: () => ok(call(n.end, '')),
    lastError() {
      const code = String(call(n.err) ?? '0');
      return code === '0' || code === '' ? null : `${code} ${String(call(n.str, code) ?? '')}`.trim();
    },
  };
}
