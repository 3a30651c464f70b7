/**
 * Builds the annotator bundle (`annotator-entry.ts` -> one IIFE) in memory with Vite's JS API.
 * Nothing is written to disk, so a concurrent `vite build` in the tree is not disturbed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';

export const ANNOTATOR_ENTRY = path.resolve(import.meta.dirname, 'annotator-entry.ts');

type BuildResult = Awaited<ReturnType<typeof build>>;

function entryCode(result: BuildResult): string {
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if (!('output' in output)) continue;
    for (const item of output.output) {
      if (item.type === 'chunk' && item.isEntry) return item.code;
    }
  }
  throw new Error('vite build produced no entry chunk');
}

export async function bundleAnnotator(entry = ANNOTATOR_ENTRY): Promise<string> {
  // outDir is never written (write: false) but keep it away from dist/ all the same.
  const outDir = mkdtempSync(path.join(tmpdir(), 'presence-lens-bench-'));
  try {
    const result = await build({
      configFile: false,
      logLevel: 'warn',
      root: path.dirname(entry),
      publicDir: false,
      cacheDir: path.join(outDir, '.vite'),
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        write: false,
        outDir,
        emptyOutDir: false,
        copyPublicDir: false,
        lib: { entry, formats: ['iife'], name: 'presenceLensBench' },
        minify: true,
        target: 'chrome120',
      },
    });
    return entryCode(result);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
