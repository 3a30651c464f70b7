import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { parseCatalog } from '../../../src/webex/catalog';
import type { Catalog } from '../../../src/webex/catalog';
import { parseDeviceReply } from '../../../src/webex/device';
import { hasScheme, isHttpUrl } from '../../../src/core/url-scheme';
import { fuzzParser } from './fuzz-parser';
import { reportRuns } from './runs';

reportRuns('WDM device and U2C catalog (src/webex/device.ts, catalog.ts)');

const httpUrl = fc.webUrl({ validSchemes: ['https', 'http'], withQueryParameters: true });
const wsUrl = fc.webUrl({ validSchemes: ['wss', 'ws'] });

describe('parseDeviceReply', () => {
  fuzzParser({
    name: 'parseDeviceReply',
    parse: parseDeviceReply,
    fields: ['url', 'webSocketUrl', 'userId'],
    valid: fc.record({ url: httpUrl, webSocketUrl: wsUrl, userId: fc.uuid() }).map((d) => ({
      input: { ...d, userId: d.userId.toUpperCase(), services: { x: 1 } },
      expected: d,
    })),
    invariant: (device) => {
      expect(isHttpUrl(device.url)).toBe(true);
      expect(hasScheme(device.webSocketUrl, ['wss:', 'ws:'])).toBe(true);
      expect(device.userId).not.toBe('');
      expect(device.userId).toBe(device.userId.toLowerCase());
      expect(Object.keys(device).sort()).toStrictEqual(['url', 'userId', 'webSocketUrl']);
    },
  });
});

function expectBase(url: string | undefined): void {
  if (url === undefined) return;
  expect(isHttpUrl(url)).toBe(true);
  expect(url.endsWith('/')).toBe(false);
}

describe('parseCatalog', () => {
  const link = fc.tuple(httpUrl, fc.constantFrom('', '/', '//', '/'.repeat(40)));
  fuzzParser<Catalog>({
    name: 'parseCatalog',
    parse: parseCatalog,
    fields: ['serviceLinks', 'wdm', 'apheleia', 'hydra'],
    valid: fc
      .record({ wdm: link, apheleia: link, hydra: link }, { requiredKeys: ['wdm', 'apheleia'] })
      .filter(({ wdm, apheleia, hydra }) =>
        [wdm, apheleia, hydra].every((l) => l === undefined || !l[0].endsWith('/')),
      )
      .map((links) => {
        const written = Object.fromEntries(
          Object.entries(links).map(([name, [url, slashes]]) => [name, url + slashes]),
        );
        const expected = Object.fromEntries(Object.entries(links).map(([n, [url]]) => [n, url]));
        return { input: { serviceLinks: written }, expected: expected as unknown as Catalog };
      }),
    invariant: (catalog) => {
      expectBase(catalog.wdm);
      expectBase(catalog.apheleia);
      expectBase(catalog.hydra);
      expect(catalog.wdm).toBeDefined();
      expect(catalog.apheleia).toBeDefined();
    },
  });
});
