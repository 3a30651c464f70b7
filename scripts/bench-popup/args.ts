/** Command-line options of `npm run bench:popup`. */
import { parseArgs } from 'node:util';

export const USAGE = `usage: npm run bench:popup [-- --build] [-- --headed]

  Watches 10, then 1,000 emulator contacts and prints one JSON line per size and a summary line.
  --build    run \`vite build\` first even when dist/ is there (it is built when missing)
  --headed   show the browser (default headless)`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface PopupBenchOptions {
  readonly build: boolean;
  readonly headed: boolean;
}

/** Parses argv; null when help was asked for. */
export function parsePopupBenchArgs(argv: string[]): PopupBenchOptions | null {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        build: { type: 'boolean' },
        headed: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help === true) return null;
    return { build: values.build === true, headed: values.headed === true };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
