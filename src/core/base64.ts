/**
 * Base64 for Hydra ids, written out so it behaves the same in a service worker and in Node
 * (no `atob`/`Buffer`). Decoding accepts both alphabets (`+/` and `-_`) and missing padding.
 */
import { err, ok } from './result';
import type { Result } from './result';

const URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const DECODE: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (let i = 0; i < URL_ALPHABET.length; i++) map.set(URL_ALPHABET.charAt(i), i);
  map.set('+', 62);
  map.set('/', 63);
  return map;
})();

const PAD = 0x3d; // '='

export function base64Decode(text: string): Result<Uint8Array> {
  // A loop, not `/=+$/`: that regex is quadratic on a long run of `=` followed by anything else.
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === PAD) end--;
  const body = text.slice(0, end);
  if (body.length % 4 === 1) return err('Not base64: its length is impossible.');
  const bytes = new Uint8Array(Math.floor((body.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let out = 0;
  for (let i = 0; i < body.length; i++) {
    const value = DECODE.get(body.charAt(i));
    if (value === undefined) return err(`Not base64: unexpected character at position ${i}.`);
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (buffer >> bits) & 0xff;
    }
  }
  return ok(bytes.subarray(0, out));
}

/** URL-safe alphabet, no padding (how Hydra ids are written). ASCII input only. */
export function base64UrlEncodeAscii(text: string): string {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return base64UrlEncodeBytes(bytes);
}

/** URL-safe alphabet, no padding (PKCE verifiers and challenges, RFC 7636). */
export function base64UrlEncodeBytes(bytes: Uint8Array): string {
  let result = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffffff;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      result += URL_ALPHABET.charAt((buffer >> bits) & 0x3f);
    }
  }
  if (bits > 0) result += URL_ALPHABET.charAt((buffer << (6 - bits)) & 0x3f);
  return result;
}
