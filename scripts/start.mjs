// `npm start`: set up what is missing, build, then run the demo (emulator + Chromium).
import path from 'node:path';
import { ROOT, ensureChromium, ensureDependencies, run } from './lib/bootstrap.mjs';

ensureDependencies();
ensureChromium();
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
if (run(bin('vite'), ['build', '--logLevel', 'warn']) !== 0) process.exit(1);
process.exit(run(bin('tsx'), ['scripts/demo.ts', ...process.argv.slice(2)]));
