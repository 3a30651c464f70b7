// Set-up both README commands share, using only Node's own modules (nothing is installed yet).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = '/usr/bin/chromium';

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
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(
      `Chromium is missing at ${CHROMIUM}. Install it (Debian: sudo apt-get install chromium) and run again.`,
    );
    process.exit(1);
  }
  console.log('Installing Debian Chromium (apt-get install chromium)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  must('apt-get', ['update', '-qq'], 'apt-get update');
  if (
    run('apt-get', ['install', '-y', '-qq', 'chromium'], { env }) !== 0 ||
    !existsSync(CHROMIUM)
  ) {
    console.error('Installing Chromium failed.');
    process.exit(1);
  }
}
