import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { server, simulator } from './src/mocks/node.ts';
import { clearBrowserCookies, installBrowserCookies } from './src/test/browser-cookies.ts';
import { preloadAccountMenu } from './src/app/shell/account-menu.tsx';
import { Dialog } from './src/ui/dialog.tsx';

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  if (typeof window !== 'undefined') {
    installBrowserCookies();
    // The console as a user has it a moment after the first paint: the code of dialogs and the account menu, which
    // no page's first load waits for, has arrived (src/ui/deferred.test.tsx covers the moment before).
    await Promise.all([Dialog.preload(), preloadAccountMenu()]);
  }
});

beforeEach(() => {
  // A console.error is a bug (React warnings, unhandled rejections logged by libraries): fail the test.
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error: ${args.map(String).join(' ')}`);
  });
});

afterEach(() => {
  if (typeof window !== 'undefined') {
    cleanup();
    clearBrowserCookies();
  }
  server.resetHandlers();
  simulator.context.reset();
});

afterAll(() => {
  server.close();
});
