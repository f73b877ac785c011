import { useState } from 'react';

/** Copies text to the clipboard and says so briefly; the text itself is never shown by this button. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => {
      setState('idle');
    }, 2000);
  };
  return (
    <button type="button" className="btn btn-small" onClick={() => void copy()} aria-label={label}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
      <span className="visually-hidden" role="status">
        {state === 'copied' ? 'Copied to the clipboard.' : state === 'failed' ? 'Could not copy.' : ''}
      </span>
    </button>
  );
}
