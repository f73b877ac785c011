// `npm run setup`: everything a fresh machine needs. npm dependencies from the lockfile, then Debian's Chromium
// and fonts for the e2e tests (Playwright cannot download its own browsers here), and nginx-light with its brotli
// module, which the tests run deploy/nginx.conf in (src/test/console-nginx.ts, scripts/nginx-e2e.ts). Safe to run again.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PACKAGES = [
  'chromium',
  'fonts-liberation',
  'fonts-dejavu-core',
  'nginx-light',
  'libnginx-mod-http-brotli-static',
];

function run(command, args) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  execFileSync(command, args, { stdio: 'inherit' });
}

function isInstalled(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

run('npm', ['ci', '--no-audit', '--no-fund']);

const missing = PACKAGES.filter((pkg) => (pkg === 'chromium' ? !existsSync(CHROMIUM) : !isInstalled(pkg)));
if (missing.length === 0) {
  console.log(`\nChromium found at ${CHROMIUM}; fonts and nginx installed.`);
} else if (typeof process.getuid === 'function' && process.getuid() === 0) {
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing]);
  // Debian starts the nginx service on install: the tests run their own nginx processes on their own ports.
  if (missing.includes('nginx-light'))
    spawnSync(
      'sh',
      ['-c', 'command -v systemctl >/dev/null && systemctl disable --now nginx; nginx -s stop 2>/dev/null; true'],
      { stdio: 'inherit' },
    );
} else {
  console.error(
    `\nThe tests need Debian's ${missing.join(', ')} (Chromium expected at ${CHROMIUM}).\n` +
      `Install them as root:  sudo apt-get install -y ${missing.join(' ')}\n` +
      `(or set CHROMIUM_PATH to another Chromium). npm dependencies are installed; \`npm start\` works without them.`,
  );
  process.exit(1);
}
console.log('\nSet-up complete. Next: `npm start` (the console on the simulator) or `npm test`.');
