// Launches Debian's Chromium through playwright-core (no downloaded browser builds: they cannot be fetched here).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const BASE = process.env.WEB_URL || 'http://127.0.0.1:8080';
export const ARTIFACTS = process.env.ARTIFACTS_DIR || join(process.cwd(), 'target', 'browser-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: FLAGS, headless: true });
}

export async function openPage(browser, { width = 1200, height = 900, path = '/' } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(BASE + path);
  return { page, context, errors };
}

export function shot(page, name) {
  return page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
