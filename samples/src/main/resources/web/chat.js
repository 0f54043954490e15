// The chat page: join under a display name, talk to everyone or to one member, see who comes and goes.
(function () {
  'use strict';
  const NS = 'urn:netduplex:samples:chat';
  const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
  const ACTION = 'urn:netduplex:samples:chat/IChatService/';
  const MAX_TEXT = 500;
  const $ = (id) => document.getElementById(id);
  const members = new Set();
  let me = null;

  function field(el, name) {
    for (let n = el.firstElementChild; n; n = n.nextElementSibling) {
      if (n.localName === name && n.namespaceURI === NS) {
        return n.getAttributeNS(XSI, 'nil') === 'true' ? null : n;
      }
    }
    return null;
  }
  const text = (el, name) => { const f = field(el, name); return f ? f.textContent : null; };

  function showMembers() {
    $('members').textContent = Array.from(members).sort().join(', ');
    const to = $('to');
    const chosen = to.value;
    to.replaceChildren(new Option('everyone', ''));
    for (const name of Array.from(members).sort()) {
      if (name !== me) to.appendChild(new Option(name, name));
    }
    to.value = members.has(chosen) ? chosen : '';
  }

  function addEvent(kind, from, toName, body, time) {
    const li = document.createElement('li');
    li.className = 'event ' + kind.toLowerCase();
    li.dataset.kind = kind;
    const when = time ? new Date(time).toLocaleTimeString() : '';
    let line;
    if (kind === 'Message') line = from + ': ' + body;
    else if (kind === 'Direct') line = from + ' → ' + toName + ' (private): ' + body;
    else line = body;
    li.textContent = (when ? '[' + when + '] ' : '') + line; // textContent: text is never markup
    $('events').appendChild(li);
  }

  function onEvent(e) {
    if (e.localName !== 'ChatEvent' || e.namespaceURI !== NS) return;
    const kind = text(e, 'Kind');
    const from = text(e, 'From');
    if (kind === 'Joined') members.add(from);
    if (kind === 'Left' || kind === 'Dropped') members.delete(from);
    if (kind === 'Error') $('say-error').textContent = text(e, 'Text');
    showMembers();
    addEvent(kind, from, text(e, 'To'), text(e, 'Text'), text(e, 'Time'));
  }

  const client = new NetDuplexClient('/ChatService', {
    onMessage: onEvent,
    onState: (state, detail) => {
      $('state').textContent = state + (detail ? ' (' + detail + ')' : '');
      $('state').className = state;
      document.body.dataset.state = state;
    },
  });

  $('join-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('join-error').textContent = '';
    const name = $('name').value.trim();
    if (!name) { $('join-error').textContent = 'Choose a display name.'; return; }
    try {
      const result = await client.call(ACTION + 'Join',
        '<Join xmlns="' + NS + '"><Name>' + NetDuplexClient.xmlText(name) + '</Name></Join>');
      if (text(result, 'Accepted') !== 'true') {
        $('join-error').textContent = text(result, 'Reason') || 'Refused.';
        return;
      }
      me = name;
      const list = field(result, 'Members');
      for (let n = list && list.firstElementChild; n; n = n.nextElementSibling) members.add(n.textContent);
      members.add(me);
      $('me').textContent = me;
      $('join-form').hidden = true;
      $('room').hidden = false;
      showMembers();
      $('text').focus();
    } catch (e) {
      $('join-error').textContent = 'Cannot join: ' + e.message;
    }
  });

  $('say-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('say-error').textContent = '';
    const message = $('text').value.trim();
    if (!message) { $('say-error').textContent = 'Type a message first.'; return; }
    if (message.length > MAX_TEXT) { $('say-error').textContent = 'At most ' + MAX_TEXT + ' characters.'; return; }
    const to = $('to').value;
    const x = NetDuplexClient.xmlText;
    const body = '<Say xmlns="' + NS + '" xmlns:i="' + XSI + '"><Text>' + x(message) + '</Text>' +
      (to ? '<To>' + x(to) + '</To>' : '<To i:nil="true"/>') + '</Say>';
    try {
      await client.call(ACTION + 'Say', body);
      $('text').value = '';
    } catch (e) {
      $('say-error').textContent = 'Not sent: ' + e.message;
    }
  });

  // Leave makes this page no longer a member; close() then ends its session on the server.
  async function leave() {
    if (me) {
      try { await client.call(ACTION + 'Leave', ''); } catch { /* leaving anyway */ }
    }
    await client.close();
  }
  $('leave').addEventListener('click', async () => {
    await leave();
    $('room').hidden = true;
    $('state').textContent = 'left';
  });
  window.addEventListener('pagehide', () => { if (me) leave(); });
})();
