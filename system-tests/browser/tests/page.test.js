// The genre-mixer page in a real headless Chromium against the real stack (system-tests' SystemStack).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, shot, BASE } from '../lib/browser.js';
import { waitForResults, chips, typeQuery } from '../lib/page.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('typing "blues with a little rock" shows parsed chips and results with genre bars', async () => {
  const { page, context, errors } = await openPage(browser);
  await page.waitForFunction(() => document.body.dataset.transport === 'websocket');
  await typeQuery(page, 'blues with a little rock');
  await page.waitForFunction(() => document.querySelectorAll('#chips .chip').length === 2);
  const r = await waitForResults(page);
  assert.deepEqual((await chips(page)).map((c) => [c.genre, c.value]), [['blues', 80], ['rock', 20]]);
  assert.match(r.status, /blues 80% \+ rock 20%/);
  const cards = await page.$$eval('#results .card', (cs) => cs.map((c) => ({
    segments: c.querySelectorAll('.mixbar span').length, why: c.querySelector('.why')?.textContent || '' })));
  assert.ok(cards.length > 0);
  assert.ok(cards.every((c) => c.segments > 0), 'every card has a genre bar');
  assert.match(cards[0].why, /blues 80% asked/);
  await shot(page, 'typed-blues-with-a-little-rock');
  assert.deepEqual(errors, []);
  await context.close();
});

test('moving a slider changes the results', async () => {
  const { page, context } = await openPage(browser);
  await typeQuery(page, 'blues with a little rock');
  await page.waitForFunction(() => document.querySelectorAll('#chips .chip').length === 2);
  const before = await waitForResults(page);
  // keyboard, as a person without a mouse would: blues down to nothing leaves a pure rock mix
  await page.focus('#chips .chip[data-genre="blues"] input[type=range]');
  await page.keyboard.press('Home');
  const afterMove = await waitForResults(page, before.seq);
  assert.notDeepEqual(afterMove.ids, before.ids, 'different results for a different mix');
  assert.match(afterMove.status, /your mix \(mix of blues 0% \+ rock 100%\)/);
  assert.equal((await chips(page)).find((c) => c.genre === 'rock').share, '100%');
  await shot(page, 'slider-moved');
  await context.close();
});

test('a late reply to an older keystroke does not overwrite newer results', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  let delayed = 0;
  let delivered = 0;
  // a real connection to the server; only the reply to "adele" is held back, as a slow answer would be
  await context.routeWebSocket(/\/api\/v1\/live$/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((m) => server.send(m));
    server.onMessage((m) => {
      const msg = JSON.parse(m);
      if (msg.result?.parsed?.text === 'adele') {
        delayed += 1;
        setTimeout(() => { ws.send(m); delivered += 1; }, 1500);
      } else ws.send(m);
    });
  });
  const page = await context.newPage();
  await page.goto(`${BASE}/`);
  await page.waitForFunction(() => document.body.dataset.transport === 'websocket');
  await page.fill('#q', 'adele');
  await page.waitForTimeout(200); // sent, and its reply held
  await page.fill('#q', 'soul with a little funk');
  const newer = await waitForResults(page);
  assert.match(newer.status, /soul 80% \+ funk 20%/);
  await page.waitForFunction(() => true, null, { timeout: 100 });
  while (delivered < delayed) await page.waitForTimeout(100);
  await page.waitForTimeout(200);
  assert.ok(delayed >= 1, 'the old reply was held back');
  const now = await waitForResults(page, 0);
  assert.equal(now.seq, newer.seq, 'still the newer answer');
  assert.match(now.status, /soul 80% \+ funk 20%/);
  assert.ok(await page.evaluate(() => window.__discovery.live.stats.discarded) >= 1, 'the stale reply was discarded');
  await shot(page, 'out-of-order-reply-discarded');
  await context.close();
});

test('without a WebSocket the page falls back to HTTP', async () => {
  const context = await browser.newContext();
  await context.routeWebSocket(/\/api\/v1\/live$/, (ws) => ws.close());
  const page = await context.newPage();
  await page.goto(`${BASE}/`);
  await page.waitForFunction(() => document.body.dataset.transport === 'http');
  await typeQuery(page, 'soul with a little funk');
  // prefixes ("soul with a") are answered too; wait for the answer to the whole text
  await page.waitForFunction(() => /soul 80% \+ funk 20%/.test(document.getElementById('status').textContent),
    null, { timeout: 15000 });
  assert.ok((await waitForResults(page)).ids.length > 0);
  await context.close();
});

test('genres are picked from the real vocabulary with the keyboard; "more like this" works', async () => {
  const { page, context } = await openPage(browser);
  await page.waitForFunction(() => Number(document.body.dataset.vocabulary || 0) > 0);
  await page.focus('#add-genre');
  await page.keyboard.type('hip-h');
  await page.waitForSelector('#add-genre-list li');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#chips .chip[data-genre="hip hop"]');
  const mix = await waitForResults(page);
  assert.match(mix.status, /your mix/);
  await page.focus('#exclude-genre');
  await page.keyboard.type('pop');
  await page.waitForSelector('#exclude-genre-list li');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#excluded .chip[data-genre="pop"]');
  const excluded = await waitForResults(page, mix.seq);
  const first = await page.$eval('#results .card h3', (h) => h.textContent);
  await page.focus('#results .card .more');
  await page.keyboard.press('Enter');
  const similar = await waitForResults(page, excluded.seq);
  assert.match(similar.status, new RegExp(`more like “${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”`));
  await context.close();
});

test('on a phone the page fits the screen', async () => {
  const { page, context } = await openPage(browser, { width: 390, height: 844 });
  await typeQuery(page, 'blues with a little rock');
  await waitForResults(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px too wide)`);
  await shot(page, 'phone');
  await context.close();
});
