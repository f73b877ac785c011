import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { dropEarlyResponses } from './api/early-responses.ts';
import { createQueryClient } from './app/query-client.ts';
import { createAppRouter } from './app/router.tsx';
import './ui/global.css';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);
// The answers theme-init.js asked for early are for the first page's loaders only: drop what they left once it has loaded.
const dropWhenLoaded = () => {
  if (!router.state.initialized || router.state.navigation.state !== 'idle') return false;
  dropEarlyResponses();
  return true;
};
if (!dropWhenLoaded()) {
  const unsubscribe = router.subscribe(() => {
    if (dropWhenLoaded()) unsubscribe();
  });
}
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
