// `npm run build:icons`: renders assets/icon.svg to public/icons/icon-<size>.png with Debian's
// Chromium (no image library needed). The PNGs are committed; run this after editing the SVG.
import { Buffer } from 'node:buffer';
import { readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, ROOT } from './lib/bootstrap.mjs';

const SIZES = [16, 32, 48, 128];
const svg = readFileSync(path.join(ROOT, 'assets/icon.svg'), 'utf8');
const out = path.join(ROOT, 'public/icons');
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}</style>` +
        `<img src="${src}" width="${size}" height="${size}" style="display:block">`,
    );
    await page.locator('img').screenshot({
      path: path.join(out, `icon-${size}.png`),
      omitBackground: true,
    });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`icons: ${SIZES.map((s) => `icon-${s}.png`).join(', ')} in public/icons/`);
