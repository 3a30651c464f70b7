/**
 * The fault matrix: each case gets a fresh fleet (emulator + Chromium + 60 watched contacts),
 * injects its fault, changes at least five presences, and must show every contact's true status
 * within its bound, lose no contact and keep to the request budget. Every case's row is kept in
 * test-output/fault-matrix.json and printed as a table after each file (and, with
 * `npm run test:faults`, once more for the whole run).
 *
 * `FAULTS=full` (what `npm run test:faults` sets) runs every case; otherwise only the cases
 * marked `quick` run: one per family, for `npm test`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { CONTACTS, Fleet, sleep, type FleetSetup, type RawStats } from './fleet';
import { formatMatrix, MATRIX_FILE, type MatrixRow } from './table';

export { formatMatrix, MATRIX_FILE, type MatrixRow } from './table';

export const FULL = process.env.FAULTS === 'full';

/** The request budget (issue 8): at most 5 requests in any second, reads+polls ≤ 60 a minute. */
export const PEAK_PER_SECOND = 5;
export const READS_PER_MINUTE = 60;
const READ_ROUTES = [
  'POST /apheleia/api/v1/compositions',
  'GET /apheleia/api/v1/compositions',
  'GET /v1/people',
  'GET /v1/people/:id',
];

export interface CaseSpec {
  name: string;
  family: string;
  /** Within this long (ms) of the fault, every row must be true. */
  boundMs: number;
  /** One line: where the bound comes from (protocol numbers). */
  why: string;
  /** In the quick subset that `npm test` runs. */
  quick?: boolean;
  setup?: FleetSetup;
  /** Extra test time beyond setup + bound (for waits the case does before its measurement). */
  extraMs?: number;
}

export interface CaseContext {
  fleet: Fleet;
  /** When the fault was injected: the measured time runs from here. */
  readonly t0: number;
  /** Restart the clock (a case whose bound runs from the user's recovery, e.g. signing in). */
  restartClock(): void;
  /**
   * Waits until every contact shows its true status (and, unless `lastKnown`, the live feed),
   * fails past the bound; returns and records the measured time.
   */
  allTrue(options?: {
    lastKnown?: boolean;
    /** Polling People: only what the public API can say (busy is active, quiet is dnd). */
    rest?: boolean;
    line?: (line: string) => boolean;
    boundMs?: number;
  }): Promise<number>;
}

const rows: MatrixRow[] = [];

