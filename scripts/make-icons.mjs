// @ts-check
/**
 * Renders the web app icons (public/icons/icon-192.png, icon-512.png) from public/icons/icon.svg
 * with the test browser (Chromium, Noto CJK), so nothing is downloaded. The mark fills a square
 * with the glyph inside the central safe zone, so the same files serve as "maskable" icons.
 * Run after changing the SVG: `npm run icons`; the PNGs are committed.
 */
import { chromium } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';

const svg = readFileSync('public/icons/icon.svg', 'utf8');
const executablePath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
const browser = await chromium.launch({ executablePath });
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: `public/icons/icon-${size}.png`, omitBackground: false });
  await page.close();
}
await browser.close();
console.log('public/icons/icon-192.png, icon-512.png written');
