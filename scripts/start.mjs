// `npm start`: set up what is missing, build, then run the demo (emulator + Chromium).
// `npm start -- --firefox`: the same demo in firefox-esr (dist-firefox/, scripts/demo-firefox.ts).
import path from 'node:path';
import { ROOT, ensureChromium, ensureDependencies, ensureFirefox, run } from './lib/bootstrap.mjs';

const args = process.argv.slice(2);
const firefox = args.includes('--firefox');
ensureDependencies();
if (firefox) ensureFirefox();
else ensureChromium();
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
const mode = firefox ? ['--mode', 'firefox'] : [];
if (run(bin('vite'), ['build', ...mode, '--logLevel', 'warn']) !== 0) process.exit(1);
const demo = firefox ? 'scripts/demo-firefox.ts' : 'scripts/demo.ts';
process.exit(run(bin('tsx'), [demo, ...args.filter((a) => a !== '--firefox')]));
