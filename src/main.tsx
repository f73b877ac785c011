import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { dropEarlyResponses } from './api/early-responses.ts';
import { createQueryClient } from './app/query-client.ts';
import { createAppRouter } from './app/router.tsx';
import { BASE, publicPath } from './lib/base.ts';
import { legacyRoute } from './lib/legacy-routes.ts';
import './ui/global.css';

// The DC/OS UI's hash routes (Admin Router's 401 page sends browsers to `/#/login?redirect=…`) land where they meant.
const legacy = legacyRoute(window.location.hash, window.location.origin, BASE);
if (legacy !== null) window.history.replaceState(null, '', publicPath(legacy));

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const loaded = () => router.state.initialized && router.state.navigation.state === 'idle';
/** Calls `then` once the first page's code and loaders are done (at once if they are). */
function whenLoaded(then: () => void): void {
  if (loaded()) {
    then();
    return;
  }
  const unsubscribe = router.subscribe(() => {
    if (!loaded()) return;
    unsubscribe();
    then();
  });
}

// The answers theme-init.js asked for early are for the first page's loaders only: drop what they left.
whenLoaded(dropEarlyResponses);

/**
 * How long the first page may take before "Loading…" is shown. Its code and data mostly arrive with the entry or just
 * after (theme-init.js asked for them early): a "Loading…" painted a moment before the page would only delay it by a
 * render and a paint of its own. A page that takes longer gets it.
 */
const LOADING_DELAY_MS = 400;
let rendered = false;
function render() {
  if (rendered || !root) return;
  rendered = true;
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}
whenLoaded(render);
setTimeout(render, LOADING_DELAY_MS);
