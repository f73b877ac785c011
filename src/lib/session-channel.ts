/** Tells the console's other tabs about sign-in and sign-out, so no tab keeps showing an ended session's data. */
const CHANNEL = 'dcos-console-session';

type SessionMessage = { type: 'signed-out' } | { type: 'signed-in'; uid: string };
type Envelope = SessionMessage & { from: string };

// A BroadcastChannel delivers to every other channel object of the same name, this tab's own listeners included. A
// tab acts on its own sign-out itself (a push to the sign-in page, so Back re-enters a protected page); hearing its own
// announcement too would replace that entry under it.
const THIS_TAB = crypto.randomUUID();

function open(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
}

export function announceSession(message: SessionMessage): void {
  const channel = open();
  channel?.postMessage({ ...message, from: THIS_TAB } satisfies Envelope);
  channel?.close();
}

/** Calls the listener for what the console's other tabs announce; returns the function that stops listening. */
export function onSessionMessage(listener: (message: SessionMessage) => void): () => void {
  const channel = open();
  if (!channel) return () => undefined;
  channel.onmessage = (event: MessageEvent<Envelope>) => {
    if (event.data.from === THIS_TAB) return;
    const { data } = event;
    listener(data.type === 'signed-in' ? { type: 'signed-in', uid: data.uid } : { type: 'signed-out' });
  };
  return () => {
    channel.close();
  };
}
