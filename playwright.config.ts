import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium: Playwright cannot download its own browsers on these machines.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4174);
const baseURL = `http://127.0.0.1:${port}`;
/** The mounts scripts/nginx-e2e.ts serves (its MOUNTS). */
const NGINX_MOUNTS = [
  { name: 'root', url: 'http://127.0.0.1:4181/', specs: ['nginx/install.spec.ts', 'nginx/sign-in-page.spec.ts'] },
  {
    name: 'security',
    url: 'http://127.0.0.1:4182/security/',
    specs: ['nginx/install.spec.ts', 'nginx/sign-in-page.spec.ts'],
  },
  // Admin Router answers a signed-out browser at /service/ itself: the console's sign-in page is not where it starts.
  {
    name: 'marathon',
    url: 'http://127.0.0.1:4183/service/security-console/',
    specs: ['nginx/install.spec.ts', 'nginx/service-gate.spec.ts'],
  },
] as const;

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
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: 'nginx/**' },
    // The console installed as an admin would (issue 21): real nginx with deploy/nginx.conf behind an
    // Admin-Router-like nginx, at each of the three mounts (scripts/nginx-e2e.ts).
    ...NGINX_MOUNTS.map(({ name, url, specs }) => ({
      name: `nginx-${name}`,
      testMatch: [...specs],
      use: { ...devices['Desktop Chrome'], baseURL: url },
    })),
  ],
  webServer: [
    {
      // The built console with the simulator, exactly as `npm start` serves it (`npm run test:e2e` builds first).
      command: 'npx vite preview',
      url: `${baseURL}/__sim/health`,
      // SIM_CONTROL: each test makes its own database and injects faults through the test-only control API.
      env: { PORT: String(port), SECURITY_MODE: 'strict', SIM_CONTROL: '1' },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: 'npx tsx scripts/nginx-e2e.ts',
      url: 'http://127.0.0.1:4182/security/version.json',
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
