/**
 * Draws the app's icons (PWA-MANIFEST-1) from one SVG: the brand mark (two overlapping circles, people together)
 * on the page background. Run once after changing the mark: `node scripts/make-icons.mjs`; the PNGs are
 * checked in, so builds need no browser. Rasterized by Debian's Chromium through playwright-core.
 */
import { writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const out = new URL('../src/web/public/', import.meta.url);

/** `inset` keeps the mark inside the maskable safe zone (the central circle of 80% of the width). */
function svg({ size, radius, gap, rounded }) {
  const c = size / 2;
  const r = radius * size;
  const d = gap * size;
  const corner = rounded ? size * 0.18 : 0;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
<rect width="${size}" height="${size}" rx="${corner}" fill="#fbf8f3"/>
<circle cx="${c - d / 2}" cy="${c}" r="${r}" fill="#1d5c63" fill-opacity="0.9"/>
<circle cx="${c + d / 2}" cy="${c}" r="${r}" fill="#c8742c" fill-opacity="0.9"/>
</svg>`;
}

const any = { radius: 0.23, gap: 0.3, rounded: true };
const maskable = { radius: 0.19, gap: 0.25, rounded: false };

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const [name, size, shape] of [
    ['icon-192.png', 192, any],
    ['icon-512.png', 512, any],
    ['icon-maskable-512.png', 512, maskable],
    ['apple-touch-icon.png', 180, maskable],
  ]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}</style>${svg({ size, ...shape })}`,
    );
    await writeFile(new URL(name, out), await page.locator('svg').screenshot({ omitBackground: true }));
    await page.close();
  }
  await writeFile(new URL('icon.svg', out), svg({ size: 64, ...any }) + '\n');
} finally {
  await browser.close();
}
