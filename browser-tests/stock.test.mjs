// The stock ticker sample in two browser pages: both see the same ticks and each other's notes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleSuite } from './harness.mjs';

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
