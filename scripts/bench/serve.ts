/**
 * Serves a corpus folder on 127.0.0.1 (random port). HTML is served with its scripts stripped:
 * every `<script>...</script>` and `<script/>`, inline `on*=` handlers, `<meta http-equiv=refresh>`
 * and CSP metas are removed, so nothing of the page's own runs or navigates during a measurement.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** The empty page the mutation benchmark runs on. */
export const BLANK_PATH = '/__bench/blank.html';
const BLANK_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'text/html',
  '.css': 'text/css',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

const SCRIPT_OPEN = /<script\b[^>]*>/gi;
const SCRIPT_CLOSE = /<\/script\s*>/gi;
const META = /<meta\b[^>]*>/gi;
const META_BLOCKED = /http-equiv\s*=\s*["']?\s*(refresh|content-security-policy)/i;
const TAG = /<[a-zA-Z][^>]*>/g;
const HANDLER = /\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;

/** Removes script elements: `<script ...>...</script>` and self-closing `<script .../>`. */
function stripScripts(html: string): string {
  let out = '';
  let pos = 0;
  SCRIPT_OPEN.lastIndex = 0;
  for (let open = SCRIPT_OPEN.exec(html); open !== null; open = SCRIPT_OPEN.exec(html)) {
    out += html.slice(pos, open.index);
    const afterOpen = open.index + open[0].length;
    if (open[0].endsWith('/>')) {
      pos = afterOpen;
    } else {
      SCRIPT_CLOSE.lastIndex = afterOpen;
      const close = SCRIPT_CLOSE.exec(html);
      pos = close === null ? html.length : close.index + close[0].length;
    }
    SCRIPT_OPEN.lastIndex = pos;
  }
  return (out + html.slice(pos)).replace(SCRIPT_CLOSE, '');
}

/**
 * Makes a page inert. Works on a latin1 string so that every byte outside the removed parts is
 * kept exactly, whatever the page's encoding.
 */
export function sanitiseHtml(bytes: Buffer): Buffer {
  let html = stripScripts(bytes.toString('latin1'));
  html = html.replace(META, (meta) => (META_BLOCKED.test(meta) ? '' : meta));
  html = html.replace(TAG, (tag) => tag.replace(HANDLER, ''));
  return Buffer.from(html, 'latin1');
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export interface CorpusServer {
  readonly origin: string;
  /** The URL of a corpus-relative path such as `pages/x.html`. */
  urlOf(relativePath: string): string;
  close(): Promise<void>;
}

export async function serveCorpus(dir: string): Promise<CorpusServer> {
  const root = path.resolve(dir);
  const cache = new Map<string, { body: Buffer; type: string }>();

  const server: Server = createServer((req, res) => {
    const headers: Record<string, string> = {
      'cache-control': 'no-store',
      // Cross-origin isolation gives performance.now() 5 us resolution instead of 100 us.
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    };
    const fail = (status: number, message: string): void => {
      res.writeHead(status, { ...headers, 'content-type': 'text/plain' }).end(message);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'method not allowed');
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      return fail(400, 'bad url');
    }
    if (pathname === BLANK_PATH) {
      res
        .writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' })
        .end(BLANK_HTML);
      return;
    }
    const file = path.resolve(root, `.${pathname}`);
    if (file !== root && !file.startsWith(root + path.sep)) return fail(403, 'forbidden');
    const ext = path.extname(file).toLowerCase();
    const type = TYPES[ext] ?? 'application/octet-stream';
    const cached = cache.get(file);
    const load = cached
      ? Promise.resolve(cached)
      : readFile(file).then((bytes) => {
          const html = type === 'text/html';
          const body = html ? sanitiseHtml(bytes) : bytes;
          // Served without a charset, a UTF-8 page lacking a <meta charset> would be misread.
          const entry = { body, type: html && isUtf8(body) ? `${type}; charset=utf-8` : type };
          cache.set(file, entry);
          return entry;
        });
    load.then(
      ({ body, type: contentType }) => {
        res.writeHead(200, { ...headers, 'content-type': contentType });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      () => fail(404, 'not found'),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    urlOf: (relativePath) =>
      `${origin}/${relativePath.split('/').map(encodeURIComponent).join('/')}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
