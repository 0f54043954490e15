// netduplex.js with streamed batch answers (docs/protocol.md section 19) against the real stock server in
// multiple mode, its answers held open 2 s after their first part: each message reaches onMessage as
// its part arrives, while the answer that carries it is still open, in order; a page that does not ask
// for batches gets single answers with their length, as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sampleSuite } from './harness.mjs';

const WINDOW_MS = 2000;
const suite = sampleSuite('stock-server', ['--tick', '0s', '--poll-timeout', '1s', '--duplex-mode', 'multiple',
  '--streamed-window', WINDOW_MS + 'ms']);
const NS = 'urn:petermcg.wordpress.com';

/** A Sync from a second session straight to the server: the server sends that Stock to every subscriber. */
async function sync(notes) {
  const duplex = '<netdx:Duplex xmlns:netdx="http://schemas.microsoft.com/2008/04/netduplex"><netdx:Address>' +
    'http://docs.oasis-open.org/ws-rx/wsmc/200702/anoynmous?id=' + randomUUID() + '</netdx:Address><netdx:SessionId>' +
    randomUUID() + '</netdx:SessionId></netdx:Duplex>';
  const r = await fetch(suite.server.base + '/StockService', {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml; charset=utf-8', 'SOAPAction': '"Silverlight/IStockService/Sync"' },
    body: '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>' + duplex + '</s:Header>' +
      '<s:Body><Stock xmlns="' + NS + '"><Ask>1</Ask><Bid>1</Bid><Notes>' + notes + '</Notes>' +
      '<Symbol>MSFT</Symbol></Stock></s:Body></s:Envelope>',
  });
  await r.arrayBuffer();
  assert.equal(r.status, 200);
}

/** A page with netduplex.js and a client (options) that records each message's notes and when it came. */
async function page(options) {
  const context = await suite.newContext();
  const p = await context.newPage();
  p.errors = [];
  p.answers = []; // each poll answer: its headers and when its body had fully arrived (this machine's clock)
  p.on('pageerror', (e) => p.errors.push(String(e)));
  p.on('requestfinished', async (r) => {
    if (!(r.postData() || '').includes('MakeConnection')) return;
    const finished = Date.now();
    const response = await r.response();
    p.answers.push({ finished, sent: r.postData(), headers: response ? await response.allHeaders() : {} });
  });
  await p.goto(suite.server.base + '/status');
  await p.addScriptTag({ url: suite.server.base + '/netduplex.js' });
  await p.evaluate(async (options) => {
    window.seen = [];
    window.client = new NetDuplexClient('/StockService', Object.assign({
      onMessage: (body) => window.seen.push({
        notes: body.getElementsByTagNameNS('urn:petermcg.wordpress.com', 'Notes')[0]?.textContent || '',
        at: Date.now(),
      }),
    }, options));
    await window.client.send('Silverlight/IStockService/Register', '');
    while (window.seen.length < 8) await new Promise((r) => setTimeout(r, 20)); // Register's eight quotes
  }, options);
  return p;
}

const seen = (p) => p.evaluate(() => window.seen);
const waitForSeen = (p, n) => p.waitForFunction((n) => window.seen.length >= n, n, { timeout: 10000 });

test('each message of a streamed answer reaches onMessage while the answer is still open, in order', async () => {
  const p = await page({ multipleMessagesPerPoll: true });
  // Let the answer that carried Register's quotes close, so the next one starts with our first message.
  while (!p.answers.some((a) => /^multipart\/mixed/.test(a.headers['content-type'] || ''))) {
    await p.waitForTimeout(50);
  }

  await sync('first');
  await waitForSeen(p, 9);
  await sync('second');
  await waitForSeen(p, 10);
  const messages = (await seen(p)).slice(8);
  // One poll is in flight at a time: the first answer to finish after the first message came carried it.
  const carrier = () => p.answers.find((a) => a.finished >= messages[0].at);
  while (!carrier()) await p.waitForTimeout(50);

  assert.deepEqual(messages.map((m) => m.notes), ['first', 'second']);
  const answer = carrier();
  assert.match(answer.headers['content-type'], /^multipart\/mixed; boundary="netduplex-/);
  assert.equal(answer.headers['transfer-encoding'], 'chunked');
  assert.equal(answer.headers['content-length'], undefined);
  assert.match(answer.sent, /<nda:StreamedAnswer xmlns:nda="urn:netduplex:delivery"\/>/);
  // Both came in that one answer, and the first reached the page long before it closed: the window
  // runs 2 s from the first part, so a page that waited for the whole body would have seen nothing yet.
  assert.ok(messages[1].at < answer.finished, JSON.stringify({ messages, answer: answer.finished }));
  assert.ok(answer.finished - messages[0].at >= WINDOW_MS / 2, JSON.stringify({ messages, answer: answer.finished }));
  await p.evaluate(() => window.client.close());
  assert.deepEqual(p.errors, []);
});

test('a page that does not ask for batches polls without the signal and gets single answers with their length', async () => {
  const p = await page({});
  await sync('single');
  await waitForSeen(p, 9);

  assert.equal((await seen(p))[8].notes, 'single');
  const withMessages = p.answers.filter((a) => a.headers['content-length'] && a.headers['content-length'] !== '0');
  assert.ok(withMessages.length > 0);
  assert.ok(withMessages.every((a) => /^text\/xml/.test(a.headers['content-type'])), JSON.stringify(withMessages));
  assert.ok(p.answers.every((a) => !a.sent.includes('StreamedAnswer')));
  await p.evaluate(() => window.client.close());
  assert.deepEqual(p.errors, []);
});
