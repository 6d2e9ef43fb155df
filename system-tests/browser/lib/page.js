// What the tests read from the page: rendered results, their sequence number, the chips.
export async function waitForResults(page, after = 0) {
  await page.waitForFunction((n) => Number(document.getElementById('results').dataset.seq || 0) > n
    && document.querySelectorAll('#results .card').length > 0, after, { timeout: 15000 });
  return page.evaluate(() => ({
    seq: Number(document.getElementById('results').dataset.seq),
    ids: [...document.querySelectorAll('#results .card')].map((c) => `${c.dataset.type}:${c.dataset.id}`),
    status: document.getElementById('status').textContent,
  }));
}

export async function chips(page) {
  return page.$$eval('#chips .chip', (lis) => lis.map((li) => ({
    genre: li.dataset.genre, value: Number(li.querySelector('input').value),
    share: li.querySelector('.share').textContent,
  })));
}

export async function typeQuery(page, text, delay = 25) {
  await page.fill('#q', '');
  await page.locator('#q').pressSequentially(text, { delay });
}
