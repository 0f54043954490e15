// netduplex.js's request-reply call() against the chat server's real endpoints: SOAP 1.2 + WS-Addressing
// (the reply on a poll, RelatesTo the call's MessageID) and SOAP 1.1 (the reply on the POST's answer).
// Each test drives its own NetDuplexClient in a page that loaded netduplex.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleSuite } from './harness.mjs';

const suite = sampleSuite('chat-server', ['--poll-timeout', '1s']);
const NS = 'urn:netduplex:samples:chat';
const ACTION = NS + '/IChatService/';

/** A page with netduplex.js loaded, and `setUp(context)` (routes) applied first. */
async function page(setUp) {
  const context = await suite.newContext();
  if (setUp) await setUp(context);
  const p = await context.newPage();
  p.errors = [];
  p.on('pageerror', (e) => p.errors.push(String(e)));
  await p.goto(suite.server.base + '/');
  return p;
}

/**
 * Routes the SOAP 1.2 endpoint's poll answers through `change(answer)` (the real server's answer text),
 * which returns the text to deliver and, optionally, how long to hold it first.
 */
function pollAnswers(change) {
  return (context) => context.route('**/ChatService-soap12', async (route) => {
    if (!(route.request().postData() || '').includes('MakeConnection')) return route.continue();
    try {
      const response = await route.fetch();
      const { body, holdMs } = change(await response.text());
      if (holdMs) await new Promise((r) => setTimeout(r, holdMs));
      await route.fulfill({ response, body });
    } catch (e) {
      // The test ended and closed the context while a poll was still parked here: nothing to deliver.
      if (!/disposed|closed/i.test(String(e))) throw e;
    }
  });
}

const joinBody = (name) => '<Join xmlns="' + NS + '"><Name>' + name + '</Name></Join>';

test('call resolves with the reply a poll brings, RelatesTo its MessageID, after its empty 200', async () => {
  const p = await page();
  const wire = [];
  const joinAnswers = [];
  p.on('request', (r) => wire.push(r.postData() || ''));
  p.on('response', (r) => {
    if ((r.request().postData() || '').includes('<Join ')) joinAnswers.push(r.text().then((text) => [r.status(), text]));
  });
  const result = await p.evaluate(async (body) => {
    const client = new NetDuplexClient('/ChatService-soap12', { soapVersion: '1.2' });
    const reply = await client.call('urn:netduplex:samples:chat/IChatService/Join', body);
    const field = (name) => reply.getElementsByTagNameNS('urn:netduplex:samples:chat', name)[0].textContent;
    const answer = { element: reply.localName, accepted: field('Accepted'), dropped: client.droppedReplies };
    await client.close();
    return answer;
  }, joinBody('callee'));
  assert.deepEqual(result, { element: 'JoinResult', accepted: 'true', dropped: 0 });
  assert.deepEqual(await Promise.all(joinAnswers), [[200, '']]);
  const join = wire.find((w) => w.includes('<Join '));
  assert.match(join, /<a:MessageID>urn:uuid:[0-9a-f-]{36}<\/a:MessageID>/);
  assert.match(join, /<a:ReplyTo><a:Address>http:\/\/www\.w3\.org\/2005\/08\/addressing\/anonymous<\/a:Address><\/a:ReplyTo>/);
  assert.match(join, /<a:Action s:mustUnderstand="1">urn:netduplex:samples:chat\/IChatService\/Join<\/a:Action>/);
  assert.deepEqual(p.errors, []);
});

test('callbacks and replies reach the page in the order the server queued them', async () => {
  const p = await page();
  const order = await p.evaluate(async ({ body, ns }) => {
    const log = [];
    const client = new NetDuplexClient('/ChatService-soap12', { soapVersion: '1.2',
      onMessage: (e) => log.push('callback ' + e.getElementsByTagNameNS(ns, 'Kind')[0].textContent) });
    const action = ns + '/IChatService/';
    // Join broadcasts Joined (to this session too) before it returns: the callback is queued first.
    const first = await client.call(action + 'Join', body);
    log.push('reply ' + first.getElementsByTagNameNS(ns, 'Accepted')[0].textContent);
    await client.send(action + 'Say', '<Say xmlns="' + ns + '"><Text>hello</Text></Say>');
    // Say's broadcast was queued before this second Join ran (calls run in the order sent).
    const again = await client.call(action + 'Join', body);
    log.push('reply ' + again.getElementsByTagNameNS(ns, 'Reason')[0].textContent);
    await client.close();
    return log;
  }, { body: joinBody('orderly'), ns: NS });
  assert.deepEqual(order, ['callback Joined', 'reply true', 'callback Message', 'reply You already joined as orderly.']);
  assert.deepEqual(p.errors, []);
});

test('a fault the server answers rejects the call with its code and reason, and the session goes on', async () => {
  const p = await page();
  const result = await p.evaluate(async ({ ns }) => {
    const client = new NetDuplexClient('/ChatService-soap12', { soapVersion: '1.2' });
    const action = ns + '/IChatService/Join';
    await client.send(ns + '/IChatService/Say', '<Say xmlns="' + ns + '"><Text>not joined yet</Text></Say>'); // opens
    let fault;
    try {
      await client.call(action, '<Join xmlns="' + ns + '"><Name><b>markup</b></Name></Join>'); // refused on its POST
    } catch (e) {
      fault = { name: e.name, code: e.code, soapCode: e.soapCode, reason: e.reason, isSoapFault: e instanceof NetDuplexClient.SoapFault };
    }
    const later = await client.call(action, '<Join xmlns="' + ns + '"><Name>faulty</Name></Join>');
    const accepted = later.getElementsByTagNameNS(ns, 'Accepted')[0].textContent;
    const state = client.state;
    await client.close();
    return { fault, accepted, state };
  }, { ns: NS });
  assert.deepEqual(result.fault, { name: 'SoapFault', code: 'Sender', soapCode: 'Sender', isSoapFault: true,
    reason: result.fault.reason });
  assert.match(result.fault.reason, /^Unmarshalling Error: unexpected element .*"b"/);
  assert.equal(result.accepted, 'true');
  assert.equal(result.state, 'open');
  assert.deepEqual(p.errors, []);
});

