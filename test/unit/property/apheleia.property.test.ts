import fc from 'fast-check';
import { describe, expect } from 'vitest';
import {
  MAX_RETRY_S,
  MAX_SUBSCRIPTION_TTL_S,
  MIN_RETRY_S,
  MIN_SUBSCRIPTION_TTL_S,
  parseCompositionList,
  parseSubscriptionReply,
} from '../../../src/webex/apheleia';
import type { SubscriptionResult } from '../../../src/webex/apheleia';
import { fuzzParser } from './fuzz-parser';
import { expectComposition, validComposition } from './invariants';
import { reportRuns } from './runs';

reportRuns('Apheleia replies (src/webex/apheleia.ts)');

function expectSubscriptionResult(r: SubscriptionResult): void {
  expect(typeof r.subject).toBe('string');
  expect(r.subject).not.toBe('');
  expect(r.subject).toBe(r.subject.toLowerCase());
  expect(Number.isFinite(r.responseCode)).toBe(true);
  if (r.subscriptionTtl !== 0) {
    expect(r.subscriptionTtl).toBeGreaterThanOrEqual(MIN_SUBSCRIPTION_TTL_S);
    expect(r.subscriptionTtl).toBeLessThanOrEqual(MAX_SUBSCRIPTION_TTL_S);
  }
  if (r.retry !== undefined) {
    expect(r.retry).toBeGreaterThanOrEqual(MIN_RETRY_S);
    expect(r.retry).toBeLessThanOrEqual(MAX_RETRY_S);
  }
  if (r.status !== undefined) expectComposition(r.status);
  expect(r.error).toBeUndefined();
}

const validEntry = fc
  .record(
    {
      subject: fc.uuid(),
      responseCode: fc.constantFrom(200, 401, 403, 404, 409, 429, 500),
      subscriptionTtl: fc.integer({ min: MIN_SUBSCRIPTION_TTL_S, max: MAX_SUBSCRIPTION_TTL_S }),
      retry: fc.integer({ min: MIN_RETRY_S, max: MAX_RETRY_S }),
      status: validComposition,
    },
    { requiredKeys: ['subject', 'responseCode', 'subscriptionTtl'] },
  )
  .map(({ status, ...rest }) => ({
    input: {
      ...rest,
      subject: rest.subject.toUpperCase(),
      ...(status ? { status: status.wire } : {}),
    },
    expected: {
      ...rest,
      subject: rest.subject.toLowerCase(),
      ...(status ? { status: status.expected } : {}),
    } as SubscriptionResult,
  }));

describe('parseSubscriptionReply', () => {
  fuzzParser({
    name: 'parseSubscriptionReply',
    parse: parseSubscriptionReply,
    fields: ['responses', 'subject', 'responseCode', 'subscriptionTtl', 'retry', 'status'],
    valid: fc.array(validEntry, { maxLength: 5 }).map((entries) => ({
      input: { responses: entries.map((e) => e.input) },
      expected: entries.map((e) => e.expected),
    })),
    invariant: (results) => results.forEach(expectSubscriptionResult),
  });
});

describe('parseCompositionList', () => {
  fuzzParser({
    name: 'parseCompositionList',
    parse: parseCompositionList,
    fields: ['statusList', 'subject', 'status', 'lastActive', 'expiresTime', 'expiresTTL'],
    valid: fc.array(validComposition, { maxLength: 5 }).map((list) => ({
      input: { statusList: list.map((c) => c.wire) },
      expected: list.map((c) => c.expected),
    })),
    invariant: (list) => list.forEach(expectComposition),
  });
});
