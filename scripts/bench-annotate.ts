/**
 * Annotation benchmark: `npm run bench -- --corpus DIR [--names N] [--runs R]`.
 *
 * Serves DIR's pages (scripts stripped) from 127.0.0.1, opens each in one headless Chromium and
 * times, inside the page, a bare text walk (floor), the shipped annotator (ours, bundled from
 * scripts/bench/annotator-entry.ts), one alternation regex and mark.js over N watched names, then
 * the MutationObserver path. One JSON line per page and a summary line (with the gzipped size of
 * the content script, bundled as the build does) go to stdout; progress to stderr. Nothing but
 * 127.0.0.1 is contacted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { parseBenchArgs, UsageError, USAGE } from './bench/args';
import { launchBenchBrowser, type BenchBrowser } from './bench/browser';
import { bundleAnnotator } from './bench/bundle';
import { CorpusError, readCorpus } from './bench/corpus';
import { contactsForPage, makeDistractors, seedOf } from './bench/distractors';
import { measurePage, type Injected } from './bench/measure-page';
import { makeMutationBatches, measureMutation } from './bench/mutation';
import { pageLine, summaryLine, type PageRow } from './bench/report';
import { BLANK_PATH, serveCorpus, type CorpusServer } from './bench/serve';
import { measureStart } from './bench/start-cost';
import type { BenchContact } from './bench/types';

/** The shipped content script's entry, bundled as the build does (one minified IIFE). */
const CONTENT_SCRIPT_ENTRY = path.resolve(import.meta.dirname, '../src/content/index.ts');

/**
 * The mutation path's floor is about a millisecond in all, so a few runs left its ratio swinging
 * twofold from one benchmark to the next; its runs are cheap (no corpus page), so it takes more,
 * as does the start cost (see bench/start-cost.ts).
 */
const MUTATION_MIN_RUNS = 9;

/** mark.js slower than this on a page is recorded as null. */
const MARKJS_TIMEOUT_MS = 60_000;
/** A mark.js run slower than this is not repeated (see measure-page.ts). */
const MARKJS_REPEAT_LIMIT_MS = 2_000;

const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};
const emit = (line: object): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};
const ms = (value: number | null): string => (value === null ? 'null' : `${value.toFixed(2)} ms`);

async function main(): Promise<number> {
  const started = Date.now();
  const options = parseBenchArgs(process.argv.slice(2));
  if (options === null) {
    log(USAGE);
    return 0;
  }
  const corpus = readCorpus(options.corpus);
  const distractors = makeDistractors(
    options.names,
    corpus.entries.flatMap((e) => e.names),
  );

  log('bundling scripts/bench/annotator-entry.ts and src/content/index.ts with vite...');
  const contentScriptGzipBytes = gzipSync(await bundleAnnotator(CONTENT_SCRIPT_ENTRY), {
    level: 9,
  }).length;
  const injected: Injected = {
    annotator: await bundleAnnotator(),
    markjs: readFileSync(
      createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js'),
      'utf8',
    ),
  };

  let server: CorpusServer | undefined;
  let browser: BenchBrowser | undefined;
  try {
    server = await serveCorpus(corpus.dir);
    browser = await launchBenchBrowser(server.origin);
    log(
      `serving ${corpus.dir} at ${server.origin}: ${corpus.entries.length} pages, ` +
        `${options.names} watched names, ${options.runs} runs`,
    );

    const rows: PageRow[] = [];
    for (const [i, entry] of corpus.entries.entries()) {
      const t0 = Date.now();
      const { contacts, listedIds } = contactsForPage(
        entry.names,
        distractors,
        options.names,
        seedOf(entry.page),
      );
      const m = await measurePage(
        browser.context,
        { url: server.urlOf(entry.page), contacts, listedIds },
        injected,
        options.runs,
        MARKJS_TIMEOUT_MS,
        MARKJS_REPEAT_LIMIT_MS,
      );
      const row: PageRow = { page: entry.page, ...m };
      rows.push(row);
      emit(pageLine(row));
      const markNote =
        m.markjsMs === null
          ? ` (over ${MARKJS_TIMEOUT_MS / 1000} s)`
          : m.markjsRuns < options.runs
            ? ` (not repeated after ${m.markjsRuns} of ${options.runs}: a run took over ${MARKJS_REPEAT_LIMIT_MS / 1000} s)`
            : '';
      log(
        `[${i + 1}/${corpus.entries.length}] ${entry.page}: floor ${ms(m.floorMs)}, bound ${ms(m.boundMs)}, ` +
          `ours ${ms(m.oursMs)}, regex ${ms(m.regexMs)}, mark.js ${ms(m.markjsMs)}${markNote}; ` +
          `${m.badgedNames}/${m.names} names badged; ${((Date.now() - t0) / 1000).toFixed(1)} s` +
          (m.unstableBadges ? '; WARNING: ours badged differently between runs' : ''),
      );
    }

    log('mutation path...');
    const mutationContacts: BenchContact[] = distractors.map((d, i) => ({
      id: `c${i}`,
      name: d.name,
      terms: [d.name, d.email],
    }));
    const mutationBatches = makeMutationBatches(mutationContacts.map((c) => c.name));
    const mutation = await measureMutation(
      browser.context,
      server.origin + BLANK_PATH,
      injected.annotator,
      mutationContacts,
      mutationBatches,
      Math.max(options.runs, MUTATION_MIN_RUNS),
    );
    log(
      `mutation: ours ${ms(mutation.oursMs)}, floor ${ms(mutation.floorMs)}, ` +
        `bound ${ms(mutation.boundMs)}; ${mutation.badges} badges for ` +
        `${mutationBatches.nameOccurrences} names in the paragraphs`,
    );

    log('start cost...');
    const startMs = await measureStart(
      browser.context,
      server.origin + BLANK_PATH,
      injected.annotator,
      mutationContacts,
      Math.max(options.runs, MUTATION_MIN_RUNS),
    );
    log(`start: ours ${ms(startMs)} on the blank page`);

    const nullPages = rows.filter((r) => r.markjsMs === null).map((r) => r.page);
    if (nullPages.length > 0) {
      log(
        `mark.js took over ${MARKJS_TIMEOUT_MS / 1000} s on ${nullPages.join(', ')}: ` +
          'recorded as null; markjsMs and ours/markjs cover the other pages',
      );
    }
    emit(summaryLine(rows, options.names, options.runs, mutation, startMs, contentScriptGzipBytes));
    log(
      `blocked ${browser.blockedRequests()} requests to other hosts; ` +
        `total ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return 0;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      log(`bench: ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (error instanceof CorpusError) {
      log(`bench: ${error.message}`);
      process.exitCode = 1;
    } else {
      log(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    }
  },
);