test('a fault reply on a poll rejects its call with its code and reason', async () => {
  // The server's real reply on the poll, its body replaced by the fault PolledReplyInterceptor queues for an
  // operation that throws (the chat's Join never does): s:Receiver and the exception's message.
  const fault = '<s:Body><soap:Fault xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Code>' +
    '<soap:Value>soap:Receiver</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">the room is closed' +
    '</soap:Text></soap:Reason></soap:Fault></s:Body>';
  const p = await page(pollAnswers((answer) => ({
    body: answer.includes('JoinResult') ? answer.replace(/<s:Body>.*<\/s:Body>/s, fault) : answer })));
  const result = await p.evaluate(async (body) => {
    const client = new NetDuplexClient('/ChatService-soap12', { soapVersion: '1.2' });
    try {
      await client.call('urn:netduplex:samples:chat/IChatService/Join', body);
      return 'resolved';
    } catch (e) {
      return { name: e.name, code: e.code, reason: e.reason, state: client.state };
    } finally {
      await client.close();
    }
  }, joinBody('faulted'));
  assert.deepEqual(result, { name: 'SoapFault', code: 'Receiver', reason: 'the room is closed', state: 'open' });
  assert.deepEqual(p.errors, []);
});

test('a reply later than replyTimeoutMs rejects its call; it is dropped and counted when it comes, and later calls work', async () => {
  let holding = true; // the first reply is held past the page's 300 ms timeout; later ones pass
  const p = await page(pollAnswers((answer) => {
    if (!answer.includes('JoinResult') || !holding) return { body: answer };
    holding = false;
    return { body: answer, holdMs: 1500 };
  }));
  const result = await p.evaluate(async (body) => {
    const client = new NetDuplexClient('/ChatService-soap12', { soapVersion: '1.2', replyTimeoutMs: 300 });
    const action = 'urn:netduplex:samples:chat/IChatService/Join';
    const started = Date.now();
    let timedOut;
    try {
      await client.call(action, body);
    } catch (e) {
      timedOut = { name: e.name, message: e.message, afterMs: Date.now() - started };
    }
    while (client.droppedReplies === 0 && Date.now() - started < 10000) await new Promise((r) => setTimeout(r, 50));
    const dropped = client.droppedReplies;
    const later = await client.call(action, body); // the same session: it joined with the late call
    const reason = later.getElementsByTagNameNS('urn:netduplex:samples:chat', 'Reason')[0].textContent;
    const state = client.state;
    await client.close();
    return { timedOut, dropped, reason, state, droppedAfter: client.droppedReplies };
  }, joinBody('tardy'));
  assert.equal(result.timedOut.name, 'ReplyTimeoutError');
  assert.equal(result.timedOut.message, 'No reply to urn:netduplex:samples:chat/IChatService/Join within 300 ms');
  assert.ok(result.timedOut.afterMs >= 300 && result.timedOut.afterMs < 1500, String(result.timedOut.afterMs));
  assert.deepEqual([result.dropped, result.reason, result.state, result.droppedAfter],
    [1, 'You already joined as tardy.', 'open', 1]);
  assert.deepEqual(p.errors, []);
});

test('closing the client fails a call still waiting for its reply at once', async () => {
  const p = await page(pollAnswers((answer) => ({ body: answer, holdMs: answer.includes('JoinResult') ? 3000 : 0 })));
  const result = await p.evaluate(async (body) => {
    const client = new NetDuplexClient('/ChatService-soap12', { soapVersion: '1.2' });
    const call = client.call('urn:netduplex:samples:chat/IChatService/Join', body);
    await new Promise((r) => setTimeout(r, 300)); // the POST was answered; the reply is held
    const closed = Date.now();
    client.close();
    try {
      await call;
      return 'resolved';
    } catch (e) {
      return { message: e.message, afterMs: Date.now() - closed };
    }
  }, joinBody('closer'));
  assert.equal(result.message, 'the client closed before the reply came');
  assert.ok(result.afterMs < 1000, String(result.afterMs));
});

test('SOAP 1.1: call resolves with the reply on the POST\'s own answer, and refuses a one-way operation clearly', async () => {
  const p = await page();
  const result = await p.evaluate(async ({ body, ns }) => {
    const client = new NetDuplexClient('/ChatService'); // SOAP 1.1, the default
    const reply = await client.call(ns + '/IChatService/Join', body);
    let refusal;
    try {
      await client.call(ns + '/IChatService/Say', '<Say xmlns="' + ns + '"><Text>hi</Text></Say>');
    } catch (e) {
      refusal = e.message;
    }
    await client.close();
    return { accepted: reply.getElementsByTagNameNS(ns, 'Accepted')[0].textContent, refusal };
  }, { body: joinBody('oldtimer'), ns: NS });
  assert.deepEqual(result, { accepted: 'true',
    refusal: 'urn:netduplex:samples:chat/IChatService/Say is one-way (the server sent no reply): use send()' });
  assert.deepEqual(p.errors, []);
});
