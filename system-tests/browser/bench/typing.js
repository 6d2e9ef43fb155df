// Measures, in a real headless Chromium against a running stack (default http://127.0.0.1:8080):
//  - page first render (first contentful paint) and time until the genre vocabulary is loaded, over fresh loads;
//  - search-as-you-type: for bursts of keystrokes (a fast typist, 60 ms apart), the time from the last keystroke
//    to results for the final text on screen. Prints p50/p95/max; asserts nothing.
// Usage: WEB_URL=http://127.0.0.1:8080 node bench/typing.js [loads=10]
import { launch, BASE } from '../lib/browser.js';

const QUERIES = [
  'blues with a little rock', '70% soul 30% funk songs', 'jazz playlists without pop', 'hip hop with some soul',
  'country songs', 'adele', 'classic rock with a hint of blues', 'electronic and dance', 'metal playlists',
  'reggae with a little ska', 'folk with some indie', 'beyonce', 'r&b with a little hip hop', 'punk rock songs',
  'mostly pop with some dance', 'songs like hey jude', 'latin with a touch of pop', 'ambient electronic',
  'soul playlists without disco', 'grunge', 'the beatles', 'indie rock with a little folk', 'gospel', 'coldplay',
  'hard rock with some metal', 'smooth jazz', 'motown', 'singer songwriter with some folk', 'eminem', 'disco funk',
];

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
const fmt = (xs) => `p50 ${pct(xs, 0.5).toFixed(1)} ms, p95 ${pct(xs, 0.95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (n=${xs.length})`;

const browser = await launch();
const loads = Number(process.argv[2] || 10);
const fcp = [];
const ready = [];
for (let i = 0; i < loads; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/`);
  await page.waitForFunction(() => Number(document.body.dataset.vocabulary || 0) > 0);
  const t = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    vocab: performance.now(),
  }));
  if (i > 0) { fcp.push(t.fcp); ready.push(t.vocab); } // the first load warms the JVM's paths
  await context.close();
}
console.log(`first contentful paint: ${fmt(fcp)}`);
console.log(`page ready (vocabulary loaded): ${fmt(ready)}`);

const context = await browser.newContext();
const page = await context.newPage();
await page.goto(`${BASE}/`);
await page.waitForFunction(() => document.body.dataset.transport === 'websocket');
const bursts = [];
for (const q of QUERIES) {
  await page.fill('#q', '');
  await page.waitForTimeout(300);
  await page.locator('#q').pressSequentially(q, { delay: 60 });
  const ms = await page.evaluate((text) => new Promise((resolve) => {
    const p = window.__discovery;
    const check = () => {
      const r = p.renders.findLast((x) => x.q === text && x.at >= p.lastInputAt);
      if (r) resolve(r.at - p.lastInputAt); else setTimeout(check, 2);
    };
    check();
  }), q);
  bursts.push(ms);
}
const stats = await page.evaluate(() => window.__discovery.live.stats);
console.log(`keystroke burst -> results: ${fmt(bursts)}`);
console.log(`messages sent ${stats.sent}, answers shown ${stats.shown}, stale answers discarded ${stats.discarded}`);
await browser.close();
