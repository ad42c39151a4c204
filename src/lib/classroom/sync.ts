/**
 * The message protocol between the audience window and the presenter window
 * (BroadcastChannel, same origin, no server). Every message is validated on receipt:
 * anything malformed is ignored.
 */
import { scopedName } from '../paths';

export const PROTOCOL_VERSION = 1;

export type SyncMessage =
  /** Show slide `slide` (1-based). */
  | { v: 1; type: 'goto'; slide: number; from: string }
  /** A window joined and asks for the current slide. */
  | { v: 1; type: 'hello'; from: string; role: 'audience' | 'presenter' }
  /** A live activity changed on a slide (e.g. quiz revealed); `state` is opaque to the deck. */
  | { v: 1; type: 'activity'; slide: number; state: Record<string, unknown>; from: string };

/**
 * Channel name for one lesson of the deployment at `base`, so two lessons presented side by side,
 * or two deployments on one origin, do not interfere.
 */
export const channelName = (base: string, lessonId: string): string => scopedName(base, `classroom:${lessonId}`);

/** A random id for this window (messages carry it so a window ignores its own echo). */
export const windowId = (rand: () => number = Math.random): string => rand().toString(36).slice(2, 10) || 'w';

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Returns the message if it is well-formed, else null. */
export function parseMessage(data: unknown): SyncMessage | null {
  if (!isObj(data) || data.v !== PROTOCOL_VERSION || typeof data.from !== 'string' || data.from.length > 64) return null;
  switch (data.type) {
    case 'goto':
      if (typeof data.slide !== 'number' || !Number.isInteger(data.slide) || data.slide < 1 || data.slide > 10_000) return null;
      return { v: 1, type: 'goto', slide: data.slide, from: data.from };
    case 'hello':
      if (data.role !== 'audience' && data.role !== 'presenter') return null;
      return { v: 1, type: 'hello', from: data.from, role: data.role };
    case 'activity':
      if (typeof data.slide !== 'number' || !Number.isInteger(data.slide) || data.slide < 1 || !isObj(data.state)) return null;
      return { v: 1, type: 'activity', slide: data.slide, state: data.state, from: data.from };
    default:
      return null;
  }
}

export const gotoMessage = (slide: number, from: string): SyncMessage => ({ v: 1, type: 'goto', slide, from });
export const helloMessage = (from: string, role: 'audience' | 'presenter'): SyncMessage => ({ v: 1, type: 'hello', from, role });

/** What a presenter can ask a live quiz to do. */
export interface QuizCommand {
  reveal?: boolean;
  /** Start a countdown of this many seconds (5–600). */
  countdown?: number;
  /**
   * Sent the other way, by the audience's live quiz: the display order of its options (display
   * position → authored option), so the presenter's copy of the slide shows the same letters.
   */
  order?: number[];
  /** With `order`: the answer lines as the class sees them (letters by display position). */
  answer?: string[];
}

/** True when `v` is a permutation of 0…n-1 (n ≤ 26). */
function isOrder(v: unknown): v is number[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > 26) return false;
  const seen = new Set<number>();
  for (const x of v) {
    if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x >= v.length || seen.has(x)) return false;
    seen.add(x);
  }
  return true;
}

/** Reads a quiz command from an activity message state; unknown or bad fields are dropped. */
export function parseActivity(state: Record<string, unknown>): QuizCommand {
  const out: QuizCommand = {};
  if (typeof state.reveal === 'boolean') out.reveal = state.reveal;
  const c = state.countdown;
  if (typeof c === 'number' && Number.isInteger(c) && c >= 5 && c <= 600) out.countdown = c;
  if (isOrder(state.order)) out.order = [...state.order];
  const a = state.answer;
  if (Array.isArray(a) && a.length <= 26 && a.every((x) => typeof x === 'string' && x.length <= 1000)) out.answer = [...(a as string[])];
  return out;
}

export const activityMessage = (slide: number, state: Record<string, unknown>, from: string): SyncMessage => ({ v: 1, type: 'activity', slide, state, from });
