import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { server, simulator } from './src/mocks/node.ts';
import { clearBrowserCookies, installBrowserCookies } from './src/test/browser-cookies.ts';

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  if (typeof window !== 'undefined') installBrowserCookies();
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
