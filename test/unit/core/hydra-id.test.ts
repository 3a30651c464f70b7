import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Decode, base64UrlEncodeAscii } from '../../../src/core/base64';
import {
  decodeHydraId,
  looksLikeUuid,
  personIdToUuid,
  uuidToPersonId,
} from '../../../src/core/hydra-id';

const UUID = 'f5b36187-c8dd-4727-8b2f-f9c447f29046';
// Encoded by Node, so the hand-written base64 is checked against an independent one.
const PERSON_ID = Buffer.from(`ciscospark://us/PEOPLE/${UUID}`).toString('base64url');

function toStandard(id: string, pad: boolean): string {
  const standard = id.replace(/-/g, '+').replace(/_/g, '/');
  return pad ? standard + '='.repeat((4 - (standard.length % 4)) % 4) : standard;
}

describe('decodeHydraId', () => {
  it('decodes a person id', () => {
    expect(decodeHydraId(PERSON_ID)).toEqual({
      ok: true,
      value: { cluster: 'us', type: 'PEOPLE', uuid: UUID },
    });
  });

  it('lower-cases the uuid and keeps other types', () => {
    const room = Buffer.from(`ciscospark://eu/ROOM/${UUID.toUpperCase()}`).toString('base64');
    expect(decodeHydraId(room)).toEqual({
      ok: true,
      value: { cluster: 'eu', type: 'ROOM', uuid: UUID },
    });
  });

  it.each([
    ['', 'empty'],
    ['%%%', 'unexpected character'],
    ['abcde', 'length'],
    [Buffer.from('https://example.com/a/b').toString('base64url'), 'ciscospark'],
    [Buffer.from('ciscospark://us').toString('base64url'), 'expected'],
  ])('rejects %j with a reason', (id, reason) => {
    const result = decodeHydraId(id);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const result = decodeHydraId(s);
        expect(typeof result.ok).toBe('boolean');
        expect(typeof personIdToUuid(s).ok).toBe('boolean');
      }),
    );
  });
});

describe('personIdToUuid / uuidToPersonId', () => {
  it('round-trips the known example', () => {
    expect(uuidToPersonId(UUID)).toBe(PERSON_ID);
    expect(personIdToUuid(PERSON_ID)).toEqual({ ok: true, value: UUID });
  });

  it('rejects other id types and non-UUID people', () => {
    const roomId = Buffer.from(`ciscospark://us/ROOM/${UUID}`).toString('base64url');
    expect(personIdToUuid(roomId)).toEqual({
      ok: false,
      error: 'Not a person id: it is a ROOM id.',
    });
    const notUuid = Buffer.from('ciscospark://us/PEOPLE/bob').toString('base64url');
    expect(personIdToUuid(notUuid).ok).toBe(false);
  });

  it('round-trips arbitrary UUIDs in every alphabet and padding variant', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.constantFrom('us', 'eu', 'urn:TEAM:us-east-2_a'),
        (uuid, cluster) => {
          const id = uuidToPersonId(uuid, cluster);
          expect(id).not.toMatch(/[+/=]/);
          expect(id).toBe(
            Buffer.from(`ciscospark://${cluster}/PEOPLE/${uuid.toLowerCase()}`).toString(
              'base64url',
            ),
          );
          for (const variant of [id, toStandard(id, false), toStandard(id, true)]) {
            expect(personIdToUuid(variant)).toEqual({ ok: true, value: uuid.toLowerCase() });
            expect(decodeHydraId(variant)).toEqual({
              ok: true,
              value: { cluster, type: 'PEOPLE', uuid: uuid.toLowerCase() },
            });
          }
        },
      ),
    );
  });
});

describe('base64', () => {
  it('matches Node for arbitrary ASCII', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((n) => String.fromCharCode(n)) }),
        (s) => {
          const encoded = base64UrlEncodeAscii(s);
          expect(encoded).toBe(Buffer.from(s, 'latin1').toString('base64url'));
          const decoded = base64Decode(Buffer.from(s, 'latin1').toString('base64'));
          expect(decoded.ok && Buffer.from(decoded.value).toString('latin1')).toBe(s);
        },
      ),
    );
  });
});

describe('looksLikeUuid', () => {
  it('accepts UUIDs in any case and rejects the rest', () => {
    expect(looksLikeUuid(UUID)).toBe(true);
    expect(looksLikeUuid(UUID.toUpperCase())).toBe(true);
    expect(looksLikeUuid(`${UUID}x`)).toBe(false);
    expect(looksLikeUuid('bob')).toBe(false);
  });
});
