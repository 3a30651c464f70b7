import { describe, expect, it } from 'vitest';
import { decodePersonId, personIdFor, uuidFromIdOrUuid } from '../../emulator/hydra-id.js';

const UUID = 'f5b36187-c8dd-4727-8b2f-f9c447f29046';

describe('hydra-id', () => {
  it('encodes base64url without padding, uuid lower case', () => {
    const id = personIdFor(UUID.toUpperCase());
    expect(id).not.toMatch(/[=+/]/);
    expect(Buffer.from(id, 'base64url').toString()).toBe(`ciscospark://us/PEOPLE/${UUID}`);
  });

  it('decodes base64url and standard base64, with or without padding', () => {
    const uri = `ciscospark://us/PEOPLE/${UUID}`;
    const std = Buffer.from(uri).toString('base64');
    expect(decodePersonId(personIdFor(UUID))).toBe(UUID);
    expect(decodePersonId(std)).toBe(UUID);
    expect(decodePersonId(std.replace(/=+$/, ''))).toBe(UUID);
    expect(
      decodePersonId(
        Buffer.from(`ciscospark://eu/PEOPLE/${UUID.toUpperCase()}`).toString('base64'),
      ),
    ).toBe(UUID);
  });

  it('rejects anything that is not a person id', () => {
    expect(decodePersonId('not an id!')).toBeUndefined();
    expect(
      decodePersonId(Buffer.from(`ciscospark://us/ROOM/${UUID}`).toString('base64url')),
    ).toBeUndefined();
    expect(decodePersonId('')).toBeUndefined();
    expect(uuidFromIdOrUuid(UUID.toUpperCase())).toBe(UUID);
  });
});
