/** Time formatting and a pausable stopwatch / countdown model (pure; the caller supplies "now"). */

/** 75 → "01:15"; 3725 → "1:02:05"; negatives and NaN count as 0. */
export function formatClock(totalSeconds: number): string {
  const s = Number.isFinite(totalSeconds) ? Math.max(0, Math.floor(totalSeconds)) : 0;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${pad(m)}:${pad(sec)}`;
}

/** A stopwatch as plain data: elapsed so far plus the start time of the running stretch. */
export interface Stopwatch {
  /** Milliseconds accumulated while paused. */
  accumulated: number;
  /** When the current running stretch started (ms), or null when paused. */
  since: number | null;
}

export const newStopwatch = (now: number, running = true): Stopwatch => ({ accumulated: 0, since: running ? now : null });
export const elapsedMs = (w: Stopwatch, now: number): number => w.accumulated + (w.since === null ? 0 : Math.max(0, now - w.since));
export const pauseStopwatch = (w: Stopwatch, now: number): Stopwatch => (w.since === null ? w : { accumulated: elapsedMs(w, now), since: null });
export const resumeStopwatch = (w: Stopwatch, now: number): Stopwatch => (w.since === null ? { ...w, since: now } : w);
export const resetStopwatch = (w: Stopwatch, now: number): Stopwatch => ({ accumulated: 0, since: w.since === null ? null : now });

/** Seconds left of a countdown of `durationS` that started at `startedAt` (ms); never below 0. */
export function secondsLeft(durationS: number, startedAt: number, now: number): number {
  const left = durationS - (now - startedAt) / 1000;
  return Math.max(0, Math.ceil(left - 1e-9));
}
