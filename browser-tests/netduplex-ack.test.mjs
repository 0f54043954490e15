// netduplex.js's acknowledged delivery on the wire (docs/protocol.md section 15) against the real stock
// server: what its polls and its close carry, and what it does with a numbered message it has already had.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleSuite } from './harness.mjs';

const suite = sampleSuite('stock-server', ['--tick', '0s', '--poll-timeout', '1s']);
const NDA = 'urn:netduplex:delivery';

/** A page with netduplex.js loaded, `setUp(context)` (routes) applied first, and every request body it sends. */
async function page(setUp) {
  const context = await suite.newContext();
  if (setUp) await setUp(context);
  const p = await context.newPage();
  p.errors = [];
  p.sent = [];
  p.on('pageerror', (e) => p.errors.push(String(e)));
  p.on('request', (r) => p.sent.push(r.postData() || ''));
  await p.goto(suite.server.base + '/status');
  await p.addScriptTag({ url: suite.server.base + '/netduplex.js' });
  return p;
}

/** Registers a client with options, waits for the eight quotes Register sends, closes it; returns what it saw. */
function registerAndClose(p, options) {
  return p.evaluate(async (options) => {
    let quotes = 0;
    const client = new NetDuplexClient('/StockService', Object.assign({ onMessage: () => quotes++ }, options));
    await client.send('Silverlight/IStockService/Register', '');
    while (quotes < 8) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300)); // a poll or two after the last quote
    await client.close();
    return { quotes, duplicatesDropped: client.duplicatesDropped };
  }, options);
}

const polls = (p) => p.sent.filter((b) => b.includes('MakeConnection'));

test('the first poll acks 0 without a stream; later ones ack the highest number of the server\'s stream; so does the close', async () => {
  const p = await page();
  const result = await registerAndClose(p, {});
  assert.deepEqual(result, { quotes: 8, duplicatesDropped: 0 });
  const acks = polls(p).map((b) => /<nda:Ack xmlns:nda="urn:netduplex:delivery"( stream="([^"]+)")?>(\d+)<\/nda:Ack>/.exec(b));
  assert.ok(acks.every((a) => a !== null), polls(p).join('\n'));
  assert.deepEqual([acks[0][1], acks[0][3]], [undefined, '0']);
  const last = acks[acks.length - 1];
  assert.equal(last[3], '8', 'Register\'s eight quotes, numbered 1 to 8');
  assert.ok(last[2].length >= 16, last[2]);
  const close = p.sent.find((b) => b.includes('CloseSession'));
  assert.match(close, new RegExp('</netdx:Duplex><nda:Ack xmlns:nda="' + NDA + '" stream="' + last[2] + '">8</nda:Ack>'));
  assert.deepEqual(p.errors, []);
});

test('acknowledge: false polls and closes without nda:Ack, as Silverlight', async () => {
  const p = await page();
  const result = await registerAndClose(p, { acknowledge: false });
  assert.equal(result.quotes, 8);
  assert.ok(polls(p).length > 0);
  assert.deepEqual(p.sent.filter((b) => b.includes(NDA)), []);
});

test('a numbered message that comes again (its ack lost) is dropped and counted; the one it displaced is resent', async () => {
  // The second numbered answer is replaced by the first one again, as if an ack had been lost. The page
  // drops the repeat and acks 1, so the server, which still holds message 2 in flight, sends it again.
  let firstAnswer = null;
  let replaced = false;
  const p = await page((context) => context.route('**/StockService', async (route) => {
    if (!(route.request().postData() || '').includes('MakeConnection')) return route.continue();
    const response = await route.fetch();
    let body = await response.text();
    if (body.includes('nda:Sequence')) {
      if (firstAnswer === null) firstAnswer = body;
      else if (!replaced) { replaced = true; body = firstAnswer; }
    }
    await route.fulfill({ response, body });
  }));
  const result = await p.evaluate(async () => {
    const symbols = [];
    const client = new NetDuplexClient('/StockService', {
      onMessage: (body) => symbols.push(body.getElementsByTagNameNS('urn:petermcg.wordpress.com', 'Symbol')[0].textContent),
    });
    await client.send('Silverlight/IStockService/Register', '');
    while (symbols.length < 8) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300)); // nothing more comes
    await client.close();
    return { symbols, duplicatesDropped: client.duplicatesDropped };
  });
  assert.ok(replaced, 'the route never replaced an answer');
  assert.equal(result.symbols.length, 8, result.symbols.join(' '));
  assert.equal(new Set(result.symbols).size, 8, result.symbols.join(' '));
  assert.equal(result.duplicatesDropped, 1);
  assert.deepEqual(p.errors, []);
});
