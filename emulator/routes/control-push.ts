import { HttpError } from '../http-error.js';
import type { Route } from '../http.js';
import { json } from '../http.js';
import type { MercuryHub } from '../mercury.js';
import { expectObject, rejectUnknownKeys } from '../validate.js';

const PUSH_KEYS = ['raw'];

/**
 * The text frame a `POST /_emu/push` body asks for: a string `raw` verbatim, any other JSON
 * value (null included) JSON-encoded. 400 without `raw` or with any other key.
 */
export function parsePushFrame(value: unknown): string {
  const body = expectObject(value);
  rejectUnknownKeys(body, PUSH_KEYS, 'the push body');
  if (!Object.hasOwn(body, 'raw')) {
    throw new HttpError(400, '"raw" is required: the frame to send (a string, or any JSON value)');
  }
  const raw = body.raw;
  return typeof raw === 'string' ? raw : JSON.stringify(raw);
}

/** Hand-made Mercury frames, for clients' handling of payloads the emulator would never send. */
export function pushRoutes(mercury: MercuryHub): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/_emu/push',
      auth: false,
      handler: async (req) =>
        json(200, { sent: mercury.sendRaw(parsePushFrame(await req.json())) }),
    },
  ];
}
