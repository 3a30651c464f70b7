/** Command-line options of `npm run bench`. */
import { parseArgs } from 'node:util';

export const USAGE = `usage: npm run bench -- --corpus DIR [--names N] [--runs R]

  --corpus DIR   folder with names.json ([{ "page": "pages/x.html", "names": [...] }]) and the pages
  --names N      contacts watched on each page: its listed names plus distractors (default 1000)
  --runs R       fresh page loads per method and page, median reported (default 3, at least 3)`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface BenchOptions {
  corpus: string;
  names: number;
  runs: number;
}

function positiveInt(
  value: string | undefined,
  flag: string,
  fallback: number,
  min: number,
): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim()))
    throw new UsageError(`${flag} must be a whole number, got "${value}"`);
  const n = Number(value);
  if (n < min) throw new UsageError(`${flag} must be at least ${min}, got ${n}`);
  return n;
}

/** Parses argv; returns null when help was asked for. */
export function parseBenchArgs(argv: string[]): BenchOptions | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        corpus: { type: 'string' },
        names: { type: 'string' },
        runs: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help === true) return null;
  if (values.corpus === undefined || values.corpus.trim() === '') {
    throw new UsageError('--corpus DIR is required');
  }
  return {
    corpus: values.corpus,
    names: positiveInt(values.names, '--names', 1000, 1),
    runs: positiveInt(values.runs, '--runs', 3, 3),
  };
}
