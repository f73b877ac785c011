import { useEffect, useState, type ComponentType, type ReactNode } from 'react';

/** After the page has painted and the browser is idle: the page's own work (its first rows) goes first. */
export function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 200);
  return () => clearTimeout(id);
}

export interface DeferredComponent<P> {
  (props: P): ReactNode;
  /** Starts fetching the code (once); resolves when it is there. */
  preload: () => Promise<ComponentType<P>>;
}

interface DeferredOptions<P> {
  /** Shown until the code is there (nothing by default). */
  fallback?: ComponentType<P>;
  /** When this is true the code is fetched at once rather than when the browser is idle (a dialog that opens). */
  needNow?: (props: P) => boolean;
}

/**
 * A component whose code is not part of the page's first load: fetched once the browser is idle after the page has
 * painted (or at once when `needNow` says so), then rendered in place of the fallback. Once fetched it renders at once
 * everywhere, with no Suspense round. A fetch that fails while the component is needed goes to the route's error
 * page (which offers a retry); one that fails while idle is tried again later.
 */
export function deferred<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { fallback: Fallback, needNow }: DeferredOptions<P> = {},
): DeferredComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  function Deferred(props: P): ReactNode {
    const [Component, setComponent] = useState(() => loaded);
    const [failure, setFailure] = useState<{ error: unknown } | null>(null);
    const now = needNow?.(props) ?? false;
    useEffect(() => {
      if (Component) return undefined;
      let live = true;
      const start = () =>
        void preload().then(
          (component) => {
            if (live) setComponent(() => component);
          },
          (error: unknown) => {
            if (live && now) setFailure({ error });
          },
        );
      const cancel = now ? (start(), undefined) : whenIdle(start);
      return () => {
        live = false;
        cancel?.();
      };
    }, [Component, now]);
    if (failure) throw failure.error;
    if (Component) return <Component {...props} />;
    return Fallback ? <Fallback {...props} /> : null;
  }
  Deferred.preload = preload;
  return Deferred;
}
