import { parseArgs } from 'node:util';
import { DEMO_TOKEN } from './demo-token.js';
import { startEmulator } from './server.js';

const USAGE =
  'Usage: npm run emulator -- [--port N] [--token T]... [--demo] [--verbose]\n' +
  '  --port N    port on 127.0.0.1 (0 or omitted = a free port)\n' +
  `  --token T   accepted bearer token, repeatable (default: ${DEMO_TOKEN})\n` +
  '  --demo      seed demo people, run the scenario timer, serve /demo\n' +
  '  --verbose   log every request and socket event to stderr';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function parse(): { port: number; tokens: string[]; demo: boolean; verbose: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        token: { type: 'string', multiple: true },
        demo: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || values.port === '') {
    fail(`Invalid --port "${values.port}": expected an integer 0-65535`);
  }
  const tokens = values.token ?? [DEMO_TOKEN];
  if (tokens.some((t) => t.trim() === '' || /\s/.test(t)))
    fail('Invalid --token: must be non-empty, no spaces');
  return { port, tokens, demo: values.demo ?? false, verbose: values.verbose ?? false };
}

async function main(): Promise<void> {
  const options = parse();
  let emulator;
  try {
    emulator = await startEmulator(options);
  } catch (err) {
    console.error(`Could not start the emulator: ${(err as Error).message}`);
    process.exit(1);
  }
  console.log(`Webex emulator listening on ${emulator.baseUrl}`);
  if (options.demo) console.log(`Demo page: ${emulator.baseUrl}/demo`);
  // Stay subscribed (not `once`): with no listener left, tsx turns a repeated signal into exit 143.
  let stopping = false;
  const stop = (): void => {
    if (stopping) return; // close() is quick and bounded; repeats change nothing
    stopping = true;
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
