/** Global setup of vitest.faults.config.ts: a fresh matrix file, and the whole matrix at the end. */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { formatMatrix, MATRIX_FILE, type MatrixRow } from './table';

export function setup(): void {
  rmSync(MATRIX_FILE, { force: true });
}

export function teardown(): void {
  if (!existsSync(MATRIX_FILE)) return;
  const { rows } = JSON.parse(readFileSync(MATRIX_FILE, 'utf8')) as { rows: MatrixRow[] };
  console.log(formatMatrix(rows));
  console.log(`(also in ${MATRIX_FILE})`);
}
