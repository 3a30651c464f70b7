/** Makes sure dist/ holds a built extension: `vite build` (as scripts/start.mjs runs it) if not. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DIST } from '../lib/launch-extension';

const ROOT = path.resolve(import.meta.dirname, '../..');

export function ensureBuilt(force: boolean, log: (message: string) => void): void {
  if (!force && existsSync(path.join(DIST, 'manifest.json'))) return;
  log(force ? 'building the extension (vite build)...' : 'dist/ is missing: vite build...');
  const vite = path.join(ROOT, 'node_modules', '.bin', 'vite');
  const result = spawnSync(vite, ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status ?? 'signal'})`);
}
