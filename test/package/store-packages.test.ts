/**
 * What the stores get (artifacts/, from `npm run package`): no loopback, no all-sites grant, a CSP
 * that connects only to Webex, no source maps, and the Firefox essentials. Optional host
 * permissions are asked for per site at run time, so they are allowed here (docs/browsers.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { GECKO_ID, GECKO_MIN_VERSION } from '../../build/targets';
import { packageNames } from '../../scripts/package';

const ROOT = path.resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
const names = packageNames(version);

const LOOPBACK = /127\.0\.0\.1|localhost|\[::1\]/;
const ALL_SITES = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];
const WEBEX_SOURCES = [
  "'self'",
  'https://webexapis.com',
  'https://*.wbx2.com',
  'https://*.webex.com',
  'https://*.ciscospark.com',
  'wss://*.wbx2.com',
  'wss://*.webex.com',
  'wss://*.ciscospark.com',
];

function unzip(name: string): Record<string, Uint8Array> {
  const file = path.join(ROOT, 'artifacts', name);
  if (!existsSync(file)) throw new Error(`${name} is missing: run \`npm run package\` first.`);
  return unzipSync(readFileSync(file));
}

interface StoreManifest {
  manifest_version: number;
  version: string;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: { extension_pages?: string };
  background: { service_worker?: string; scripts?: string[] };
  icons: Record<string, string>;
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string } };
}

describe.each([
  ['chrome', names.chrome],
  ['firefox', names.firefox],
])('the %s store package', (browser, name) => {
  const files = unzip(name);
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as StoreManifest;

  test('is MV3 at the package version, with icons at 16, 32, 48 and 128 px that are in it', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.version).toBe(version);
    expect(Object.keys(manifest.icons).sort()).toEqual(['128', '16', '32', '48']);
    for (const icon of Object.values(manifest.icons)) expect(files[icon]).toBeDefined();
  });

  test('grants neither loopback nor all-sites access', () => {
    const granted = [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])];
    expect(granted.filter((p) => LOOPBACK.test(p))).toEqual([]);
    expect(granted.filter((p) => ALL_SITES.includes(p))).toEqual([]);
    expect(manifest.host_permissions).toEqual([
      'https://webexapis.com/*',
      'https://*.wbx2.com/*',
      'https://*.webex.com/*',
      'https://*.ciscospark.com/*',
    ]);
    // Per-site badges: asked for one site at a time when the user allows it, never granted here.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  test('lets its pages and background connect only to Webex', () => {
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
    const connect = /connect-src ([^;]+)/.exec(csp)?.[1]?.split(' ') ?? [];
    expect(connect.sort()).toEqual([...WEBEX_SOURCES].sort());
    // Pictures: the extension's own, and Webex's avatar hosts; no loopback in a store package.
    const img = /img-src ([^;]+)/.exec(csp)?.[1]?.split(' ') ?? [];
    expect(img.sort()).toEqual(["'self'", 'data:', 'https://*.webexcontent.com'].sort());
  });

  test('carries no source maps and no source files', () => {
    const names = Object.keys(files);
    expect(names.filter((n) => n.endsWith('.map') || /\.(ts|tsx|mts)$/.test(n))).toEqual([]);
    for (const [file, bytes] of Object.entries(files)) {
      if (file.endsWith('.js') || file.endsWith('.html') || file.endsWith('.css')) {
        expect(strFromU8(bytes), file).not.toMatch(/sourceMappingURL/);
      }
    }
  });

  test('is minified: no doc comments left, and the names of the source are gone', () => {
    const scripts = Object.entries(files).filter(([file]) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const [file, bytes] of scripts) {
      const text = strFromU8(bytes);
      const docComments = text.match(/\/\*\*[\s\S]*?\*\//g) ?? [];
      expect(
        docComments.filter((c) => !c.includes('@license')),
        file,
      ).toEqual([]);
    }
    const all = scripts.map(([, bytes]) => strFromU8(bytes)).join('\n');
    expect(all).not.toContain('restrictStorageToTrustedContexts');
  });

  test(`has the ${browser} background`, () => {
    if (browser === 'chrome') {
      expect(manifest.background.service_worker).toBeDefined();
      expect(manifest.browser_specific_settings).toBeUndefined();
    } else {
      expect(manifest.background.service_worker).toBeUndefined();
      expect(manifest.background.scripts).toHaveLength(1);
      expect(manifest.browser_specific_settings?.gecko).toMatchObject({
        id: GECKO_ID,
        strict_min_version: GECKO_MIN_VERSION,
      });
    }
  });
});

test('the source package for the Firefox review holds what rebuilds it, and no build output', () => {
  const files = Object.keys(unzip(names.source));
  for (const needed of [
    'package.json',
    'package-lock.json',
    'manifest.json',
    'vite.config.ts',
    'build/targets.ts',
    'docs/browsers.md',
    'src/background/index.ts',
  ]) {
    expect(files).toContain(needed);
  }
  expect(
    files.filter((f) => /^(dist|dist-firefox|dist-store|node_modules|artifacts)\//.test(f)),
  ).toEqual([]);
});
