import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSite } from '../../../src/core/site-pattern';
import { parseRetryAfter } from '../../../src/webex/http';
import { parseUiRequest } from '../../../src/shared/messages';
import type { UiRequest } from '../../../src/shared/messages';
import { parsePageToWorker, parseWorkerToPage } from '../../../src/shared/page-protocol';
import { fuzzParser } from './fuzz-parser';
import { expectNoPollution, huge, weirdNumber } from './hostile';
import { TIMEOUT_MS, check, countFixed, reportRuns, titled } from './runs';
import { GLYPH_SHAPES } from '../../../src/ui/glyph-shapes';
import { STATUS_TONES } from '../../../src/ui/status-tones';
import type { BadgeView } from '../../../src/shared/page-protocol';

const validView: fc.Arbitrary<BadgeView> = fc.record({
  key: fc.string({ minLength: 1, maxLength: 40 }),
  name: fc.string({ maxLength: 80 }),
  email: fc.string({ maxLength: 80 }),
  glyph: fc.constantFrom(...Object.values(GLYPH_SHAPES)),
  tone: fc.constantFrom(...Object.values(STATUS_TONES)),
  label: fc.string({ maxLength: 200 }),
  lines: fc.array(fc.string({ maxLength: 80 }), { minLength: 1, maxLength: 4 }),
  card: fc.string({ maxLength: 80 }),
  chat: fc.string({ maxLength: 20 }),
});

function expectView(view: BadgeView): void {
  expect(typeof view.key).toBe('string');
  expect(view.key).not.toBe('');
  expect(view.key.length).toBeLessThanOrEqual(40);
  expect(typeof view.name).toBe('string');
  expect(typeof view.email).toBe('string');
  expect(view.glyph.d).toMatch(/^[MmLlHhVvCcSsQqTtAaZz0-9 .,-]+$/);
  expect(typeof view.glyph.outline).toBe('boolean');
  expect(view.tone).toMatch(/^[a-z-]+$/);
  expect(typeof view.label).toBe('string');
  expect(view.lines.length).toBeGreaterThanOrEqual(1);
  expect(view.lines.length).toBeLessThanOrEqual(4);
  for (const line of view.lines) expect(typeof line).toBe('string');
  expect(typeof view.card).toBe('string');
  expect(typeof view.chat).toBe('string');
}

reportRuns('messages, sites and Retry-After');

const TYPES = ['connect', 'signOut', 'addContact', 'removeContact', 'allowSite', 'removeSite'];

const validRequest: fc.Arbitrary<UiRequest> = fc.oneof(
  fc.record({ type: fc.constant('connect' as const), serverUrl: fc.webUrl(), token: fc.string() }),
  fc.constant({ type: 'signOut' as const }),
  fc.record({ type: fc.constant('addContact' as const), query: fc.string() }),
  fc.record({ type: fc.constant('removeContact' as const), contactId: fc.string() }),
  fc.record({
    type: fc.constantFrom('allowSite' as const, 'removeSite' as const),
    site: fc.domain(),
  }),
  fc.record({ type: fc.constant('showOnTab' as const), tabId: fc.nat() }),
);

describe('parseUiRequest', () => {
  fuzzParser({
    name: 'parseUiRequest',
    parse: parseUiRequest,
    fields: ['type', 'serverUrl', 'token', 'query', 'contactId', 'site', 'tabId', ...TYPES],
    valid: validRequest.map((r) => ({ input: r, expected: r })),
    invariant: (r) => {
      expect([...TYPES, 'showOnTab']).toContain(r.type);
      for (const value of Object.values(r)) expect(['string', 'number']).toContain(typeof value);
      if (r.type === 'showOnTab') expect(Number.isSafeInteger(r.tabId)).toBe(true);
    },
  });
});

describe('parseWorkerToPage', () => {
  fuzzParser({
    name: 'parseWorkerToPage',
    parse: parseWorkerToPage,
    fields: [
      'type',
      'views',
      'key',
      'glyph',
      'd',
      'outline',
      'tone',
      'label',
      'name',
      'email',
      'lines',
      'card',
      'chat',
      'revision',
      'index',
      'styles',
    ],
    // Contacts' people and buckets are checked when used (personOf), so they pass through.
    opaqueOutput: true,
    valid: fc
      .oneof(
        fc.array(validView, { maxLength: 4 }).map((views) => ({ type: 'views' as const, views })),
        fc.constant({ type: 'stop' as const }),
      )
      .map((m) => ({ input: m, expected: m })),
    invariant: (m) => {
      expect(['contacts', 'views', 'stop']).toContain(m.type);
      if (m.type === 'views') m.views.forEach(expectView);
      if (m.type === 'contacts') {
        expect(typeof m.revision).toBe('string');
        for (const pattern of Object.values(m.index.hints)) expect(typeof pattern).toBe('string');
        for (const sheet of Object.values(m.styles)) expect(typeof sheet).toBe('string');
      }
    },
  });
});

