// `npm test`: set up what is missing, then type-check, lint, build, and run every test.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT, ensureChromium, ensureDependencies, ensureFirefox, run } from './lib/bootstrap.mjs';

ensureDependencies();
ensureChromium();
ensureFirefox();

const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
const reports = path.join(ROOT, 'test-output');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const steps = [
  ['type-check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['lint', bin('eslint'), ['.']],
  ['format', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  ['build', bin('vite'), ['build', '--logLevel', 'warn']],
  [
    'unit tests',
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/unit.json`],
  ],
  // The official Webex JS SDK against the emulator (about 50 s; see scripts/conformance/run.ts).
  ['conformance', bin('tsx'), ['scripts/conformance/run.ts']],
  [
    'end-to-end tests',
    bin('vitest'),
    [
      'run',
      '--config',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reports}/e2e.json`,
    ],
  ],
  // Firefox (docs/browsers.md): its own build in dist-firefox/, lint, then the end-to-end scenarios.
  ['firefox build', bin('vite'), ['build', '--mode', 'firefox', '--logLevel', 'warn']],
  ['firefox lint', bin('tsx'), ['scripts/package-lint-firefox.ts', 'dist-firefox']],
  [
    'firefox end-to-end tests',
    bin('vitest'),
    [
      'run',
      '--config',
      'test/e2e-firefox/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reports}/firefox.json`,
    ],
  ],
  // Store packages (artifacts/) and what they grant.
  ['package', bin('tsx'), ['scripts/package.ts']],
  [
    'package tests',
    bin('vitest'),
    [
      'run',
      '--config',
      'test/package/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reports}/packages.json`,
    ],
  ],
];

const failures = [];
const skip = new Set();
for (const [name, command, args] of steps) {
  if (skip.has(name)) continue;
  console.log(`\n▶ ${name}`);
  if (run(command, args) !== 0) failures.push(name);
  if (failures.includes('build')) break; // nothing after it can run without dist/
  if (name === 'firefox build' && failures.includes(name)) skip.add('firefox end-to-end tests');
  if (name === 'package' && failures.includes(name)) skip.add('package tests');
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of ['unit.json', 'e2e.json', 'firefox.json', 'packages.json']) {
  const report = path.join(reports, file);
  if (!existsSync(report)) continue;
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  skipped += json.numPendingTests + (json.numTodoTests ?? 0);
  console.log(
    `${file.replace('.json', '')}: ${json.numPassedTests} passed, ${json.numFailedTests} failed`,
  );
}
if (failures.length > 0) console.log(`\nFailed steps: ${failures.join(', ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failures.length > 0 || failed > 0 || passed === 0 ? 1 : 0);
