/**
 * BroadcastChannel link between the classroom windows (no-op where BroadcastChannel is missing).
 * One channel per page and lesson, shared by every caller (the deck and each live-quiz slide):
 * it is closed on `pagehide` (an open channel keeps a page out of the back/forward cache) and
 * reopened on `pageshow`, so a deck restored by Back/Forward still talks to the presenter.
 */
import { channelName, parseMessage, windowId, type SyncMessage } from '../../lib/classroom/sync';

export interface SyncLink {
  id: string;
  send(msg: SyncMessage): void;
  close(): void;
}

type Listener = (msg: SyncMessage) => void;
interface Shared {
  name: string;
  channel: BroadcastChannel | null;
  listeners: Set<Listener>;
}

/** This window's id (messages carry it so a window ignores its own echo). */
const pageId = windowId();
const shared = new Map<string, Shared>();
let wired = false;

function open(s: Shared) {
  const channel = new BroadcastChannel(s.name);
  channel.addEventListener('message', (e: MessageEvent) => {
    const msg = parseMessage(e.data);
    if (!msg || msg.from === pageId) return;
    for (const fn of s.listeners) fn(msg);
  });
  s.channel = channel;
}

function wire() {
  if (wired) return;
  wired = true;
  addEventListener('pagehide', () => {
    for (const s of shared.values()) {
      s.channel?.close();
      s.channel = null;
    }
  });
  addEventListener('pageshow', () => {
    for (const s of shared.values()) if (!s.channel) open(s);
  });
}

export function connect(lessonId: string, onMessage: Listener): SyncLink {
  if (typeof BroadcastChannel === 'undefined') return { id: pageId, send: () => {}, close: () => {} };
  const name = channelName(import.meta.env.BASE_URL, lessonId);
  let s = shared.get(name);
  if (!s) {
    s = { name, channel: null, listeners: new Set() };
    shared.set(name, s);
    open(s);
    wire();
  }
  const link = s;
  link.listeners.add(onMessage);
  return {
    id: pageId,
    send: (msg) => link.channel?.postMessage(msg),
    close: () => {
      link.listeners.delete(onMessage);
      if (link.listeners.size) return;
      link.channel?.close();
      shared.delete(name);
    },
  };
}
