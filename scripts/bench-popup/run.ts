/**
 * Popup benchmark: `npm run bench:popup [-- --build] [-- --headed]` (issue 9).
 *
 * Starts the emulator in-process with 1,000 people, signs the built extension in to it, then
 * watches 10 and afterwards 1,000 of them. For each size: the worker's heap once the feed is live,
 * the popup's first-row time (median of 5 fresh opens), the rows and elements in its DOM, and
 * push -> popup latency over 20 presence changes. One JSON line per size and a summary line go to
 * stdout; progress to stderr. How each figure is taken: scripts/bench-popup/README.md.
 */
import { parsePopupBenchArgs, UsageError, USAGE } from './args';
import { ensureBuilt } from './dist';
import { countDom } from './dom-count';
import { measureFirstRow } from './first-row';
import { createPeople, watchedContacts, type BenchPerson } from './people';
import { measurePush } from './push';
import { sizeLine, summaryLine, type SizeLine } from './report';
import { setWatchList, startBenchSession, waitForLiveFeed, type BenchSession } from './session';
import { workerHeapMB } from './worker-heap';

const SIZES = [10, 1_000] as const;
const FIRST_ROW_RUNS = 5;
const PUSH_CHANGES = 20;
const FEED_TIMEOUT_MS = 180_000;
const FIRST_ROW_TIMEOUT_MS = 60_000;
const PUSH_TIMEOUT_MS = 10_000;
/** Quiet time after the feed went live, before the heap is read and popups open. */
const SETTLE_MS = 1_000;

const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};
const emit = (line: object): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function measureSize(
  session: BenchSession,
  people: readonly BenchPerson[],
  statuses: Map<string, string>,
): Promise<SizeLine> {
  const { extension, emulator } = session;
  await setWatchList(extension, watchedContacts(people, Date.now()));
  const liveAfter = await waitForLiveFeed(
    extension,
    people.map((p) => p.id),
    FEED_TIMEOUT_MS,
  );
  log(`  feed live with ${people.length} contacts after ${(liveAfter / 1000).toFixed(1)} s`);
  await sleep(SETTLE_MS);
  const heap = await workerHeapMB(extension);
  log(`  worker heap ${heap.toFixed(2)} MB`);

  const firstRow = await measureFirstRow(extension, FIRST_ROW_RUNS, FIRST_ROW_TIMEOUT_MS);
  const popup = firstRow.page;
  try {
    log(`  first row (ms): ${firstRow.paintedMs.map((v) => v.toFixed(1)).join(', ')}`);
    await sleep(SETTLE_MS);
    const dom = await countDom(popup);
    log(`  DOM: ${dom.rows} rows, ${dom.elements} elements`);
    const push = await measurePush(
      popup,
      emulator.baseUrl,
      people,
      statuses,
      PUSH_CHANGES,
      PUSH_TIMEOUT_MS,
    );
    for (const failure of push.failures) log(`  push failed: ${failure}`);
    log(`  push (ms): ${push.ms.map((v) => v.toFixed(1)).join(', ')}`);
    return sizeLine({
      contacts: people.length,
      firstRowRuns: firstRow.paintedMs,
      firstRowDomRuns: firstRow.domMs,
      rowsInDom: dom.rows,
      elementsInDom: dom.elements,
      pushMs: push.ms,
      pushFailures: push.failures.length,
      workerHeapMB: heap,
    });
  } finally {
    await popup.close().catch(() => undefined);
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const options = parsePopupBenchArgs(process.argv.slice(2));
  if (options === null) {
    log(USAGE);
    return 0;
  }
  ensureBuilt(options.build, log);
  const session = await startBenchSession(options.headed);
  try {
    const largest = Math.max(...SIZES);
    const t0 = Date.now();
    const people = await createPeople(session.emulator.baseUrl, largest);
    log(`created ${largest} people in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const statuses = new Map<string, string>();
    const lines: SizeLine[] = [];
    for (const size of SIZES) {
      log(`${size} contacts:`);
      const line = await measureSize(session, people.slice(0, size), statuses);
      lines.push(line);
      emit(line);
    }
    const [small, large] = lines;
    if (small && large) emit(summaryLine(small, large));
    log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    await session.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      log(`bench:popup: ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else {
      log(
        `bench:popup: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      process.exitCode = 1;
    }
  },
);
