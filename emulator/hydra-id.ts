// Hydra ids are base64 of `ciscospark://<cluster>/<KIND>/<uuid>`. Written here rather than
// imported from src/ so that a mistake in the client's codec cannot hide in both places.

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64_RE = /^[A-Za-z0-9+/_-]+={0,2}$/;
const PERSON_URI_RE = /^ciscospark:\/\/[a-z0-9-]+\/PEOPLE\/([0-9a-f-]{36})$/i;

export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

/** Canonical form: base64url without padding, uuid lower case, cluster `us`. */
export function encodeHydraId(kind: 'PEOPLE' | 'ORGANIZATION', uuid: string): string {
  return Buffer.from(`ciscospark://us/${kind}/${uuid.toLowerCase()}`, 'utf8').toString('base64url');
}

export function personIdFor(uuid: string): string {
  return encodeHydraId('PEOPLE', uuid);
}

/** Accepts both base64 alphabets, with or without padding; undefined when it is not a person id. */
export function decodePersonId(id: string): string | undefined {
  if (!BASE64_RE.test(id)) return undefined;
  const bare = id.replace(/=+$/, '');
  if (bare.length % 4 === 1) return undefined;
  const standard = bare.replace(/-/g, '+').replace(/_/g, '/');
  const text = Buffer.from(standard, 'base64').toString('utf8');
  const uuid = PERSON_URI_RE.exec(text)?.[1];
  return uuid !== undefined && isUuid(uuid) ? uuid.toLowerCase() : undefined;
}

/** Control-API convenience: a raw uuid or any accepted Hydra person id. */
export function uuidFromIdOrUuid(value: string): string | undefined {
  return isUuid(value) ? value.toLowerCase() : decodePersonId(value);
}
