import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium: Playwright cannot download its own browsers on these machines.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4174);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  // Clears, then sums up, what the API contract check saw (e2e/contract/global.ts).
  globalSetup: './e2e/contract/global.ts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      // Without these, Chromium keeps trying to reach Google's hosts, which this network refuses.
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // The built console with the simulator, exactly as `npm start` serves it (`npm run test:e2e` builds first).
    command: 'npx vite preview',
    url: `${baseURL}/__sim/health`,
    // SIM_CONTROL: each test makes its own database and injects faults through the test-only control API.
    env: { PORT: String(port), SECURITY_MODE: 'strict', SIM_CONTROL: '1' },
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
