/** BroadcastChannel wrapper for the classroom windows (no-op where BroadcastChannel is missing). */
import { channelName, parseMessage, windowId, type SyncMessage } from '../../lib/classroom/sync';

export interface SyncLink {
  id: string;
  send(msg: SyncMessage): void;
  close(): void;
}

export function connect(lessonId: string, onMessage: (msg: SyncMessage) => void): SyncLink {
  const id = windowId();
  if (typeof BroadcastChannel === 'undefined') return { id, send: () => {}, close: () => {} };
  const channel = new BroadcastChannel(channelName(lessonId));
  channel.addEventListener('message', (e: MessageEvent) => {
    const msg = parseMessage(e.data);
    if (msg && msg.from !== id) onMessage(msg);
  });
  const close = () => channel.close();
  addEventListener('pagehide', close);
  return {
    id,
    send: (msg) => channel.postMessage(msg),
    close: () => {
      removeEventListener('pagehide', close);
      close();
    },
  };
}
