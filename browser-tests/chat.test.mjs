// The chat sample in browser pages: join, broadcast, direct messages, refusals, idle drop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sampleSuite, failedLoads, iconLoaded, assertPlainWords } from './harness.mjs';

// Short timeouts so that an idle member is dropped within seconds; open pages poll every second.
const suite = sampleSuite('chat-server', ['--poll-timeout', '1s', '--inactivity-timeout', '4s']);

/** Serves chat.js with its length limit raised, as a client that skips the page's own check. */
async function withoutPageLimit(context) {
  await context.route('**/chat.js', async (route) => {
    const response = await route.fetch();
    const script = await response.text();
    assert.ok(script.includes('const MAX_TEXT = 500;'), 'chat.js has no MAX_TEXT to raise');
    await route.fulfill({ response, body: script.replace('const MAX_TEXT = 500;', 'const MAX_TEXT = 1e6;') });
  });
}

async function openChat(setUp) {
  const context = await suite.newContext();
  if (setUp) await setUp(context);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(suite.server.base + '/');
  return page;
}

async function join(page, name) {
  await page.fill('#name', name);
  await page.click('#join-form button[type=submit]');
  await page.waitForFunction(() => !document.getElementById('room').hidden, null, { timeout: 10000 });
}

const events = (page) => page.locator('#events li').allTextContents();

/** The session id the page's calls carry, once it made one. */
function sessionIdOf(page) {
  let sessionId = null;
  page.on('request', (r) => {
    const m = /<netdx:SessionId>([^<]+)<\/netdx:SessionId>/.exec(r.postData() || '');
    if (m) sessionId = m[1];
  });
  return () => sessionId;
}

/** Whether the status page lists the session (by the prefix it shows). */
const listed = async (sessionId) => (await (await fetch(suite.server.base + '/status.json')).json()).sessions
  .some((s) => s.id === sessionId.slice(0, 8) + '…');

async function waitForEvent(page, fragment) {
  await page.waitForFunction((f) => Array.from(document.querySelectorAll('#events li')).some((li) => li.textContent.includes(f)),
    fragment, { timeout: 10000 });
}

test('a message from one page reaches the other', async () => {
  const alice = await openChat();
  const bob = await openChat();
  await join(alice, 'alice');
  await join(bob, 'bob');
  await waitForEvent(alice, 'bob joined.');
  await alice.fill('#text', 'hello from alice');
  await alice.click('#say-form button[type=submit]');
  await waitForEvent(bob, 'alice: hello from alice');
  assert.deepEqual(alice.errors, []);
  assert.deepEqual(bob.errors, []);
});

test('a joining page shows the members already present, from the reply its Join call resolves with', async () => {
  const ann = await openChat();
  const ben = await openChat();
  await join(ann, 'ann');
  // SOAP 1.2: Join's POST carries a wsa:MessageID and is answered empty; the reply comes on a poll.
  const joinPosts = [];
  const polledReplies = [];
  ben.on('response', (r) => { // pushed at once, read below: the page may resolve Join before node reads a body
    const sent = r.request().postData() || '';
    if (/action="[^"]*\/IChatService\/Join"/.test(r.request().headers()['content-type'] || '')) {
      joinPosts.push(r.text().then((answer) => ({ messageId: /<a:MessageID>([^<]+)</.exec(sent)?.[1], status: r.status(), answer })));
    } else if (sent.includes('MakeConnection')) {
      polledReplies.push(r.text());
    }
  });
  await join(ben, 'ben');
  const [post] = await Promise.all(joinPosts);
  const replies = (await Promise.all(polledReplies)).filter((answer) => answer.includes('RelatesTo'));
  // ann joined before ben's session existed: no callback told ben of her, only Join's JoinResult did.
  assert.equal(await ben.locator('#members').textContent(), 'ann, ben');
  assert.equal(joinPosts.length, 1);
  assert.deepEqual([post.status, post.answer], [200, '']);
  assert.equal(replies.length, 1);
  assert.ok(replies[0].includes('<a:RelatesTo>' + post.messageId + '</a:RelatesTo>'), replies[0]);
  assert.match(replies[0], /<(\w+:)?Members>\s*<(\w+:)?string>ann<\/(\w+:)?string>/);
  assert.deepEqual(ben.errors, []);
});

test('a direct message is seen by its two members only', async () => {
  const ann = await openChat();
  const ben = await openChat();
  const cat = await openChat();
  await join(ann, 'ann');
  await join(ben, 'ben');
  await join(cat, 'cat');
  await waitForEvent(ann, 'cat joined.');
  await ann.selectOption('#to', 'ben');
  await ann.fill('#text', 'just for ben');
  await ann.click('#say-form button[type=submit]');
  await waitForEvent(ben, 'ann → ben (private): just for ben');
  await waitForEvent(ann, 'ann → ben (private): just for ben');
  await cat.fill('#text', 'marker');
  await cat.click('#say-form button[type=submit]');
  await waitForEvent(cat, 'cat: marker'); // cat's own broadcast came back, after ann's message
  assert.ok(!(await events(cat)).some((e) => e.includes('just for ben')));
});

