import { startTransition, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useSearchUpdate } from './use-search-update.ts';

/** How long typing pauses before the text goes to the URL. */
export const URL_TEXT_DELAY_MS = 250;

interface State {
  /** What the box shows: the user's latest keystroke. */
  text: string;
  /** The URL's value at the last render, to notice when something else (Back, a link) changes it. */
  url: string;
  /** The last value this hook wrote to the URL, so its own write coming back is not taken for an outside change. */
  written: string | null;
}

/**
 * Text typed into a box whose value also lives in the URL (a list's search). The box shows the component's state,
 * so a keystroke renders only the box (and what defers to it); the URL follows once typing pauses, in a transition.
 * A router navigation per keystroke (history.replaceState and a render of every route) cost several times the
 * filtering itself (issue 9: keystroke → rows ≤ 50 ms at 4× CPU). A URL changed from outside (Back, a link, a
 * reload) wins over the text.
 */
export function useUrlText(
  urlValue: string,
  write: (value: string) => void,
  delayMs = URL_TEXT_DELAY_MS,
): [string, (next: string) => void] {
  const [state, setState] = useState<State>({ text: urlValue, url: urlValue, written: null });
  let { text } = state;
  if (state.url !== urlValue) {
    // Adjusting state while rendering (React's pattern for "state from a changed prop"): no effect, no flash.
    if (urlValue !== state.written) text = urlValue;
    setState({ text, url: urlValue, written: null });
  }

  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const written = useRef<string | null>(null);
  const latest = useRef({ write, urlValue });
  useLayoutEffect(() => {
    latest.current = { write, urlValue };
  });
  // An outside change cancels a write still waiting (it would undo that change); leaving the page drops it.
  useEffect(() => {
    if (urlValue !== written.current) clearTimeout(timer.current);
  }, [urlValue]);
  useEffect(() => () => clearTimeout(timer.current), []);

  // Stable: the memoized search boxes (ListSearch) take it as their onChange.
  const change = useCallback(
    (next: string) => {
      setState((current) => ({ ...current, text: next }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        if (next === latest.current.urlValue) return;
        written.current = next;
        setState((current) => ({ ...current, written: next }));
        startTransition(() => latest.current.write(next));
      }, delayMs);
    },
    [delayMs],
  );
  return [text, change];
}

/**
 * The search parameter `key` as typed text (useUrlText): its writes replace the history entry (typing is not a
 * navigation), and an empty text removes the parameter.
 */
export function useUrlSearchText(key: string): [string, (next: string) => void] {
  const [params] = useSearchParams();
  const update = useSearchUpdate();
  const write = (value: string) => update({ [key]: value === '' ? null : value }, { replace: true });
  return useUrlText(params.get(key) ?? '', write);
}
