import { fakeBrowser } from '@webext-core/fake-browser';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseCredentials } from '../../../src/background/credentials';
import type { Presence } from '../../../src/core/presence';
import { parseSite } from '../../../src/core/site-pattern';
import { parseAllowedSites } from '../../../src/shared/allowed-site';
import { parseConnectionInfo } from '../../../src/shared/connection';
import { parseWatchList } from '../../../src/shared/contact';
import type { WatchedContact } from '../../../src/shared/contact';
import { parsePageGrants } from '../../../src/shared/page-grant';
import { MAX_TIME_MS, parsePresenceMap } from '../../../src/shared/presence-map';
import { expectPresence, validPresence } from './invariants';
import { parseSettings } from '../../../src/shared/settings';
import {
  lastKnownPresenceItem,
  pageBadgeSettingsItem,
  watchListCheckItem,
} from '../../../src/shared/storage-items';
import { fuzzParser } from './fuzz-parser';
import { PROTO_KEYS, anything, expectNoPollution, expectPlainOutput, mutated } from './hostile';
import { TIMEOUT_MS, check, checkAsync, reportRuns, titled } from './runs';

reportRuns('stored items (src/shared/*, src/background/credentials.ts)');

/** chrome.storage keeps what JSON can write (the fake throws on the rest, BigInt say). */
function canStore(value: unknown): boolean {
  try {
    JSON.stringify(value);
    return true;
  } catch {
    return false;
  }
}

const time = fc.integer({ min: 0, max: MAX_TIME_MS });

const PRESENCE_FIELDS = ['contactId', 'status', 'customStatus', 'lastActiveTime', 'expiresTime'];

describe('parsePresenceMap', () => {
  fuzzParser({
    name: 'parsePresenceMap',
    parse: parsePresenceMap,
    fields: PRESENCE_FIELDS,
    valid: fc
      .uniqueArray(validPresence, { selector: (p) => p.contactId, maxLength: 5 })
      .map((list) => {
        const map = Object.fromEntries(list.map((p) => [p.contactId, p]));
        return { input: map, expected: map };
      }),
    invariant: (map, input) => {
      // Every contact of the map is an own key that was an own key of the input.
      expect(Object.keys(map)).toEqual(Object.keys(input as object));
      Object.values(map).forEach(expectPresence);
    },
  });
});

