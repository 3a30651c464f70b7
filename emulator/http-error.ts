import { randomUUID } from 'node:crypto';

/** Thrown by handlers; the dispatcher turns it into the error body of docs/protocol.md §7. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function newTrackingId(): string {
  return `EMULATOR_${randomUUID()}`;
}

export interface ErrorBody {
  message: string;
  errors: { description: string }[];
  trackingId: string;
}

export function errorBody(message: string, trackingId = newTrackingId()): ErrorBody {
  return { message, errors: [{ description: message }], trackingId };
}
