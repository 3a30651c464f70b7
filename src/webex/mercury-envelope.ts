/**
 * Mercury frames (docs/protocol.md §4): validating what arrives, and the close-code rules that
 * decide whether to reconnect.
 */
import { isFiniteNumber, isRecord } from '../core/json-guards';
import { err, ok } from '../core/result';
import type { Result } from '../core/result';

export interface MercuryEnvelope {
  readonly id?: string;
  readonly type?: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly timestamp?: number;
  readonly trackingId?: string;
  readonly wsWriteTimestamp?: number;
}

/** A parsed frame: a control message (`pong`, `shutdown`, ...) or an event envelope. */
export type MercuryFrame =
  | { readonly kind: 'control'; readonly type: string; readonly id?: string }
  | { readonly kind: 'event'; readonly envelope: MercuryEnvelope };

/**
 * One frame as received. `id` and `sequenceNumber` are read before the rest is validated: a frame
 * with an id is acknowledged even when its body is unusable (or Mercury redelivers it forever),
 * and every frame counts for sequence gaps, pongs included (docs/protocol.md §4).
 */
export interface ReceivedFrame {
  readonly id?: string;
  readonly sequenceNumber?: number;
  readonly frame: Result<MercuryFrame>;
}

/** Applies `headers` (`{"data.a.b": v}`) onto a copy of `data`, as the JS SDK does. */
function mergeHeaders(data: Record<string, unknown>, headers: unknown): Record<string, unknown> {
  if (!isRecord(headers)) return data;
  const merged: Record<string, unknown> = { ...data };
  for (const [path, value] of Object.entries(headers)) {
    const keys = path.split('.');
    if (keys[0] === 'data') keys.shift();
    const last = keys.pop();
    if (last === undefined || keys.some((k) => k === '__proto__') || last === '__proto__') continue;
    let target = merged;
    for (const key of keys) {
      const next = isRecord(target[key]) ? { ...(target[key] as Record<string, unknown>) } : {};
      target[key] = next;
      target = next;
    }
    target[last] = value;
  }
  return merged;
}

export function parseFrame(text: string): ReceivedFrame {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { frame: err(`A Mercury frame is not JSON: ${JSON.stringify(text.slice(0, 60))}.`) };
  }
  if (!isRecord(json)) return { frame: err('A Mercury frame is not a JSON object.') };
  const id = typeof json['id'] === 'string' && json['id'] !== '' ? json['id'] : undefined;
  const sequence = json['sequenceNumber'];
  const header = {
    ...(id === undefined ? {} : { id }),
    ...(Number.isSafeInteger(sequence) ? { sequenceNumber: sequence as number } : {}),
  };
  return { ...header, frame: frameOf(json, id) };
}

function frameOf(json: Record<string, unknown>, id: string | undefined): Result<MercuryFrame> {
  const type = typeof json['type'] === 'string' ? json['type'] : undefined;
  if (type !== undefined && !isRecord(json['data'])) {
    return ok({ kind: 'control', type, ...(id === undefined ? {} : { id }) });
  }
  if (!isRecord(json['data'])) return err('A Mercury event has no "data" object.');
  const envelope: MercuryEnvelope = {
    data: mergeHeaders(json['data'], json['headers']),
    ...(id === undefined ? {} : { id }),
    ...(type === undefined ? {} : { type }),
    ...(typeof json['trackingId'] === 'string' ? { trackingId: json['trackingId'] } : {}),
  };
  const numbers = ['timestamp', 'wsWriteTimestamp'] as const;
  const extra: Partial<Record<(typeof numbers)[number], number>> = {};
  for (const key of numbers) {
    const value = json[key];
    if (isFiniteNumber(value)) extra[key] = value;
  }
  return ok({ kind: 'event', envelope: { ...envelope, ...extra } });
}

export function eventTypeOf(envelope: MercuryEnvelope): string | undefined {
  const type = envelope.data['eventType'];
  return typeof type === 'string' ? type : undefined;
}

const RECONNECT_CODES = new Set([1001, 1005, 1006, 1011]);
const RECONNECT_REASONS = new Set(['idle', 'done (forced)', 'pong not received', 'pong mismatch']);

/** docs/protocol.md §4: whether a socket that was up should be reopened after this close. */
export function shouldReconnectAfterClose(code: number, reason: string): boolean {
  if (RECONNECT_CODES.has(code)) return true;
  if (code === 1000 || code === 3050) return RECONNECT_REASONS.has(reason.trim().toLowerCase());
  return false;
}
