// `npm run setup`: everything a fresh machine needs. npm dependencies from the lockfile, then Debian's Chromium
// and fonts for the e2e tests (Playwright cannot download its own browsers here). Safe to run again.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-liberation'];

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
  console.log(`\nChromium found at ${CHROMIUM}; fonts installed.`);
} else if (typeof process.getuid === 'function' && process.getuid() === 0) {
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing]);
} else {
  console.error(
    `\nThe e2e tests need Debian's ${missing.join(' and ')} (Chromium expected at ${CHROMIUM}).\n` +
      `Install them as root:  sudo apt-get install -y ${missing.join(' ')}\n` +
      `(or set CHROMIUM_PATH to another Chromium). npm dependencies are installed; \`npm start\` works without them.`,
  );
  process.exit(1);
}
console.log('\nSet-up complete. Next: `npm start` (the console on the simulator) or `npm test`.');