/** Samples `/_emu/stats` request totals while a case runs, for its own peak and read rates. */
class Sampler {
  private samples: { t: number; all: number; reads: number }[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private first: RawStats | undefined;
  constructor(private readonly fleet: Fleet) {}

  async start(): Promise<void> {
    this.first = await this.fleet.more.rawStats();
    this.add(this.first);
    this.timer = setInterval(() => {
      this.fleet.more
        .rawStats()
        .then((s) => this.add(s))
        .catch(() => undefined);
    }, 200);
  }

  private add(stats: RawStats): void {
    const sum = (keys?: string[]) =>
      Object.entries(stats.requests)
        .filter(([k]) => !k.includes('/metrics/') && (!keys || keys.includes(k)))
        .reduce((n, [, v]) => n + v, 0);
    this.samples.push({ t: Date.now(), all: sum(), reads: sum(READ_ROUTES) });
  }

  async stop(caseStart: number) {
    if (this.timer) clearInterval(this.timer);
    const last = await this.fleet.more.rawStats();
    this.add(last);
    const s = this.samples;
    const first = s[0]!;
    const end = s[s.length - 1]!;
    // Most requests in any window of about a second (samples every 200 ms: (t-1.2 s, t]).
    const windowMax = (key: 'all' | 'reads', ms: number) => {
      let max = 0;
      for (const b of s) {
        let a = s[0]!;
        for (const x of s) if (x.t <= b.t - ms) a = x;
        max = Math.max(max, b[key] - a[key]);
      }
      return max;
    };
    const budget = last.budget;
    const sampled = windowMax('all', 1000);
    // The emulator's peak covers its whole life (sign-in included): it is this case's when it
    // was reached during the case; otherwise it still caps this case's peak (our own sampling
    // over about 1.2 s windows can only overstate it).
    const ownPeak =
      budget !== undefined && budget.peakAt !== null && Date.parse(budget.peakAt) >= caseStart;
    const peak =
      budget === undefined
        ? sampled
        : ownPeak
          ? budget.peakPerSecond
          : Math.min(sampled, budget.peakPerSecond);
    const peakSource: MatrixRow['peakSource'] =
      budget !== undefined && (ownPeak || budget.peakPerSecond <= sampled) ? 'emulator' : 'sampled';
    const firstRequests = this.first?.requests ?? {};
    const routes = Object.fromEntries(
      Object.entries(last.requests)
        .map(([k, v]) => [k, v - (firstRequests[k] ?? 0)] as const)
        .filter(([, v]) => v > 0),
    );
    return {
      routes,
      requests: end.all - first.all,
      peakPerSecond: peak,
      peakSource,
      readsPerMinute: windowMax('reads', 60_000),
    };
  }
}

/**
 * Waits until no request came for 1.5 s (at most 10 s), so the sign-in's burst and the case's own
 * never share a second of the budget.
 */
async function settle(fleet: Fleet): Promise<void> {
  const total = async () =>
    Object.values((await fleet.more.rawStats()).requests).reduce((n, v) => n + v, 0);
  let last = await total();
  let quietSince = Date.now();
  const until = Date.now() + 10_000;
  while (Date.now() < until && Date.now() - quietSince < 1_500) {
    await sleep(100);
    const now = await total();
    if (now !== last) quietSince = Date.now();
    last = now;
  }
}

/** Registers one matrix case (outside the full run, only if it is `quick`). */
export function faultCase(spec: CaseSpec, body: (c: CaseContext) => Promise<void>): void {
  const title = `${spec.family}: ${spec.name} (bound ${spec.boundMs / 1000} s)`;
  // Outside the full run only the quick cases exist; `npm run test:faults` runs every case.
  if (!FULL && !spec.quick) return;
  const timeout = 60_000 + spec.boundMs * 1.5 + 30_000 + (spec.extraMs ?? 0);
  test(title, { timeout }, async () => {
    const fleet = await Fleet.start(spec.setup);
    const row: MatrixRow = {
      case: spec.name,
      family: spec.family,
      boundMs: spec.boundMs,
      why: spec.why,
      measuredMs: null,
      requests: 0,
      peakPerSecond: 0,
      peakSource: 'sampled',
      readsPerMinute: 0,
      contactsLost: 0,
      outcome: 'fail',
    };
    const sampler = new Sampler(fleet);
    let failure: unknown;
    try {
      await settle(fleet);
      await sampler.start();
      const caseStart = Date.now();
      let t0 = caseStart;
      const ctx: CaseContext = {
        fleet,
        get t0() {
          return t0;
        },
        restartClock() {
          t0 = Date.now();
        },
        async allTrue(options = {}) {
          const bound = options.boundMs ?? spec.boundMs;
          const isLive =
            options.line ?? ((line: string) => options.lastKnown === true || line === 'Live');
          // Keep looking a little past the bound so the matrix shows by how much it was missed.
          const giveUp = t0 + bound + Math.min(bound / 2, 20_000);
          let wrong: string[] = [];
          let line = '';
          while (Date.now() < giveUp) {
            wrong = await fleet.mismatches({
              lastKnown: options.lastKnown ?? false,
              rest: options.rest ?? false,
            });
            line = await fleet.connectionLine();
            if (wrong.length === 0 && isLive(line)) break;
            await sleep(100);
          }
          const done = wrong.length === 0 && isLive(line);
          const measured = Date.now() - t0;
          row.measuredMs = done ? measured : null;
          if (!done) {
            throw new Error(
              `Not every contact was true within ${bound} ms (+ grace): connection "${line}"; ` +
                `${wrong.length} wrong, e.g. ${wrong.slice(0, 4).join('; ')}`,
            );
          }
          expect(measured, `${spec.name}: measured time within the bound`).toBeLessThanOrEqual(
            bound,
          );
          return measured;
        },
      };
      await body(ctx);
      // No contact left the watch list: the popup lists all 60, and storage still has them.
      const names = new Set((await fleet.rows()).map((r) => r.name));
      const shown = fleet.people.filter((p) => names.has(p.displayName)).length;
      const stored = new Set(await fleet.storedContactIds());
      const kept = fleet.people.filter((p) => stored.has(p.id)).length;
      row.contactsLost = CONTACTS - Math.min(shown, kept);
      const used = await sampler.stop(caseStart);
      Object.assign(row, used);
      expect(row.contactsLost, 'contacts lost').toBe(0);
      expect(row.peakPerSecond, 'requests in the busiest second').toBeLessThanOrEqual(
        PEAK_PER_SECOND,
      );
      expect(row.readsPerMinute, 'reads and polls in the busiest minute').toBeLessThanOrEqual(
        READS_PER_MINUTE,
      );
      row.outcome = 'pass';
    } catch (error) {
      failure = error;
      row.error = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      const used = await sampler.stop(Date.now()).catch(() => undefined);
      if (used && row.requests === 0) Object.assign(row, used);
    } finally {
      rows.push(row);
      await fleet.close();
    }
    if (failure) throw failure;
  });
}

/** Prints this file's rows after it, and merges them into test-output/fault-matrix.json. */
export function reportMatrix(): void {
  afterAll(() => {
    if (rows.length === 0) return;
    mkdirSync(path.dirname(MATRIX_FILE), { recursive: true });
    const earlier: MatrixRow[] = existsSync(MATRIX_FILE)
      ? (JSON.parse(readFileSync(MATRIX_FILE, 'utf8')) as { rows: MatrixRow[] }).rows
      : [];
    const key = (r: MatrixRow) => `${r.family}/${r.case}`;
    const mine = new Set(rows.map(key));
    const all = [...earlier.filter((r) => !mine.has(key(r))), ...rows];
    writeFileSync(
      MATRIX_FILE,
      `${JSON.stringify({ full: FULL, contacts: CONTACTS, rows: all }, null, 2)}\n`,
    );
    console.log(formatMatrix(rows));
  });
}