describe('parsePresenceMap, contact ids that name a prototype', () => {
  it(
    titled('parsePresenceMap', 'keeps "__proto__" and friends as own contact ids'),
    () => {
      check(
        'parsePresenceMap',
        fc.property(validPresence, fc.constantFrom(...PROTO_KEYS), (presence, key) => {
          const raw: unknown = JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(presence)}}`);
          const parsed = parsePresenceMap(raw);
          if (!parsed.ok) expect.fail(parsed.error);
          expect(Object.keys(parsed.value)).toEqual([key]);
          expect(Object.getPrototypeOf(parsed.value)).toBe(Object.prototype);
          expectPlainOutput(parsed.value);
          expectNoPollution();
        }),
      );
    },
    TIMEOUT_MS,
  );
});

describe('parseSettings', () => {
  fuzzParser({
    name: 'parseSettings',
    parse: parseSettings,
    fields: ['serverUrl'],
    valid: fc.webUrl().map((serverUrl) => ({ input: { serverUrl }, expected: { serverUrl } })),
    invariant: (s) => expect(typeof s.serverUrl).toBe('string'),
  });
});

describe('parsePageGrants', () => {
  fuzzParser({
    name: 'parsePageGrants',
    parse: parsePageGrants,
    fields: ['tabId', 'origin'],
    valid: fc
      .array(fc.record({ tabId: fc.nat(), origin: fc.webUrl().map((u) => new URL(u).origin) }), {
        maxLength: 5,
      })
      .map((grants) => ({ input: grants, expected: grants })),
    invariant: (grants) => {
      for (const g of grants) {
        expect(Number.isSafeInteger(g.tabId)).toBe(true);
        expect(typeof g.origin).toBe('string');
      }
    },
  });
});

const validContact: fc.Arbitrary<WatchedContact> = fc
  .record(
    {
      contactId: fc.string({ minLength: 1 }),
      displayName: fc.string(),
      emails: fc.array(fc.emailAddress(), { maxLength: 3 }),
      addedAt: time,
      names: fc.record({ firstName: fc.string({ minLength: 1 }), lastName: fc.string() }),
    },
    { requiredKeys: ['contactId', 'displayName', 'emails', 'addedAt'] },
  )
  .map(({ names, ...rest }) =>
    names && names.firstName.trim() && names.lastName.trim() ? { ...rest, ...names } : rest,
  );

describe('parseWatchList', () => {
  fuzzParser({
    name: 'parseWatchList',
    parse: parseWatchList,
    fields: ['contactId', 'displayName', 'emails', 'addedAt', 'firstName', 'lastName'],
    valid: fc
      .array(validContact, { maxLength: 4 })
      .map((list) => ({ input: list, expected: list })),
    invariant: (list) => {
      for (const c of list) {
        expect(c.contactId).not.toBe('');
        expect(typeof c.displayName).toBe('string');
        for (let i = 0; i < c.emails.length; i++) expect(typeof c.emails[i]).toBe('string');
        expect(Number.isFinite(c.addedAt)).toBe(true);
        expect(c.firstName === undefined).toBe(c.lastName === undefined);
      }
    },
  });
});

const domain = fc.domain();

describe('parseAllowedSites', () => {
  fuzzParser({
    name: 'parseAllowedSites',
    parse: parseAllowedSites,
    fields: ['site', 'matchPatterns', 'addedAt'],
    valid: fc
      .uniqueArray(
        fc
          .tuple(
            fc.oneof(
              domain,
              domain.map((d) => `*.${d}`),
            ),
            time,
          )
          .map(([text, addedAt]) => {
            const site = parseSite(text);
            return site.ok ? { ...site.value, addedAt } : null;
          }),
        { selector: (s) => s?.site, maxLength: 4 },
      )
      .map((list) => list.filter((s) => s !== null))
      .map((list) => ({ input: list, expected: list })),
    invariant: (sites) => {
      for (const s of sites) {
        const derived = parseSite(s.site);
        if (!derived.ok) expect.fail(derived.error);
        expect(derived.value.site).toBe(s.site);
        expect(s.matchPatterns).toEqual(derived.value.matchPatterns);
        expect(Number.isFinite(s.addedAt)).toBe(true);
      }
      expect(new Set(sites.map((s) => s.site)).size).toBe(sites.length);
    },
  });
});

const account = fc.record({ displayName: fc.string(), email: fc.emailAddress() });

describe('parseConnectionInfo', () => {
  fuzzParser({
    name: 'parseConnectionInfo',
    parse: parseConnectionInfo,
    fields: ['phase', 'message', 'since', 'account', 'serverUrl', 'displayName', 'email'],
    valid: fc
      .record({
        phase: fc.constantFrom('signed-out', 'idle', 'connecting', 'live', 'reconnecting', 'error'),
        message: fc.string(),
        since: time,
        account: fc.option(account, { nil: null }),
        serverUrl: fc.webUrl(),
      })
      .map((info) => ({ input: info, expected: info })),
    invariant: (info) => {
      expect(['signed-out', 'idle', 'connecting', 'live', 'reconnecting', 'error']).toContain(
        info.phase,
      );
      expect(Number.isFinite(info.since)).toBe(true);
      if (info.account !== null) expect(typeof info.account.email).toBe('string');
    },
  });
});

describe('parseCredentials', () => {
  fuzzParser({
    name: 'parseCredentials',
    parse: parseCredentials,
    fields: ['serverUrl', 'accessToken', 'account', 'displayName', 'email'],
    valid: fc
      .record({ serverUrl: fc.webUrl(), accessToken: fc.string(), account })
      .map((c) => ({ input: c, expected: c })),
    invariant: (c) => {
      expect(typeof c.serverUrl).toBe('string');
      expect(typeof c.accessToken).toBe('string');
      expect(typeof c.account.displayName).toBe('string');
    },
  });
});

describe('storage-items.ts validators, read through chrome.storage', () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const items = [
    {
      name: 'lastKnownPresenceItem',
      item: lastKnownPresenceItem,
      area: 'local' as const,
      key: 'lastKnownPresence',
      valid: fc.record({
        presence: fc
          .array(validPresence, { maxLength: 3 })
          .map((l) => Object.fromEntries(l.map((p) => [p.contactId, p]))),
        savedAt: time,
      }),
      fields: ['presence', 'savedAt', ...PRESENCE_FIELDS],
    },
    {
      name: 'watchListCheckItem',
      item: watchListCheckItem,
      area: 'session' as const,
      key: 'watchListCheck',
      valid: fc.record({ checkedAt: time, invalidIds: fc.array(fc.string()) }),
      fields: ['checkedAt', 'invalidIds'],
    },
    {
      name: 'pageBadgeSettingsItem',
      item: pageBadgeSettingsItem,
      area: 'local' as const,
      key: 'pageBadges',
      valid: fc.record({ focusable: fc.boolean() }),
      fields: ['focusable'],
    },
  ];

  for (const { name, item, area, key, valid, fields } of items) {
    it(
      titled(name, 'reads any stored value as a valid one (or the fallback), never throwing'),
      async () => {
        const stored = fc
          .oneof(
            anything(['v', 'value', ...fields]),
            fc.record({
              v: fc.constant(1),
              value: fc.oneof(anything(fields), mutated(valid as fc.Arbitrary<unknown>)),
            }),
            (valid as fc.Arbitrary<unknown>).map((value) => ({ v: 1, value })),
          )
          .filter(canStore);
        await checkAsync(
          name,
          fc.asyncProperty(stored, async (raw) => {
            fakeBrowser.reset();
            await fakeBrowser.storage[area].set({ [key]: raw });
            const value: unknown = await item.get();
            expect(value).toBeDefined();
            if (name === 'lastKnownPresenceItem') {
              const v = value as { presence: Record<string, Presence>; savedAt: number };
              Object.values(v.presence).forEach(expectPresence);
              expect(Number.isFinite(v.savedAt)).toBe(true);
            }
            expectNoPollution();
          }),
        );
      },
      TIMEOUT_MS,
    );
  }
});
