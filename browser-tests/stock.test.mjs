// The stock ticker sample in two browser pages: both see the same ticks and each other's notes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleSuite, failedLoads, iconLoaded, assertPlainWords } from './harness.mjs';

const suite = sampleSuite('stock-server', ['--tick', '200ms', '--poll-timeout', '5s']);

/** Serves stock.js with its notes limit raised, as a client that skips the page's own check. */
async function withoutPageLimit(context) {
  await context.route('**/stock.js', async (route) => {
    const response = await route.fetch();
    const script = await response.text();
    assert.ok(script.includes('const MAX_NOTES = 1000;'), 'stock.js has no MAX_NOTES to raise');
    await route.fulfill({ response, body: script.replace('const MAX_NOTES = 1000;', 'const MAX_NOTES = 1e6;') });
  });
}

async function openTicker(setUp) {
  const context = await suite.newContext();
  if (setUp) await setUp(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(suite.server.base + '/');
  await page.waitForFunction(() => document.body.dataset.state === 'open', null, { timeout: 15000 });
  await page.waitForFunction(() => document.querySelectorAll('#quotes tr').length === 8, null, { timeout: 15000 });
  page.errors = errors;
  return page;
}

test('two pages see the same tick', async () => {
  const a = await openTicker();
  const b = await openTicker();
  const before = await a.evaluate(() => window.netduplexLog.length);
  await a.waitForFunction((n) => window.netduplexLog.length > n + 2, before, { timeout: 15000 });
  const tick = await a.evaluate(() => window.netduplexLog[window.netduplexLog.length - 1]);
  await b.waitForFunction((t) => window.netduplexLog.includes(t), tick, { timeout: 15000 });
  const [symbol, bid] = tick.split(' ');
  // the grid shows it too (unless a newer tick for that symbol already replaced it)
  const shown = await b.locator(`tr[data-symbol="${symbol}"] td.bid`).textContent();
  assert.ok(shown.length > 0, `no bid shown for ${symbol} (tick ${bid})`);
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
});

test('notes typed in one page appear in the other', async () => {
  const a = await openTicker();
  const b = await openTicker();
  await a.selectOption('#symbol', 'CZLP');
  await a.fill('#notes', 'Notes added from Chromium');
  await a.click('button[type=submit]');
  await b.waitForFunction(() => document.querySelector('tr[data-symbol="CZLP"] td.notes').textContent === 'Notes added from Chromium',
    null, { timeout: 15000 });
});

test('markup in notes is shown as text, never run, in other pages', async () => {
  const a = await openTicker();
  const b = await openTicker();
  const evil = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
  await a.selectOption('#symbol', 'MSFT');
  await a.fill('#notes', evil);
  await a.click('button[type=submit]');
  await b.waitForFunction((t) => document.querySelector('tr[data-symbol="MSFT"] td.notes').textContent === t, evil, { timeout: 15000 });
  assert.equal(await b.evaluate(() => window.pwned), undefined);
  assert.equal(await b.locator('tr[data-symbol="MSFT"] td.notes img').count(), 0);
});

test('empty and oversized notes get a clear error and the server stays up', async () => {
  const a = await openTicker();
  await a.fill('#notes', '   ');
  await a.click('button[type=submit]');
  assert.equal(await a.locator('#notes-error').textContent(), 'Type some notes first.');
  await a.evaluate(() => { document.getElementById('notes').removeAttribute('maxlength'); });
  await a.fill('#notes', 'n'.repeat(1001));
  await a.click('button[type=submit]');
  assert.equal(await a.locator('#notes-error').textContent(), 'At most 1000 characters.');
  // the input caps at 1000 characters; a hand-made oversized request is refused by the server
  const status = await a.evaluate(async () => {
    const r = await fetch('/StockService', { method: 'POST', headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '"Silverlight/IStockService/Sync"' }, body: 'x'.repeat(200000) });
    return r.status;
  });
  assert.equal(status, 500);
  const b = await openTicker(); // still serving
  assert.equal(await b.locator('#quotes tr').count(), 8);
});

test('past the page\'s own check, huge notes with markup are cut by the server and shown as text', async () => {
  const a = await openTicker(withoutPageLimit);
  const b = await openTicker();
  const evil = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'.repeat(80); // 5680 characters
  await a.evaluate(() => { document.getElementById('notes').removeAttribute('maxlength'); });
  await a.selectOption('#symbol', 'JAVA');
  await a.fill('#notes', evil);
  await a.click('button[type=submit]');
  const cut = evil.substring(0, 1000);
  await b.waitForFunction((t) => document.querySelector('tr[data-symbol="JAVA"] td.notes').textContent === t, cut, { timeout: 15000 });
  assert.equal(await a.locator('#notes-error').textContent(), '');
  assert.equal(await b.evaluate(() => window.pwned), undefined);
  assert.equal(await b.locator('#quotes img, #quotes script').count(), 0);
  assert.deepEqual(b.errors, []);
});

test('the status page lists sessions without full ids', async () => {
  await openTicker();
  const context = await suite.newContext();
  const page = await context.newPage();
  await page.goto(suite.server.base + '/status');
  await page.waitForFunction(() => document.querySelectorAll('#sessions tr').length > 0, null, { timeout: 10000 });
  const ids = await page.locator('#sessions tr td:first-child').allTextContents();
  for (const id of ids) {
    assert.ok(id.length <= 9, `session id not shortened: ${id}`);
  }
  const json = await (await fetch(suite.server.base + '/status.json')).json();
  assert.ok(json.totals.sessions >= 1);
  assert.ok(json.totals.messagesDelivered > 0);
});

