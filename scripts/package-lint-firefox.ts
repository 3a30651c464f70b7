/**
 * `web-ext lint` on a Firefox build (dist-firefox/ by default), passing only with 0 errors and no
 * warning but those explained in docs/browsers.md ("web-ext lint"). Used by `npm run lint:firefox`,
 * `npm run package` and `npm test`.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Warning code → why it stays (docs/browsers.md). A file must match too. */
export const EXPLAINED_WARNINGS: Readonly<Record<string, { files: RegExp; why: string }>> = {
  UNSAFE_VAR_ASSIGNMENT: {
    files: /^(content\.js|assets\/[\w.-]+\.js)$/,
    why: "lit-html builds each template once from the component's own static markup (`template.innerHTML`); values never go through innerHTML",
  },
};

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}
interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

export function lintFirefox(dir: string): boolean {
  let stdout: string;
  try {
    stdout = execFileSync(
      path.join(ROOT, 'node_modules/.bin/web-ext'),
      ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (error) {
    stdout = String((error as { stdout?: string }).stdout ?? ''); // exits 1 on errors
  }
  const report = JSON.parse(stdout) as LintReport;
  const unexplained = report.warnings.filter((w) => {
    const known = EXPLAINED_WARNINGS[w.code];
    return !known || !known.files.test(w.file ?? '');
  });
  const explained = report.warnings.length - unexplained.length;
  for (const m of [...report.errors, ...unexplained]) {
    console.log(`  ${m.code} ${m.file ?? ''}: ${m.message}`);
  }
  console.log(
    `web-ext lint ${path.relative(ROOT, path.resolve(ROOT, dir))}: ${report.errors.length} errors, ` +
      `${unexplained.length} unexplained warnings (${explained} explained in docs/browsers.md), ` +
      `${report.notices.length} notices`,
  );
  return report.errors.length === 0 && unexplained.length === 0;
}

if (process.argv[1] === import.meta.filename) {
  process.exit(lintFirefox(process.argv[2] ?? 'dist-firefox') ? 0 : 1);
}
