import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig({
  plugins: [
    crx({
      manifest,
      // One self-contained content-script file: pages cannot fetch it, and no loader chunk has
      // to be listed in web_accessible_resources for every site it runs on.
      contentScripts: { standaloneFiles: ['src/content/index.ts'] },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
  },
  server: { host: '127.0.0.1' },
});
