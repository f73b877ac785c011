import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Component, useState, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { deferred } from './deferred.tsx';

interface PanelProps {
  isOpen: boolean;
}

function Panel({ isOpen }: PanelProps) {
  return isOpen ? <p>Panel content</p> : <p>Panel closed</p>;
}

function Waiting() {
  return <p>Waiting for the panel</p>;
}

/** A load the test resolves or rejects when it wants. */
function controlledLoad() {
  let settle: { resolve: (c: typeof Panel) => void; reject: (e: Error) => void } | undefined;
  const load = vi.fn(
    () =>
      new Promise<typeof Panel>((resolve, reject) => {
        settle = { resolve, reject };
      }),
  );
  return { load, resolve: () => settle?.resolve(Panel), reject: (error: Error) => settle?.reject(error) };
}

class Boundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <p role="alert">Failed: {this.state.error.message}</p> : this.props.children;
  }
}

function Opener({ Deferred }: { Deferred: (props: PanelProps) => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <Deferred isOpen={open} />
    </>
  );
}

describe('deferred', () => {
  it('shows the fallback first, fetches the code once the browser is idle, then renders the component', async () => {
    const { load, resolve } = controlledLoad();
    const Deferred = deferred(load, { fallback: Waiting, needNow: (props: PanelProps) => props.isOpen });
    render(<Deferred isOpen={false} />);
    expect(screen.getByText('Waiting for the panel')).toBeInTheDocument();
    // Not with the first render: the page's own work goes first.
    expect(load).not.toHaveBeenCalled();
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    resolve();
    expect(await screen.findByText('Panel closed')).toBeInTheDocument();
    // Loaded once, a new instance renders at once, with no fallback and no second fetch.
    render(<Deferred isOpen />);
    expect(screen.getByText('Panel content')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('fetches at once when needed (a dialog opened before the browser was idle)', async () => {
    const { load, resolve } = controlledLoad();
    const Deferred = deferred(load, { needNow: (props: PanelProps) => props.isOpen });
    render(<Opener Deferred={Deferred} />);
    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(load).toHaveBeenCalledTimes(1);
    resolve();
    expect(await screen.findByText('Panel content')).toBeInTheDocument();
  });

  it('sends a failed fetch of code that is needed to the error boundary, and fetches again next time', async () => {
    // React reports an error its boundary caught with console.error, which the test setup otherwise turns into a failure.
    const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { load, reject } = controlledLoad();
    const Deferred = deferred(load, { needNow: (props: PanelProps) => props.isOpen });
    render(
      <Boundary>
        <Deferred isOpen />
      </Boundary>,
    );
    reject(new Error('chunk unreachable'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Failed: chunk unreachable');
    expect(reported).toHaveBeenCalled();
    const again = Deferred.preload();
    expect(load).toHaveBeenCalledTimes(2);
    again.catch(() => undefined);
  });
});
