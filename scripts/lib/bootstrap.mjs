// Set-up both README commands share, using only Node's own modules (nothing is installed yet).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Debian's Chromium; CHROMIUM_PATH points the tests and the demo at another build. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Debian's firefox-esr; FIREFOX_PATH points the Firefox tests and demo at another build. */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function must(command, args, what) {
  const status = run(command, args);
  if (status !== 0) {
    console.error(`\n${what} failed (exit ${status}).`);
    process.exit(status);
  }
}

/** `npm ci` when node_modules is missing or was installed from another lock file. */
export function ensureDependencies() {
  const lock = readFileSync(path.join(ROOT, 'package-lock.json'));
  const hash = createHash('sha256').update(lock).digest('hex');
  const stamp = path.join(ROOT, 'node_modules', '.presence-lens-lock');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  console.log('Installing dependencies (npm ci)…');
  must('npm', ['ci', '--no-audit', '--no-fund'], 'npm ci');
  writeFileSync(stamp, hash);
}

/** Debian's Chromium, the browser every end-to-end test and the demo drive. */
export function ensureChromium() {
  ensureDebianPackage(CHROMIUM, 'chromium', 'Chromium', 'CHROMIUM_PATH');
}

/** Debian's firefox-esr, for the Firefox end-to-end tests and `npm start -- --firefox`. */
export function ensureFirefox() {
  ensureDebianPackage(FIREFOX, 'firefox-esr', 'Firefox ESR', 'FIREFOX_PATH');
}

function ensureDebianPackage(executable, pkg, label, envName) {
  if (existsSync(executable)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? [] : ['sudo'];
  if (!existsSync('/usr/bin/apt-get') || (!isRoot && !existsSync('/usr/bin/sudo'))) {
    console.error(
      `${label} is missing at ${executable}. Install Debian's ${pkg} package (or set ${envName}) and run again.`,
    );
    process.exit(1);
  }
  console.log(`Installing Debian ${label} (${[...sudo, 'apt-get install', pkg].join(' ')})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args) =>
    run(sudo[0] ?? 'apt-get', [...(sudo.length ? ['apt-get'] : []), ...args], { env });
  if (
    apt('update', '-qq') !== 0 ||
    apt('install', '-y', '-qq', pkg) !== 0 ||
    !existsSync(executable)
  ) {
    console.error(`Installing ${label} failed.`);
    process.exit(1);
  }
}
