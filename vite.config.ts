import { crx } from '@crxjs/vite-plugin';
import { build, defineConfig, type Plugin } from 'vite';
import { manifestFor, targetForMode, type BuildTarget } from './build/targets.js';

/** Chrome 120 and Firefox 140 (build/targets.ts) both run ES2022 modules. */
const JS_TARGET = ['chrome120', 'firefox140'];

/**
 * The page annotator is not declared in the manifest (it runs only where the user allows it, so
 * the worker registers it at run time), so crx does not build it. It is built here, after the
 * extension, as one self-contained IIFE at <outDir>/content.js (src/background/content-script-file.ts):
 * no loader, no chunks to list in web_accessible_resources, nothing a page can fetch.
 */
function pageAnnotatorBundle(target: BuildTarget): Plugin {
  let outDir = target.outDir;
  return {
    name: 'presence-lens:page-annotator',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir; // `--outDir` on the command line wins, for this file too
    },
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          outDir,
          emptyOutDir: false,
          target: JS_TARGET,
          sourcemap: !target.store,
          lib: {
            entry: 'src/content/index.ts',
            formats: ['iife'],
            name: 'presenceLensPage',
            fileName: () => 'content.js',
          },
        },
      });
    },
  };
}

// `vite build` is the Chrome dev build; `--mode firefox|store-chrome|store-firefox` the others.
export default defineConfig(({ command, mode }) => {
  const target = targetForMode(mode);
  const manifest = manifestFor(target, { csp: command === 'build' });
  return {
    plugins: [
      crx({ manifest: manifest as never, browser: target.browser }),
      pageAnnotatorBundle(target),
    ],
    build: {
      outDir: target.outDir,
      emptyOutDir: true,
      target: JS_TARGET,
      minify: true,
      // Store packages carry no maps at all, so none can point outside them.
      sourcemap: !target.store,
    },
    server: { host: '127.0.0.1' },
  };
});
