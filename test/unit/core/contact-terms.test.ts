import { describe, expect, it } from 'vitest';
import { contactTerms } from '../../../src/core/contact-terms';
import { compileNameMatcher } from './compile-matcher';

const texts = (contact: Parameters<typeof contactTerms>[0]) =>
  contactTerms(contact).map((term) => term.text);

describe('contactTerms', () => {
  it('gives the display name and each email, keyed by contact id', () => {
    expect(
      contactTerms({
        contactId: 'p1',
        displayName: 'Ana Silva',
        emails: ['ana@example.com', 'asilva@example.org'],
      }),
    ).toEqual([
      { key: 'p1', text: 'Ana Silva' },
      { key: 'p1', text: 'ana@example.com' },
      { key: 'p1', text: 'asilva@example.org' },
    ]);
  });

  it('adds "First Last" when both parts are given', () => {
    expect(
      texts({
        contactId: 'p1',
        displayName: 'Ana S. (Sales)',
        emails: [],
        firstName: 'Ana',
        lastName: 'Silva',
      }),
    ).toEqual(['Ana S. (Sales)', 'Ana Silva']);
  });

  it('leaves out "First Last" when a part is missing or blank', () => {
    expect(texts({ contactId: 'p1', displayName: 'Ana S.', emails: [], firstName: 'Ana' })).toEqual(
      ['Ana S.'],
    );
    expect(
      texts({ contactId: 'p1', displayName: 'Ana S.', emails: [], firstName: ' ', lastName: 'S' }),
    ).toEqual(['Ana S.']);
  });

  it('turns a "Last, First" display name around', () => {
    expect(texts({ contactId: 'p1', displayName: 'Silva,  Ana', emails: [] })).toEqual([
      'Silva, Ana',
      'Ana Silva',
    ]);
  });

  it('does not turn around a name with several commas or an empty side', () => {
    expect(texts({ contactId: 'p1', displayName: 'Silva, Ana, PhD', emails: [] })).toEqual([
      'Silva, Ana, PhD',
    ]);
    expect(texts({ contactId: 'p1', displayName: 'Silva,', emails: [] })).toEqual(['Silva,']);
  });

  it('removes duplicates regardless of case and spacing, keeping the first form', () => {
    expect(
      texts({
        contactId: 'p1',
        displayName: 'Silva, Ana',
        emails: ['ANA@example.com', 'ana@EXAMPLE.com'],
        firstName: 'ana',
        lastName: ' SILVA ',
      }),
    ).toEqual(['Silva, Ana', 'ana SILVA', 'ANA@example.com']);
  });

  it('keeps a display name that is just an email once', () => {
    expect(
      texts({ contactId: 'p1', displayName: 'ana@example.com', emails: ['Ana@Example.com'] }),
    ).toEqual(['ana@example.com']);
  });

  it('normalises white space and drops terms shorter than two characters', () => {
    expect(texts({ contactId: 'p1', displayName: '  Ana \n Silva ', emails: ['', ' x '] })).toEqual(
      ['Ana Silva'],
    );
    expect(texts({ contactId: 'p1', displayName: 'A', emails: [] })).toEqual([]);
  });

  it('gives terms the matcher finds', () => {
    const matcher = compileNameMatcher(
      contactTerms({
        contactId: 'p1',
        displayName: 'Silva, Ana',
        emails: ['ana@example.com'],
      }),
    );
    const page = 'Ana Silva <ana@example.com> wrote: Silva, Ana';
    expect(matcher.find(page).map((m) => page.slice(m.start, m.end))).toEqual([
      'Ana Silva',
      'ana@example.com',
      'Silva, Ana',
    ]);
  });
});
