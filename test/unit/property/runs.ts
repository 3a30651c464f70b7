/**
 * The shared run count of the property tests, and the tally a reader of the test output sees.
 * `FUZZ_RUNS=200000 npx vitest run test/unit/property` runs each property that many times.
 */
import fc from 'fast-check';
import { afterAll } from 'vitest';

const DEFAULT_RUNS = 10_000;

function runsFromEnv(): number {
  const asked = Number(process.env['FUZZ_RUNS']);
  return Number.isSafeInteger(asked) && asked > 0 ? asked : DEFAULT_RUNS;
}

/** Generated cases per property. */
export const RUNS = runsFromEnv();

/** Per-test timeout: generous, and growing with the run count. */
export const TIMEOUT_MS = Math.max(60_000, RUNS * 10);

interface Tally {
  properties: number;
  generated: number;
  fixed: number;
}

const tallies = new Map<string, Tally>();

function tallyOf(parser: string): Tally {
  let tally = tallies.get(parser);
  if (tally === undefined) {
    tally = { properties: 0, generated: 0, fixed: 0 };
    tallies.set(parser, tally);
  }
  return tally;
}

/** A test title that says how many cases it runs, e.g. `parseFrame never throws [10000 cases]`. */
export function titled(parser: string, what: string, runs: number = RUNS): string {
  return `${parser} ${what} [${runs} cases]`;
}

/** `fc.assert` with the shared run count; the cases are counted for `parser` once they pass. */
export function check<Ts extends [unknown, ...unknown[]]>(
  parser: string,
  property: fc.IProperty<Ts>,
  runs: number = RUNS,
): void {
  fc.assert(property, { numRuns: runs });
  const tally = tallyOf(parser);
  tally.properties += 1;
  tally.generated += runs;
}

/** The async twin of `check`. */
export async function checkAsync<Ts extends [unknown, ...unknown[]]>(
  parser: string,
  property: fc.IAsyncProperty<Ts>,
  runs: number = RUNS,
): Promise<void> {
  await fc.assert(property, { numRuns: runs });
  const tally = tallyOf(parser);
  tally.properties += 1;
  tally.generated += runs;
}

/** Hand-built hostile inputs (1 MB strings, 10,000-deep nesting) run outside fast-check. */
export function countFixed(parser: string, cases: number): void {
  tallyOf(parser).fixed += cases;
}

/** Prints one line per parser tested in this file once its tests are done. */
export function reportRuns(family: string): void {
  afterAll(() => {
    const lines = [...tallies.entries()].map(
      ([parser, t]) =>
        `  ${parser}: ${t.generated} generated cases over ${t.properties} properties` +
        (t.fixed > 0 ? ` + ${t.fixed} hand-built hostile inputs` : ''),
    );
    console.log(`[fuzz] ${family}, FUZZ_RUNS=${RUNS}\n${lines.join('\n')}`);
    tallies.clear();
  });
}
