/**
 * Hydra ids (the public person ids, base64 of `ciscospark://<cluster>/PEOPLE/<uuid>`) and the raw
 * CI user UUIDs Apheleia speaks. See docs/protocol.md §6.
 */
import { base64Decode, base64UrlEncodeAscii } from './base64';
import { err, ok } from './result';
import type { Result } from './result';

export interface HydraId {
  readonly cluster: string;
  /** As written in the id, e.g. `PEOPLE`, `ROOM`. */
  readonly type: string;
  /** Lower case. */
  readonly uuid: string;
}

const PREFIX = 'ciscospark://';
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function looksLikeUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

function asciiText(bytes: Uint8Array): Result<string> {
  let text = '';
  for (const byte of bytes) {
    if (byte < 0x21 || byte > 0x7e) return err('Not a Webex id: it does not decode to text.');
    text += String.fromCharCode(byte);
  }
  return ok(text);
}

export function decodeHydraId(id: string): Result<HydraId> {
  if (typeof id !== 'string' || id.trim() === '') return err('Not a Webex id: it is empty.');
  const bytes = base64Decode(id.trim());
  if (!bytes.ok) return err(`Not a Webex id: ${bytes.error}`);
  const text = asciiText(bytes.value);
  if (!text.ok) return text;
  if (!text.value.startsWith(PREFIX)) {
    return err('Not a Webex id: it does not decode to a ciscospark:// address.');
  }
  const parts = text.value.slice(PREFIX.length).split('/');
  const uuid = parts.pop() ?? '';
  const type = parts.pop() ?? '';
  const cluster = parts.join('/');
  if (cluster === '' || type === '' || uuid === '') {
    return err('Not a Webex id: expected ciscospark://<cluster>/<type>/<id>.');
  }
  return ok({ cluster, type, uuid: uuid.toLowerCase() });
}

/** The CI user UUID of a Hydra person id; an error for rooms, messages and anything else. */
export function personIdToUuid(id: string): Result<string> {
  const decoded = decodeHydraId(id);
  if (!decoded.ok) return decoded;
  if (decoded.value.type.toUpperCase() !== 'PEOPLE') {
    return err(`Not a person id: it is a ${decoded.value.type} id.`);
  }
  if (!looksLikeUuid(decoded.value.uuid)) return err('Not a person id: its user id is not a UUID.');
  return ok(decoded.value.uuid);
}

export function uuidToPersonId(uuid: string, cluster = 'us'): string {
  return base64UrlEncodeAscii(`${PREFIX}${cluster}/PEOPLE/${uuid.toLowerCase()}`);
}