test('a taken or empty name is refused with a clear message', async () => {
  const first = await openChat();
  await join(first, 'dana');
  const second = await openChat();
  await second.fill('#name', 'DANA');
  await second.click('#join-form button[type=submit]');
  await second.waitForFunction(() => document.getElementById('join-error').textContent !== '', null, { timeout: 10000 });
  assert.equal(await second.locator('#join-error').textContent(), 'The name DANA is taken; choose another.');
  await second.waitForFunction(() => document.body.dataset.state === 'open', null, { timeout: 10000 }); // polling, not in the room
  assert.equal(await second.locator('#state').textContent(), 'name refused: choose another');
  assert.equal(await second.evaluate(() => document.activeElement.id), 'name', 'the name field is ready for another');
  await second.fill('#name', '   ');
  await second.click('#join-form button[type=submit]');
  assert.equal(await second.locator('#join-error').textContent(), 'Choose a display name.');
  await second.fill('#name', '<b>x</b>');
  await second.click('#join-form button[type=submit]');
  await second.waitForFunction(() => document.getElementById('join-error').textContent.includes('letters, digits'), null, { timeout: 10000 });
  await join(second, 'dana2'); // another name, on the same page
  assert.equal(await second.locator('#state').textContent(), 'joined');
  await waitForEvent(first, 'dana2 joined.');
});

test('markup in a message is shown as text and never runs', async () => {
  const eve = await openChat();
  const fay = await openChat();
  await join(eve, 'eve');
  await join(fay, 'fay');
  const evil = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
  await eve.fill('#text', evil);
  await eve.click('#say-form button[type=submit]');
  await waitForEvent(fay, 'eve: ' + evil);
  assert.equal(await fay.evaluate(() => window.pwned), undefined);
  assert.equal(await fay.locator('#events img').count(), 0);
});

test('a huge message gets a clear error and the server stays up', async () => {
  const gus = await openChat();
  await join(gus, 'gus');
  // past the page's own check: the server refuses too
  await gus.evaluate(() => { document.getElementById('text').removeAttribute('maxlength'); });
  await gus.fill('#text', 'y'.repeat(600));
  await gus.click('#say-form button[type=submit]');
  assert.equal(await gus.locator('#say-error').textContent(), 'At most 500 characters.');
  const status = await gus.evaluate(async () => (await fetch('/ChatService', { method: 'POST',
    headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '"urn:netduplex:samples:chat/IChatService/Say"' },
    body: 'z'.repeat(100000) })).status);
  assert.equal(status, 500);
  const hal = await openChat();
  await join(hal, 'hal');
  await waitForEvent(gus, 'hal joined.');
});

test('past the page\'s own check, the server refuses a huge message and the page says why', async () => {
  const ivy = await openChat(withoutPageLimit);
  const jay = await openChat();
  await join(ivy, 'ivy');
  await join(jay, 'jay');
  await waitForEvent(ivy, 'jay joined.');
  await ivy.evaluate(() => { document.getElementById('text').removeAttribute('maxlength'); });
  await ivy.fill('#text', '<script>window.pwned=1</script>'.repeat(40)); // 1240 characters
  await ivy.click('#say-form button[type=submit]');
  await ivy.waitForFunction(() => document.getElementById('say-error').textContent !== '', null, { timeout: 10000 });
  assert.equal(await ivy.locator('#say-error').textContent(), 'A message has at most 500 characters (this one has 1240).');
  await ivy.fill('#text', 'short again');
  await ivy.click('#say-form button[type=submit]');
  await waitForEvent(jay, 'ivy: short again'); // still serving, and the refused message never reached jay
  assert.ok(!(await events(jay)).some((e) => e.includes('script')));
  assert.equal(await jay.evaluate(() => window.pwned), undefined);
  assert.deepEqual(jay.errors, []);
});

test('an idle member is dropped and the others are told', async () => {
  const ida = await openChat();
  await join(ida, 'ida');
  // A client that joins and then never polls again, as a closed laptop would.
  const address = 'http://docs.oasis-open.org/ws-rx/wsmc/200702/anoynmous?id=' + randomUUID();
  const envelope = '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>' +
    '<netdx:Duplex xmlns:netdx="http://schemas.microsoft.com/2008/04/netduplex"><netdx:Address>' + address +
    '</netdx:Address><netdx:SessionId>' + randomUUID() + '</netdx:SessionId></netdx:Duplex></s:Header><s:Body>' +
    '<Join xmlns="urn:netduplex:samples:chat"><Name>ghost</Name></Join></s:Body></s:Envelope>';
  const r = await fetch(suite.server.base + '/ChatService', { method: 'POST', body: envelope,
    headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '"urn:netduplex:samples:chat/IChatService/Join"' } });
  assert.match(await r.text(), /<Accepted>true<\/Accepted>/);
  await waitForEvent(ida, 'ghost joined.');
  await waitForEvent(ida, 'ghost was dropped after being idle too long.');
  assert.ok(await ida.evaluate(() => document.body.dataset.state === 'open'), 'the polling page itself stays');
});

