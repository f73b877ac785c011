import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { URL_TEXT_DELAY_MS, useUrlText } from './use-url-text.ts';

/** A stand-in for the URL: its value, a record of every write, and a button that changes it from outside (a link). */
function Harness({ writes }: { writes: string[] }) {
  const [url, setUrl] = useState('start');
  const [text, setText] = useUrlText(url, (value) => {
    writes.push(value);
    setUrl(value);
  });
  return (
    <>
      <label>
        Search <input value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <output aria-label="URL">{url}</output>
      <button type="button" onClick={() => setUrl('from a link')}>
        Follow a link
      </button>
    </>
  );
}

describe('useUrlText', () => {
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
  afterEach(() => vi.useRealTimers());

  it('shows every keystroke at once and writes the URL once, after typing pauses', async () => {
    const writes: string[] = [];
    render(<Harness writes={writes} />);
    const box = screen.getByLabelText('Search');
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    await user.clear(box);
    await user.type(box, 'alice');
    expect(box).toHaveValue('alice');
    expect(writes).toEqual([]);
    act(() => {
      vi.advanceTimersByTime(URL_TEXT_DELAY_MS);
    });
    expect(writes).toEqual(['alice']);
    expect(screen.getByLabelText('URL')).toHaveTextContent('alice');
    expect(box).toHaveValue('alice');
  });

  it('takes a URL changed from outside, and drops the write it was waiting to make', async () => {
    const writes: string[] = [];
    render(<Harness writes={writes} />);
    const box = screen.getByLabelText('Search');
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    await user.type(box, 'x');
    await user.click(screen.getByRole('button', { name: 'Follow a link' }));
    expect(box).toHaveValue('from a link');
    act(() => {
      vi.advanceTimersByTime(URL_TEXT_DELAY_MS * 2);
    });
    expect(writes).toEqual([]);
    expect(screen.getByLabelText('URL')).toHaveTextContent('from a link');
  });

  it('writes nothing once the page is gone', async () => {
    const writes: string[] = [];
    const { unmount } = render(<Harness writes={writes} />);
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    await user.type(screen.getByLabelText('Search'), 'y');
    unmount();
    act(() => {
      vi.advanceTimersByTime(URL_TEXT_DELAY_MS * 2);
    });
    expect(writes).toEqual([]);
  });
});
