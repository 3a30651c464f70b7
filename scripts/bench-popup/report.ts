/** The JSON lines `npm run bench:popup` prints: one per watch-list size, then a summary. */
import { median, percentile, ratio, round } from './stats';

export const TARGETS = {
  firstRowRatio: 1.3,
  pushP95Ratio: 3,
  pushP95AbsMs: 60,
  maxRowsInDom: 150,
} as const;

export interface SizeMeasurements {
  readonly contacts: number;
  readonly firstRowRuns: readonly number[];
  readonly firstRowDomRuns: readonly number[];
  readonly rowsInDom: number;
  readonly elementsInDom: number;
  readonly pushMs: readonly number[];
  readonly pushFailures: number;
  readonly workerHeapMB: number;
}

export interface SizeLine {
  contacts: number;
  firstRowMs: number;
  firstRowRuns: number[];
  firstRowDomMs: number;
  rowsInDom: number;
  elementsInDom: number;
  pushP50Ms: number | null;
  pushP95Ms: number | null;
  pushChanges: number;
  pushFailures: number;
  workerHeapMB: number;
}

const ms = (value: number): number => round(value, 1);

export function sizeLine(m: SizeMeasurements): SizeLine {
  const pushed = m.pushMs.length > 0;
  return {
    contacts: m.contacts,
    firstRowMs: ms(median(m.firstRowRuns)),
    firstRowRuns: m.firstRowRuns.map(ms),
    firstRowDomMs: ms(median(m.firstRowDomRuns)),
    rowsInDom: m.rowsInDom,
    elementsInDom: m.elementsInDom,
    pushP50Ms: pushed ? ms(median(m.pushMs)) : null,
    pushP95Ms: pushed ? ms(percentile(m.pushMs, 95)) : null,
    pushChanges: m.pushMs.length + m.pushFailures,
    pushFailures: m.pushFailures,
    workerHeapMB: round(m.workerHeapMB, 2),
  };
}

/** `small` and `large`: the lines for 10 and 1,000 contacts. */
export function summaryLine(small: SizeLine, large: SizeLine) {
  const firstRowRatio = ratio(large.firstRowMs, small.firstRowMs);
  const pushP95Ratio =
    small.pushP95Ms === null || large.pushP95Ms === null
      ? null
      : ratio(large.pushP95Ms, small.pushP95Ms);
  const maxRowsInDom = Math.max(small.rowsInDom, large.rowsInDom);
  return {
    firstRowRatio,
    pushP95Ratio,
    maxRowsInDom,
    targets: TARGETS,
    met: {
      firstRowRatio: firstRowRatio !== null && firstRowRatio <= TARGETS.firstRowRatio,
      pushP95:
        large.pushFailures === 0 &&
        ((pushP95Ratio !== null && pushP95Ratio <= TARGETS.pushP95Ratio) ||
          (large.pushP95Ms !== null && large.pushP95Ms < TARGETS.pushP95AbsMs)),
      maxRowsInDom: maxRowsInDom <= TARGETS.maxRowsInDom,
    },
  };
}
