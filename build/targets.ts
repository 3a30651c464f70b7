/**
 * The four builds of the extension and the manifest each one gets (docs/browsers.md). The root
 * manifest.json is the Chrome dev build's; every other manifest is derived from it here, so a
 * permission is added in one place.
 *
 *   vite mode       browser  kind   out dir              loopback  source maps
 *   production      chrome   dev    dist/                yes       yes
 *   firefox         firefox  dev    dist-firefox/        yes       yes
 *   store-chrome    chrome   store  dist-store/chrome/   no        no
 *   store-firefox   firefox  store  dist-store/firefox/  no        no
 */
import baseManifest from '../manifest.json' with { type: 'json' };

export type TargetBrowser = 'chrome' | 'firefox';

export interface BuildTarget {
  readonly browser: TargetBrowser;
  /** A store build: no loopback access (so no emulator), no source maps. */
  readonly store: boolean;
  readonly outDir: string;
}

const TARGETS: Readonly<Record<string, BuildTarget>> = {
  production: { browser: 'chrome', store: false, outDir: 'dist' },
  development: { browser: 'chrome', store: false, outDir: 'dist' },
  firefox: { browser: 'firefox', store: false, outDir: 'dist-firefox' },
  'store-chrome': { browser: 'chrome', store: true, outDir: 'dist-store/chrome' },
  'store-firefox': { browser: 'firefox', store: true, outDir: 'dist-store/firefox' },
};

export function targetForMode(mode: string): BuildTarget {
  const target = TARGETS[mode];
  if (!target) throw new Error(`Unknown build mode "${mode}" (one of ${Object.keys(TARGETS)}).`);
  return target;
}

/** Fixed, so the add-on keeps its storage across updates and tests can pin its internal UUID. */
export const GECKO_ID = 'presence-lens@presence-lens.app';
/**
 * 140 (ESR): `data_collection_permissions`, which AMO requires of new add-ons, is read from 140 on.
 * Everything else the code uses is older (storage.session 115, MV3 `optional_host_permissions`
 * and `scripting.registerContentScripts` with `persistAcrossSessions` 128).
 */
export const GECKO_MIN_VERSION = '140.0';

/** Firefox for Android reads `data_collection_permissions` from 142 on. */
export const GECKO_ANDROID_MIN_VERSION = '142.0';

/** What src/background/token-audience.ts reads to let the token go to the emulator. */
export const LOOPBACK_HOST_PERMISSIONS = ['http://127.0.0.1/*', 'http://localhost/*'];

/** The Webex cloud: REST over https, Mercury over wss (docs/protocol.md). */
const WEBEX_CONNECT_SOURCES = [
  'https://webexapis.com',
  'https://*.wbx2.com',
  'https://*.webex.com',
  'https://*.ciscospark.com',
  'wss://*.wbx2.com',
  'wss://*.webex.com',
  'wss://*.ciscospark.com',
];
const LOOPBACK_CONNECT_SOURCES = [
  'http://127.0.0.1:*',
  'ws://127.0.0.1:*',
  'http://localhost:*',
  'ws://localhost:*',
];

export const ICONS = {
  16: 'icons/icon-16.png',
  32: 'icons/icon-32.png',
  48: 'icons/icon-48.png',
  128: 'icons/icon-128.png',
};

interface Manifest {
  host_permissions: string[];
  action: Record<string, unknown>;
  background: { service_worker?: string; scripts?: string[]; type?: string };
  [key: string]: unknown;
}

/** Extension pages and the background may connect only to Webex (and loopback in a dev build). */
export function contentSecurityPolicy(target: BuildTarget): string {
  const connect = [
    "'self'",
    ...WEBEX_CONNECT_SOURCES,
    ...(target.store ? [] : LOOPBACK_CONNECT_SOURCES),
  ];
  // Profile pictures: Webex's avatar hosts (src/shared/contact.ts isAvatarUrl), loopback in dev.
  const img = [
    "'self'",
    'data:',
    'https://*.webexcontent.com',
    ...(target.store ? [] : LOOPBACK_CONNECT_SOURCES.filter((s) => s.startsWith('http'))),
  ];
  return (
    `script-src 'self'; object-src 'self'; connect-src ${connect.join(' ')}; ` +
    `img-src ${img.join(' ')}`
  );
}

export function manifestFor(target: BuildTarget, options: { csp?: boolean } = {}): Manifest {
  const manifest: Manifest = structuredClone(baseManifest) as Manifest;
  manifest.icons = ICONS;
  manifest.action = { ...manifest.action, default_icon: { 16: ICONS[16], 32: ICONS[32] } };
  if (target.store) {
    manifest.host_permissions = manifest.host_permissions.filter(
      (pattern) => !LOOPBACK_HOST_PERMISSIONS.includes(pattern),
    );
  }
  // Not under `vite` (serve): crxjs's dev loader imports from the dev server.
  if (options.csp !== false) {
    manifest.content_security_policy = { extension_pages: contentSecurityPolicy(target) };
  }
  if (target.browser === 'firefox') return toFirefox(manifest);
  return manifest;
}

/** Firefox MV3: an event page instead of a service worker, and an add-on id (docs/browsers.md). */
function toFirefox(manifest: Manifest): Manifest {
  const firefox: Manifest = { ...manifest };
  delete firefox.minimum_chrome_version; // Chrome only: web-ext lint warns about it
  return {
    ...firefox,
    background: { scripts: [manifest.background.service_worker ?? ''], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: GECKO_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
      // Not built for Android; if it is ever installed there, only where the key above is read.
      gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
    },
  } as Manifest;
}
