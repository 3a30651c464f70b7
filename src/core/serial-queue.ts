/** Runs a task after the one before it has settled. */
export type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * Tasks run one after another, in the order they were queued; a failing one does not block the
 * next. Each caller still gets its own task's result or error.
 */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const next = tail.then(task, task);
    tail = next.catch(() => undefined);
    return next;
  };
}
