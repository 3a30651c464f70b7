/** Runs named steps in order, prints PASS/FAIL with a reason, and sums them up. */

export interface StepResult {
  name: string;
  passed: boolean;
  detail: string;
  ms: number;
}

export class Report {
  readonly results: StepResult[] = [];

  /** A step passes when `fn` resolves (with an optional detail) within `timeoutMs`. */
  async step(name: string, fn: () => Promise<string | void>, timeoutMs = 10_000): Promise<boolean> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    });
    let result: StepResult;
    try {
      const detail = await Promise.race([fn(), timeout]);
      result = { name, passed: true, detail: detail ?? '', ms: performance.now() - started };
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      result = { name, passed: false, detail, ms: performance.now() - started };
    } finally {
      clearTimeout(timer);
    }
    this.results.push(result);
    const seconds = (result.ms / 1000).toFixed(1);
    const line = `${result.passed ? 'PASS' : 'FAIL'} ${name} (${seconds} s)`;
    console.log(result.detail ? `${line}: ${result.detail}` : line);
    return result.passed;
  }

  get passed(): number {
    return this.results.filter((r) => r.passed).length;
  }

  summary(totalMs: number): string {
    return JSON.stringify({
      steps: this.results.length,
      passed: this.passed,
      failed: this.results.filter((r) => !r.passed).map((r) => r.name),
      seconds: Math.round(totalMs / 100) / 10,
    });
  }
}

/** Throws `message` unless `condition` holds; steps use it to state what they check. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