test('leaving tells the others, and the page ends its session at once, without a fault', async () => {
  const kim = await openChat();
  const lou = await openChat();
  const louSession = sessionIdOf(lou);
  await join(kim, 'kim');
  await join(lou, 'lou');
  await waitForEvent(kim, 'lou joined.');
  await lou.waitForFunction(() => document.body.dataset.state === 'open', null, { timeout: 10000 });
  await lou.evaluate(() => {
    window.states = [];
    new MutationObserver(() => window.states.push(document.body.dataset.state))
      .observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
  });
  assert.ok(await listed(louSession()), 'lou\'s session is not on the status page');

  await lou.click('#leave');

  await waitForEvent(kim, 'lou left.');
  await lou.waitForFunction(() => document.getElementById('state').textContent === 'left', null, { timeout: 10000 });
  const deadline = Date.now() + 2000; // well before the 4 s inactivity timeout
  while (await listed(louSession())) {
    assert.ok(Date.now() < deadline, 'the session of a page that left lingers until its inactivity timeout');
    await new Promise((r) => setTimeout(r, 100));
  }
  const states = await lou.evaluate(() => window.states);
  assert.ok(!states.includes('faulted') && states.at(-1) === 'closed', states.join(' '));
  assert.deepEqual(lou.errors, []);
});

test('closing a tab takes its member out of the room and ends its session at once', async () => {
  const mia = await openChat();
  const ned = await openChat();
  const nedSession = sessionIdOf(ned);
  await join(mia, 'mia');
  await join(ned, 'ned');
  await waitForEvent(mia, 'ned joined.');
  await ned.waitForFunction(() => document.body.dataset.state === 'open', null, { timeout: 10000 });
  assert.ok(await listed(nedSession()), 'ned\'s session is not on the status page');

  const closed = Date.now();
  await ned.close(); // pagehide
  await waitForEvent(mia, 'ned left.');
  while (await listed(nedSession())) {
    assert.ok(Date.now() - closed < 2000, 'the session of a closed tab lingers until its inactivity timeout (4 s)');
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(Date.now() - closed < 2000, `ned left only after ${Date.now() - closed} ms (the inactivity timeout is 4 s)`);
  assert.equal(await mia.locator('#members').textContent(), 'mia');
  assert.ok(!(await events(mia)).some((e) => e.includes('dropped')));
});

test('bidi overrides and control characters from others are not shown', async () => {
  const oli = await openChat();
  const pam = await openChat();
  await join(oli, 'oli');
  await join(pam, 'pam');
  await waitForEvent(oli, 'pam joined.');
  // U+202E would show the rest of the line right to left ("gpj.exe" as "exe.jpg"); U+009B (a C1
  // control) starts a terminal control sequence. C0 controls but tab and line breaks cannot travel in XML 1.0.
  await oli.fill('#text', 'see photo_\u202Egpj.exe and \u009B2J \u2066isolated\u2069');
  await oli.click('#say-form button[type=submit]');
  await waitForEvent(pam, 'oli: see photo_gpj.exe and 2J isolated');
  for (const text of await events(pam)) assert.doesNotMatch(text, /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
  assert.equal(await pam.locator('#events li:last-child bdi').count(), 2, 'the name and the text are isolated');
});

test('no load of the page fails, its icon included', async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  const failed = failedLoads(page);
  const icon = iconLoaded(page);
  await page.goto(suite.server.base + '/');
  await icon;
  await join(page, 'quinn');
  assert.deepEqual(failed, []);
});

test('after a server restart the pages rejoin under their names and talk again', async () => {
  const rex = await openChat();
  const sue = await openChat();
  await join(rex, 'rex');
  await join(sue, 'sue');
  await waitForEvent(rex, 'sue joined.');
  await rex.waitForFunction(() => document.body.dataset.state === 'open', null, { timeout: 10000 });

  await suite.server.stop('SIGKILL');
  for (const page of [rex, sue]) {
    await page.waitForFunction(() => document.body.dataset.state === 'reconnecting', null, { timeout: 10000 });
    const words = await page.locator('#state').textContent();
    assert.match(words, /Reconnecting…$/);
    assertPlainWords(words);
  }
  await suite.restartServer();

  for (const [page, name] of [[rex, 'rex'], [sue, 'sue']]) {
    await page.waitForFunction(() => !document.getElementById('notice').hidden, null, { timeout: 20000 });
    assert.match(await page.locator('#notice').textContent(),
      new RegExp('^The server restarted\\. This page reconnected at .+ with a new session\\. You rejoined as ' + name + '\\.$'));
  }
  for (const page of [rex, sue]) {
    await page.waitForFunction(() => document.getElementById('members').textContent === 'rex, sue', null, { timeout: 10000 });
  }
  await rex.fill('#text', 'back again');
  await rex.click('#say-form button[type=submit]');
  await waitForEvent(sue, 'rex: back again');
  assert.equal(await sue.locator('#state').textContent(), 'joined');
  assert.deepEqual(rex.errors, []);
  assert.deepEqual(sue.errors, []);
});