test('the quote table appears whole at its first paint, and no load of the page fails', async () => {
  const context = await suite.newContext();
  // Counts the rows each time the table changes, from before the page's script runs.
  await context.addInitScript(() => {
    window.rowsAtPaint = [];
    document.addEventListener('DOMContentLoaded', () => {
      const tbody = document.getElementById('quotes');
      new MutationObserver(() => window.rowsAtPaint.push(tbody.rows.length)).observe(tbody, { childList: true });
    });
  });
  const page = await context.newPage();
  const failed = failedLoads(page);
  const icon = iconLoaded(page);
  await page.goto(suite.server.base + '/');
  await page.waitForFunction(() => document.querySelectorAll('#quotes tr').length === 8, null, { timeout: 15000 });
  assert.equal((await icon).headers()['content-type'], 'image/svg+xml');
  assert.deepEqual(await page.evaluate(() => window.rowsAtPaint), [8], 'the table was drawn row by row');
  assert.equal(await page.locator('#symbol option').count(), 8);
  assert.equal(await page.locator('#state').textContent(), 'live');
  assert.deepEqual(failed, []);
});

test('the status page loads without a failed request', async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  const failed = failedLoads(page);
  const icon = iconLoaded(page);
  await page.goto(suite.server.base + '/status');
  await page.waitForFunction(() => document.getElementById('sample').textContent === 'stock ticker', null, { timeout: 10000 });
  await icon;
  assert.deepEqual(failed, []);
});

test('notes with a right-to-left override are shown without it', async () => {
  const a = await openTicker();
  const b = await openTicker();
  await a.selectOption('#symbol', 'AAHH');
  await a.fill('#notes', 'buy \u202Eyas ton od\u202C now');
  await a.click('#notes-form button');
  await b.waitForFunction(() => document.querySelector('tr[data-symbol="AAHH"] td.notes').textContent === 'buy yas ton od now',
    null, { timeout: 15000 });
});

test('after a server restart the page says so in words, gets a new session and fresh quotes', async () => {
  const page = await openTicker();
  const sessions = new Set();
  page.on('request', (r) => {
    const m = /<netdx:SessionId>([^<]+)<\/netdx:SessionId>/.exec(r.postData() || '');
    if (m) sessions.add(m[1]);
  });
  await page.evaluate(() => {
    window.states = [];
    new MutationObserver(() => window.states.push(document.getElementById('state').textContent))
      .observe(document.getElementById('state'), { childList: true, characterData: true, subtree: true });
  });

  await suite.server.stop('SIGKILL'); // a crash: the page's poll fails, then the new server does not know it
  await page.waitForFunction(() => document.body.dataset.state === 'reconnecting', null, { timeout: 10000 });
  assert.equal(await page.locator('#state').textContent(), 'The connection to the server was lost. Reconnecting…');
  await suite.restartServer();

  await page.waitForFunction(() => !document.getElementById('notice').hidden, null, { timeout: 20000 });
  assert.match(await page.locator('#notice').textContent(),
    /^The server restarted\. This page reconnected at .+ with a new session\.$/);
  const logged = await page.evaluate(() => window.netduplexLog.length);
  await page.waitForFunction((n) => window.netduplexLog.length >= n + 8, logged, { timeout: 15000 }); // Register's eight
  await page.waitForFunction(() => document.body.dataset.state === 'open', null, { timeout: 10000 });
  assert.equal(await page.locator('#state').textContent(), 'live');
  assert.equal(await page.locator('#quotes tr').count(), 8);
  assert.equal(sessions.size, 1, 'more than one new session: reconnects ran side by side'); // polls carry no id
  const json = await (await fetch(suite.server.base + '/status.json')).json();
  assert.equal(json.totals.sessionsOpened, 1);
  for (const words of await page.evaluate(() => window.states)) assertPlainWords(words);
  assert.deepEqual(page.errors, []);
});

test('a page that cannot reach the server for too long stops trying and says so', async () => {
  const context = await suite.newContext();
  await context.route('**/netduplex.js', async (route) => {
    const response = await route.fetch();
    const script = await response.text();
    const limit = 'const GIVE_UP_AFTER_MS = 2 * 60 * 1000;';
    assert.ok(script.includes(limit), 'netduplex.js has no GIVE_UP_AFTER_MS to shorten');
    await route.fulfill({ response, body: script.replace(limit, 'const GIVE_UP_AFTER_MS = 1500;') });
  });
  const page = await context.newPage();
  await page.goto(suite.server.base + '/');
  await page.waitForFunction(() => document.body.dataset.state === 'open', null, { timeout: 15000 });
  let requests = 0;
  page.on('request', (r) => { if (r.url().endsWith('/StockService')) requests++; });

  await suite.server.stop('SIGKILL');
  await page.waitForFunction(() => document.body.dataset.state === 'failed', null, { timeout: 15000 });
  assert.equal(await page.locator('#state').textContent(), 'The server cannot be reached. Reload the page to try again.');
  const tries = requests;
  assert.ok(tries <= 6, `${tries} requests in about 2 s: retries are not backing off`);
  await suite.restartServer();
  await new Promise((r) => setTimeout(r, 1500)); // longer than the backoff reached: a try would have come
  assert.equal(requests, tries, 'the page kept trying after it gave up');
});
