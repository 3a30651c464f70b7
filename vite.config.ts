import { crx } from '@crxjs/vite-plugin';
import { build, defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

const OUT_DIR = 'dist';

/**
 * The page annotator is not declared in the manifest (it runs only where the user allows it, so
 * the worker registers it at run time), so crx does not build it. It is built here, after the
 * extension, as one self-contained IIFE at dist/content.js (src/background/content-script-file.ts):
 * no loader, no chunks to list in web_accessible_resources, nothing a page can fetch.
 */
function pageAnnotatorBundle(): Plugin {
  return {
    name: 'presence-lens:page-annotator',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          outDir: OUT_DIR,
          emptyOutDir: false,
          target: 'chrome120',
          sourcemap: true,
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

export default defineConfig({
  plugins: [crx({ manifest }), pageAnnotatorBundle()],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
  },
  server: { host: '127.0.0.1' },
});
