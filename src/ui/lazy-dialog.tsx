import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { whenIdle } from './deferred.tsx';

interface DialogProps {
  isOpen: boolean;
}

/**
 * A page's dialog (Create, Import) whose code is not part of the page's first load: it is fetched once the page is
 * idle, so it is at hand when asked for, and mounts the first time it opens. Once mounted it stays mounted, so a
 * half-filled form survives closing and opening again, as it did when the page rendered it from the start.
 * A failed fetch is tried again the next time (the route's error page says what failed meanwhile).
 */
export function lazyDialog<P extends DialogProps>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  const Loaded = lazy(async () => ({ default: await preload() }));
  function LazyDialog(props: P) {
    const [mounted, setMounted] = useState(props.isOpen);
    if (props.isOpen && !mounted) setMounted(true);
    useEffect(() => whenIdle(() => void preload().catch(() => undefined)), []);
    if (!mounted) return null;
    return (
      <Suspense fallback={null}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  return LazyDialog;
}
