import { useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A question that lives in the URL (`keys` of the search params), for a form that holds its own edits: `generation`
 * changes when the question there changes by Back, Forward or a link, so the form (keyed by it) starts again from the
 * URL; not when the change is the form's own `ask`, which would only cost the focus. Adjusting state during render is
 * React's pattern for this. `ask` replaces the search params with the asked question.
 */
export function useQuestionFromUrl(keys: readonly string[]) {
  const [params, setParams] = useSearchParams();
  const value = (key: string) => params.get(key) ?? '';
  const question = new URLSearchParams(keys.map((key) => [key, value(key)])).toString();
  const [form, setForm] = useState<{ question: string; asked: string | null; generation: number }>({
    question,
    asked: null,
    generation: 0,
  });
  if (form.question !== question)
    setForm({ question, asked: null, generation: question === form.asked ? form.generation : form.generation + 1 });
  const ask = (asked: Record<string, string>) => {
    const own = new URLSearchParams(keys.map((key) => [key, asked[key] ?? ''])).toString();
    setForm((current) => ({ ...current, asked: own }));
    setParams(asked);
  };
  return { params, setParams, value, generation: form.generation, ask };
}
