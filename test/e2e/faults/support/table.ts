/** The fault matrix as a table and a file; no vitest here (the global setup imports it). */
import path from 'node:path';
import { CONTACTS } from './constants';

export const MATRIX_FILE = path.resolve(
  import.meta.dirname,
  '../../../../test-output/fault-matrix.json',
);

export interface MatrixRow {
  case: string;
  family: string;
  boundMs: number;
  why: string;
  measuredMs: number | null;
  requests: number;
  peakPerSecond: number;
  /** Where peakPerSecond came from: the emulator's `budget`, or our own sampling of `requests`. */
  peakSource: 'emulator' | 'sampled';
  readsPerMinute: number;
  contactsLost: number;
  /** Requests during the case, by `/_emu/stats` route (metrics included). */
  routes?: Record<string, number>;
  outcome: 'pass' | 'fail';
  error?: string;
}

export function formatMatrix(list: readonly MatrixRow[]): string {
  const header = ['case', 'bound', 'measured', 'requests', 'peak/s', 'reads/min', 'lost', 'result'];
  const body = list.map((r) => [
    `${r.family}: ${r.case}`,
    `${(r.boundMs / 1000).toFixed(0)} s`,
    r.measuredMs === null ? '—' : `${(r.measuredMs / 1000).toFixed(1)} s`,
    String(r.requests),
    `${r.peakPerSecond}${r.peakSource === 'sampled' ? '*' : ''}`,
    String(r.readsPerMinute),
    String(r.contactsLost),
    r.outcome === 'pass' ? 'pass' : `FAIL: ${(r.error ?? '').slice(0, 80)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!),
      )
      .join('  ');
  return [
    '',
    `Fault matrix (${CONTACTS} contacts; * = peak sampled from /_emu/stats every 200 ms)`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
    '',
  ].join('\n');
}
