import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ComponentType } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { lazyDialog } from './lazy-dialog.tsx';

interface NoteDialogProps {
  isOpen: boolean;
  onClose: () => void;
}

/** A stand-in dialog whose draft lives in the component (as a form's does), to see whether it survives closing. */
function NoteDialog({ isOpen, onClose }: NoteDialogProps) {
  const [draft, setDraft] = useState('');
  if (!isOpen) return null;
  return (
    <div role="dialog" aria-label="Note">
      <label>
        Note <input value={draft} onChange={(e) => setDraft(e.target.value)} />
      </label>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}

function Page({ Dialog }: { Dialog: ComponentType<NoteDialogProps> }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Write a note
      </button>
      <Dialog isOpen={open} onClose={() => setOpen(false)} />
    </>
  );
}

describe('lazyDialog', () => {
  it('fetches its code once the page is idle, not with the page, and only once', async () => {
    const load = vi.fn(() => Promise.resolve<ComponentType<NoteDialogProps>>(NoteDialog));
    const Dialog = lazyDialog(load);
    render(<Page Dialog={Dialog} />);
    expect(load).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    await userEvent.click(screen.getByRole('button', { name: 'Write a note' }));
    expect(await screen.findByRole('dialog', { name: 'Note' })).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('opens even when asked before the page was idle, and keeps what was typed after closing', async () => {
    let finish: (component: ComponentType<NoteDialogProps>) => void = () => undefined;
    const Dialog = lazyDialog(() => new Promise<ComponentType<NoteDialogProps>>((resolve) => (finish = resolve)));
    render(<Page Dialog={Dialog} />);
    await userEvent.click(screen.getByRole('button', { name: 'Write a note' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    finish(NoteDialog);
    await userEvent.type(await screen.findByRole('textbox', { name: 'Note' }), 'half a thought');
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Write a note' }));
    expect(screen.getByRole('textbox', { name: 'Note' })).toHaveValue('half a thought');
  });
});
