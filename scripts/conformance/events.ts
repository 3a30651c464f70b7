import type { Emitter, Handler } from './sdk';

/** The next `event` whose payload passes `match`, or a rejection after `timeoutMs`. */
export function nextEvent<Events, K extends keyof Events & string>(
  emitter: Emitter<Events>,
  event: K,
  match: (payload: Events[K]) => boolean,
  timeoutMs: number,
): Promise<Events[K]> {
  return new Promise((resolve, reject) => {
    const handler: Handler<Events[K]> = (payload) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      emitter.off(event, handler);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      emitter.off(event, handler);
      reject(new Error(`no matching "${event}" event within ${timeoutMs} ms`));
    }, timeoutMs);
    emitter.on(event, handler);
  });
}

/** Counts every `event` until the returned function is called; it then returns the payloads. */
export function record<Events, K extends keyof Events & string>(
  emitter: Emitter<Events>,
  event: K,
): () => Events[K][] {
  const seen: Events[K][] = [];
  const handler: Handler<Events[K]> = (payload) => void seen.push(payload);
  emitter.on(event, handler);
  return () => {
    emitter.off(event, handler);
    return seen;
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
