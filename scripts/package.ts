/**
 * `npm run package`: the store builds (build/targets.ts: no loopback, no source maps, minified),
 * zipped for the stores, plus the source the Firefox review asks for:
 *   artifacts/presence-lens-chrome-<version>.zip
 *   artifacts/presence-lens-firefox-<version>.zip
 *   artifacts/presence-lens-firefox-<version>-source.zip
 * The Firefox package must pass `web-ext lint` with no errors. test/package/ checks the zips.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { lintFirefox } from './package-lint-firefox';

const ROOT = path.resolve(import.meta.dirname, '..');
const ARTIFACTS = path.join(ROOT, 'artifacts');
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};

export const packageNames = (v: string) => ({
  chrome: `presence-lens-chrome-${v}.zip`,
  firefox: `presence-lens-firefox-${v}.zip`,
  source: `presence-lens-firefox-${v}-source.zip`,
});

/** Fixed timestamps, so the same tree gives the same zip. */
const MTIME = new Date('2026-01-01T00:00:00Z');

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, base) : [path.relative(base, full)];
  });
}

function zipFiles(files: string[], from: string, to: string): void {
  const entries: Zippable = {};
  for (const file of files.sort()) {
    entries[file.split(path.sep).join('/')] = [
      readFileSync(path.join(from, file)),
      { mtime: MTIME, level: 9 },
    ];
  }
  writeFileSync(to, zipSync(entries));
  console.log(`  ${path.relative(ROOT, to)} (${files.length} files)`);
}

function run(command: string, args: string[]): void {
  execFileSync(command, args, { cwd: ROOT, stdio: 'inherit' });
}

/** What the repository holds (tracked and new, not ignored): the source a reviewer rebuilds. */
function sourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return listed
    .split('\n')
    .filter(Boolean)
    .filter((file) => !file.startsWith('artifacts/'))
    .filter((file) => {
      try {
        return statSync(path.join(ROOT, file)).isFile();
      } catch {
        return false; // deleted in the work tree
      }
    });
}

function main(): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  const names = packageNames(version);
  for (const [browser, name] of [
    ['chrome', names.chrome],
    ['firefox', names.firefox],
  ] as const) {
    console.log(`▶ store build for ${browser}`);
    run(bin('vite'), ['build', '--mode', `store-${browser}`, '--logLevel', 'warn']);
    const dir = path.join(ROOT, 'dist-store', browser);
    zipFiles(filesUnder(dir), dir, path.join(ARTIFACTS, name));
  }
  if (!lintFirefox('dist-store/firefox')) process.exit(1);
  console.log('▶ source for the Firefox review');
  zipFiles(sourceFiles(), ROOT, path.join(ARTIFACTS, names.source));
}

if (process.argv[1] === import.meta.filename) main();
