import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { parsePerson, parsePersonList } from '../../../src/webex/person';
import type { Person } from '../../../src/webex/person';
import { fuzzParser } from './fuzz-parser';
import { reportRuns } from './runs';

reportRuns('People API (src/webex/person.ts)');

const OPTIONAL = ['status', 'lastActivity', 'firstName', 'lastName', 'avatar'] as const;

function expectPerson(p: Person): void {
  expect(typeof p.id).toBe('string');
  expect(p.id).not.toBe('');
  expect(typeof p.displayName).toBe('string');
  expect(Array.isArray(p.emails)).toBe(true);
  // Every index, holes included: `every` skips the holes of a sparse array.
  for (let i = 0; i < p.emails.length; i++) expect(typeof p.emails[i]).toBe('string');
  expect(['person', 'bot', 'appuser']).toContain(p.type);
  for (const key of OPTIONAL) {
    if (p[key] !== undefined) expect(typeof p[key]).toBe('string');
  }
}

const validPerson = fc
  .record(
    {
      id: fc.string({ minLength: 1 }),
      displayName: fc.string(),
      emails: fc.array(fc.emailAddress(), { maxLength: 3 }),
      type: fc.constantFrom('person', 'bot', 'appuser'),
      status: fc.constantFrom('active', 'DoNotDisturb', 'unknown'),
      lastActivity: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      firstName: fc.string(),
      lastName: fc.string(),
      avatar: fc.webUrl(),
    },
    { requiredKeys: ['id', 'displayName', 'emails', 'type'] },
  )
  .map((p) => ({ input: p as unknown, expected: p as Person }));

describe('parsePerson', () => {
  fuzzParser({
    name: 'parsePerson',
    parse: parsePerson,
    fields: ['id', 'displayName', 'emails', 'type', ...OPTIONAL],
    valid: validPerson,
    invariant: expectPerson,
  });
});

describe('parsePersonList', () => {
  fuzzParser({
    name: 'parsePersonList',
    parse: parsePersonList,
    fields: ['items', 'notFoundIds', 'id', 'emails', 'displayName'],
    valid: fc
      .record({
        items: fc.array(validPerson, { maxLength: 4 }),
        notFoundIds: fc.array(fc.string({ minLength: 1 }), { maxLength: 3 }),
      })
      .map(({ items, notFoundIds }) => ({
        input: { items: items.map((p) => p.input), notFoundIds },
        expected: { items: items.map((p) => p.expected), notFoundIds },
      })),
    invariant: (list) => {
      list.items.forEach(expectPerson);
      for (let i = 0; i < list.notFoundIds.length; i++) {
        expect(typeof list.notFoundIds[i]).toBe('string');
      }
    },
  });
});
