/** Tells the console's other tabs about sign-out, so no tab keeps showing an ended session's data. */
const CHANNEL = 'dcos-console-session';

type SessionMessage = { type: 'signed-out' } | { type: 'signed-in'; uid: string };

function open(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
}

export function announceSession(message: SessionMessage): void {
  const channel = open();
  channel?.postMessage(message);
  channel?.close();
}

export function onSessionMessage(listener: (message: SessionMessage) => void): () => void {
  const channel = open();
  if (!channel) return () => undefined;
  channel.onmessage = (event: MessageEvent<SessionMessage>) => {
    listener(event.data);
  };
  return () => {
    channel.close();
  };
}
