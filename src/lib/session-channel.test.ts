import { afterEach, describe, expect, it, vi } from 'vitest';
import { announceSession, onSessionMessage } from './session-channel.ts';

const CHANNEL = 'dcos-console-session';
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

/** Waits long enough for a BroadcastChannel message to arrive (delivery is asynchronous). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the session channel', () => {
  it('passes on what another tab announces', async () => {
    const heard = vi.fn();
    stops.push(onSessionMessage(heard));
    const otherTab = new BroadcastChannel(CHANNEL);
    otherTab.postMessage({ type: 'signed-in', uid: 'alice', from: 'another-tab' });
    otherTab.postMessage({ type: 'signed-out', from: 'another-tab' });
    await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(2));
    otherTab.close();
    expect(heard.mock.calls).toEqual([[{ type: 'signed-in', uid: 'alice' }], [{ type: 'signed-out' }]]);
  });

  it('does not echo this tab’s own announcements back to it', async () => {
    const heard = vi.fn();
    stops.push(onSessionMessage(heard));
    const otherTab = new BroadcastChannel(CHANNEL);
    const seenByOtherTab = vi.fn();
    otherTab.onmessage = seenByOtherTab;
    announceSession({ type: 'signed-out' });
    await vi.waitFor(() => expect(seenByOtherTab).toHaveBeenCalledOnce());
    await settle();
    otherTab.close();
    expect(heard).not.toHaveBeenCalled();
  });
});