describe('parsePageToWorker', () => {
  fuzzParser({
    name: 'parsePageToWorker',
    parse: parsePageToWorker,
    fields: ['type', 'revision', 'keys', 'watch'],
    valid: fc
      .record({
        revision: fc.string({ minLength: 1, maxLength: 40 }),
        keys: fc.array(fc.string({ minLength: 1, maxLength: 40 }), { maxLength: 20 }),
      })
      .map(({ revision, keys }) => ({
        input: { type: 'watch', revision, keys },
        expected: { type: 'watch' as const, revision, keys },
      })),
    invariant: (m) => {
      expect(m.type).toBe('watch');
      expect(typeof m.revision).toBe('string');
      for (const key of [m.revision, ...m.keys]) {
        expect(typeof key).toBe('string');
        expect(key).not.toBe('');
        expect(key.length).toBeLessThanOrEqual(40);
      }
    },
  });
});

const siteText = fc.oneof(
  fc.string(),
  fc.webUrl({ validSchemes: ['http', 'https', 'ftp', 'file', 'chrome-extension'] }),
  fc.domain(),
  fc.domain().map((d) => `*.${d}`),
  fc.constantFrom('*', '<all_urls>', '*://*/*', '*.com', '*.', 'http://*', '[::1]', 'a:8080'),
  fc.tuple(fc.constantFrom('*.', 'https://', ''), fc.string()).map(([a, b]) => a + b),
);

describe('parseSite', () => {
  it(
    titled('parseSite', 'never throws, and accepts only one site or one domain'),
    () => {
      check(
        'parseSite',
        fc.property(siteText, (text) => {
          const parsed = parseSite(text);
          expectNoPollution();
          if (!parsed.ok) return;
          const { site, matchPatterns } = parsed.value;
          expect(matchPatterns).toHaveLength(1);
          const [pattern] = matchPatterns;
          expect(pattern).not.toBe('<all_urls>');
          expect(pattern).not.toMatch(/^\*:\/\/\*\//);
          if (site.startsWith('*.')) {
            expect(site.slice(2).split('.').length).toBeGreaterThanOrEqual(2);
            expect(site.slice(2)).not.toContain('*');
          } else {
            expect(new URL(site).origin).toBe(site);
            expect(['http:', 'https:']).toContain(new URL(site).protocol);
          }
          // The label reads back as itself: what is stored is what parseAllowedSite re-derives.
          expect(parseSite(site)).toEqual(parsed);
        }),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'parseSite survives 1 MB inputs',
    () => {
      const inputs = [
        huge(),
        `*.${huge('a.')}com`,
        `https://${huge('a')}.com`,
        huge('/'),
        huge('*'),
      ];
      for (const input of inputs) expect(() => parseSite(input)).not.toThrow();
      countFixed('parseSite', inputs.length);
    },
    TIMEOUT_MS,
  );
});

describe('parseRetryAfter', () => {
  const header = fc.oneof(
    fc.constant(null),
    fc.string(),
    weirdNumber.map(String),
    fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
  );
  const now = fc.oneof(weirdNumber, fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }));

  it(
    titled('parseRetryAfter', 'always waits between 5 s and an hour'),
    () => {
      check(
        'parseRetryAfter',
        fc.property(header, now, (h, at) => {
          const ms = parseRetryAfter(h, at);
          expect(Number.isFinite(ms)).toBe(true);
          expect(ms).toBeGreaterThanOrEqual(5_000);
          expect(ms).toBeLessThanOrEqual(3_600_000);
        }),
      );
    },
    TIMEOUT_MS,
  );

  it(
    titled('parseRetryAfter', 'keeps a sane number of seconds as it is'),
    () => {
      check(
        'parseRetryAfter',
        fc.property(fc.integer({ min: 5, max: 3600 }), (s) => {
          expect(parseRetryAfter(` ${s} `, 0)).toBe(s * 1000);
        }),
      );
    },
    TIMEOUT_MS,
  );
});
