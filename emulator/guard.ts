/**
 * Wraps a timer callback so an unexpected throw is logged instead of escaping setInterval,
 * where it would be an uncaught exception that ends the whole emulator process.
 */
export function guarded(what: string, fn: () => void): () => void {
  return () => {
    try {
      fn();
    } catch (err) {
      console.error(
        `[emulator] ${what} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
    }
  };
}
