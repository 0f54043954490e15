// The chat page: join under a display name, talk to everyone or to one member, see who comes and goes.
(function () {
  'use strict';
  const NS = 'urn:netduplex:samples:chat';
  const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
  const ACTION = 'urn:netduplex:samples:chat/IChatService/';
  const MAX_TEXT = 500;
  const $ = (id) => document.getElementById(id);
  const x = NetDuplexClient.xmlText;
  const shown = NetDuplexClient.displayText; // what others wrote, without controls that reorder the line
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

  /** The chat's own state, in words: the connection's state matters only once this page is in the room. */
  function say(state, words) {
    $('state').textContent = words;
    $('state').className = state;
  }

  function showMembers() {
    $('members').textContent = Array.from(members, shown).sort().join(', ');
    const to = $('to');
    const chosen = to.value;
    to.replaceChildren(new Option('everyone', ''));
    for (const name of Array.from(members).sort()) {
      if (name !== me) to.appendChild(new Option(shown(name), name));
    }
    to.value = members.has(chosen) ? chosen : '';
  }

  /** A <bdi> of someone's text: a right-to-left name cannot reorder the rest of the line. */
  function isolated(s) {
    const bdi = document.createElement('bdi');
    bdi.textContent = shown(s) || ''; // textContent: text is never markup
    return bdi;
  }

  function addEvent(kind, from, toName, body, time) {
    const li = document.createElement('li');
    li.className = 'event ' + kind.toLowerCase();
    li.dataset.kind = kind;
    const when = time ? new Date(time).toLocaleTimeString() : '';
    if (when) li.append('[' + when + '] ');
    if (kind === 'Message') li.append(isolated(from), ': ', isolated(body));
    else if (kind === 'Direct') li.append(isolated(from), ' → ', isolated(toName), ' (private): ', isolated(body));
    else li.append(isolated(body));
    $('events').appendChild(li);
  }

  function onEvent(e) {
    if (e.localName !== 'ChatEvent' || e.namespaceURI !== NS) return;
    const kind = text(e, 'Kind');
    const from = text(e, 'From');
    if (kind === 'Joined') members.add(from);
    if (kind === 'Left' || kind === 'Dropped') members.delete(from);
    if (kind === 'Error') $('say-error').textContent = shown(text(e, 'Text'));
    showMembers();
    addEvent(kind, from, text(e, 'To'), text(e, 'Text'), text(e, 'Time'));
  }

  /** Join under name on client's session: the JoinResult's members, or the server's reason for refusing. */
  async function join(client, name) {
    // A fresh room: "joined" events that reach the page before the call's reply are kept, not wiped.
    members.clear();
    const result = await client.call(ACTION + 'Join', '<Join xmlns="' + NS + '"><Name>' + x(name) + '</Name></Join>');
    const list = field(result, 'Members');
    const names = [];
    for (let n = list && list.firstElementChild; n; n = n.nextElementSibling) names.push(n.textContent);
    return text(result, 'Accepted') === 'true' ? { members: names } : { refused: text(result, 'Reason') || 'Refused.' };
  }

  function enterRoom(name, others) {
    me = name;
    others.forEach((n) => members.add(n));
    members.add(me);
    $('me').textContent = shown(me);
    $('join-form').hidden = true;
    $('room').hidden = false;
    showMembers();
    say('joined', 'joined');
  }

  /** A refused name: the page says so and lets the user pick another. */
  function refused(reason) {
    $('join-error').textContent = shown(reason);
    $('join-form').hidden = false;
    $('room').hidden = true;
    say('refused', 'name refused: choose another');
    $('name').disabled = false;
    $('name').select();
    $('name').focus();
  }

  // The chat server publishes ChatService in SOAP 1.2 + WS-Addressing too (<address>-soap12): there Join's
  // reply comes on a poll, correlated by wsa:RelatesTo, after the callbacks the call sent, as in Silverlight 3+.
  const connection = new NetDuplexConnection('/ChatService-soap12', {
    soapVersion: '1.2',
    // On a new session (the server restarted): join again under the same name.
    start: async (client) => {
      if (!me) return;
      const name = me;
      const answer = await join(client, name);
      if (answer.refused) {
        me = null;
        refused('While the page reconnected, ' + name + ' was taken: ' + answer.refused);
      } else {
        enterRoom(name, answer.members);
      }
    },
    onMessage: onEvent,
    onStatus: (status, words) => {
      document.body.dataset.state = status;
      if (!me) return; // not in the room: the join form says what matters
      if (status === 'open') say('joined', 'joined');
      else if (status === 'reconnecting' || status === 'failed') say(status, words);
    },
    onNotice: (words) => {
      $('notice').textContent = words + (me ? ' You rejoined as ' + me + '.' : '');
      $('notice').hidden = false;
    },
  });

  $('join-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('join-error').textContent = '';
    const name = $('name').value.trim();
    if (!name) { $('join-error').textContent = 'Choose a display name.'; return; }
    say('joining', 'joining…');
    try {
      const answer = await join(connection, name);
      if (answer.refused) refused(answer.refused);
      else {
        enterRoom(name, answer.members);
        $('text').focus();
      }
    } catch (e) {
      say('', 'not joined');
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
    const body = '<Say xmlns="' + NS + '" xmlns:i="' + XSI + '"><Text>' + x(message) + '</Text>' +
      (to ? '<To>' + x(to) + '</To>' : '<To i:nil="true"/>') + '</Say>';
    try {
      await connection.send(ACTION + 'Say', body);
      $('text').value = '';
    } catch (e) {
      $('say-error').textContent = 'Not sent: ' + e.message;
    }
  });

  // One request that leaves the room and ends the session (Leave rides on netdx:CloseSession), so it
  // survives a closing tab: the others see this member leave at once, not after the inactivity timeout.
  function leave() {
    const wasMember = me !== null;
    me = null;
    return connection.close(wasMember ? { action: ACTION + 'Leave', bodyXml: '<Leave xmlns="' + NS + '"/>' } : undefined);
  }
  $('leave').addEventListener('click', async () => {
    await leave();
    $('room').hidden = true;
    say('left', 'left');
  });
  window.addEventListener('pagehide', () => leave());
})();
