/** A person found by the name search of the options page ("Add contact", results as you type). */
import { isString } from '../core/json-guards';
import { err, ok } from '../core/result';
import { fields, text, type Guard } from './payload-guards';

export type PersonKind = 'person' | 'bot' | 'appuser';

export interface PersonMatch {
  readonly id: string;
  readonly displayName: string;
  /** The first address, or '' when the People API gave none. */
  readonly email: string;
  readonly type: PersonKind;
}

/** Shortest prefix the worker searches for: one letter would list half the company. */
export const MIN_SEARCH_PREFIX = 2;
export const MAX_SEARCH_RESULTS = 20;

const kind: Guard<PersonKind> = (raw) =>
  isString(raw) && ['person', 'bot', 'appuser'].includes(raw)
    ? ok(raw as PersonKind)
    : err('needs person, bot or appuser');

export const personMatch: Guard<PersonMatch> = fields({
  id: text(1000),
  displayName: text(1000),
  email: text(1000),
  type: kind,
});
