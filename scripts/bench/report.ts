/** The benchmark's stdout lines: one per page, then the summary. */
import type { PageMeasurement } from './measure-page';
import type { MutationResult } from './mutation';
import { ratio, round, sum } from './stats';

export interface PageRow extends PageMeasurement {
  page: string;
}

export function pageLine(row: PageRow): object {
  return {
    page: row.page,
    textNodes: row.textNodes,
    chars: row.chars,
    floorMs: round(row.floorMs),
    boundMs: round(row.boundMs),
    oursMs: round(row.oursMs),
    regexMs: round(row.regexMs),
    markjsMs: row.markjsMs === null ? null : round(row.markjsMs),
    names: row.names,
    badgedNames: row.badgedNames,
    badges: row.badges,
  };
}

/**
 * Totals of the per-page medians and their ratios. Pages where mark.js was recorded as null are
 * left out of `markjsMs` and of `ours/markjs` (and listed in `markjsNullPages`); the keys
 * `markjsNullPages` and `markjsFewerRunsPages` appear only when they apply.
 */
export function summaryLine(
  rows: readonly PageRow[],
  watched: number,
  runs: number,
  mutation: MutationResult,
  /** Ours on the blank page, cold (see start-cost.ts): what every page pays once. */
  startMs: number,
  /** dist/content.js as the build makes it, gzipped (level 9): the budget is 8 KB. */
  contentScriptGzipBytes: number,
): object {
  const withMark = rows.filter((r) => r.markjsMs !== null);
  const nullPages = rows.filter((r) => r.markjsMs === null).map((r) => r.page);
  const fewerRuns = withMark.filter((r) => r.markjsRuns < runs).length;
  const floorMs = sum(rows.map((r) => r.floorMs));
  const boundMs = sum(rows.map((r) => r.boundMs));
  const oursMs = sum(rows.map((r) => r.oursMs));
  const regexMs = sum(rows.map((r) => r.regexMs));
  const markjsMs = sum(withMark.map((r) => r.markjsMs ?? 0));
  const oursOnMarkPages = sum(withMark.map((r) => r.oursMs));
  const listed = sum(rows.map((r) => r.names));
  return {
    pages: rows.length,
    watched,
    runs,
    floorMs: round(floorMs),
    boundMs: round(boundMs),
    oursMs: round(oursMs),
    regexMs: round(regexMs),
    markjsMs: round(markjsMs),
    ...(nullPages.length > 0 ? { markjsNullPages: nullPages } : {}),
    // Pages where a slow mark.js run was not repeated (its median is over fewer runs).
    ...(fewerRuns > 0 ? { markjsFewerRunsPages: fewerRuns } : {}),
    'ours/floor': ratio(oursMs, floorMs),
    // What any annotator that finds open shadow roots spends before it matches anything.
    'bound/floor': ratio(boundMs, floorMs),
    // What ours costs on a page with no text, once per page, against the floor of all the pages.
    startMs: round(startMs),
    'start/floor': ratio(startMs * rows.length, floorMs),
    'ours/regex': ratio(oursMs, regexMs),
    'ours/markjs': ratio(oursOnMarkPages, markjsMs),
    recall: listed > 0 ? round(sum(rows.map((r) => r.badgedNames)) / listed) : null,
    mutation: {
      runs: mutation.runs,
      oursMs: round(mutation.oursMs),
      floorMs: round(mutation.floorMs),
      boundMs: round(mutation.boundMs),
    },
    'mutation ours/floor': ratio(mutation.oursMs, mutation.floorMs),
    // The floor plus one bare element inserted after each name: what a badge costs at the least.
    'mutation bound/floor': ratio(mutation.boundMs, mutation.floorMs),
    contentScriptGzipBytes,
  };
}
