/**
 * The texts a watched contact may appear as on a page, for the name matcher: the display name, the
 * "First Last" form, and each email.
 */
import { foldTerm, normalizeTerm, tooShortForTerm } from './char-classes';
import type { MatchTerm } from './term-index';

export interface ContactNames {
  readonly contactId: string;
  readonly displayName: string;
  readonly emails: readonly string[];
  readonly firstName?: string;
  readonly lastName?: string;
}

/** "Silva, Ana" -> "Ana Silva": directories often list people surname first. */
function reversedSurnameFirst(displayName: string): string | undefined {
  const parts = displayName.split(',');
  if (parts.length !== 2) return undefined;
  const [last, first] = parts.map(normalizeTerm);
  return last && first ? `${first} ${last}` : undefined;
}

export function contactTerms(contact: ContactNames): MatchTerm[] {
  const { contactId, displayName, emails, firstName, lastName } = contact;
  const candidates = [
    displayName,
    firstName?.trim() && lastName?.trim() ? `${firstName} ${lastName}` : undefined,
    reversedSurnameFirst(displayName),
    ...emails,
  ];
  const seen = new Set<string>();
  const terms: MatchTerm[] = [];
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    const text = normalizeTerm(candidate);
    // The matcher's own fold, so that "dropped as a duplicate" means "would match the same text".
    const folded = foldTerm(text);
    if (tooShortForTerm(text) || seen.has(folded)) continue;
    seen.add(folded);
    terms.push({ key: contactId, text });
  }
  return terms;
}
