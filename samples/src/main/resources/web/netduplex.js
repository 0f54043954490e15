// NetDuplex for the browser: a dependency-free client of WCF's polling duplex protocol (text SOAP 1.1).
// Every call carries the netdx:Duplex header; a WS-MakeConnection poll loop receives callbacks.
//
//   const client = new NetDuplexClient('/StockService', {
//     onMessage: (body) => ...,          // body: the callback's body element (a DOM Element)
//     onState: (state, detail) => ...,   // 'connecting' | 'open' | 'backing-off' | 'faulted' | 'closed'
//     onCaughtUp: () => ...,             // a poll stayed parked: nothing more was waiting on the server
//   });
//   await client.call('Silverlight/IStockService/Register', '');   // starts polling
//   client.close();                    // ends the session on the server (netdx:CloseSession)
//
// A page holds a NetDuplexConnection instead: it replaces a client whose session the server lost (a
// restart) with a new one and runs `start` (register, join) again; see below.
(function (global) {
  'use strict';

  const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
  const NETDX = 'http://schemas.microsoft.com/2008/04/netduplex';
  const WSMC = 'http://docs.oasis-open.org/ws-rx/wsmc/200702';
  const WCF_ANONYMOUS = WSMC + '/anoynmous?id='; // WCF's spelling, as on the wire
  const SESSION_FAULTS = ['SessionEnded', 'UnknownAddress', 'AddressMismatch'];
  // Retry delays of polls and reconnects (doubling, with jitter), as the Java client's order of magnitude.
  const BACKOFF_INITIAL_MS = 500;
  const BACKOFF_MAX_MS = 10000;
  // A poll unanswered this long is parked: the server had nothing more waiting for this page.
  const CAUGHT_UP_MS = 150;
  // How long a page keeps trying to reach a server that is down before it gives up and says so.
  const GIVE_UP_AFTER_MS = 2 * 60 * 1000;

  function uuid() {
    if (global.crypto && global.crypto.randomUUID) {
      return global.crypto.randomUUID();
    }
    const b = new Uint8Array(16);
    global.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  /** Escapes text for XML element content. */
  function xmlText(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  function envelope(header, body) {
    return '<s:Envelope xmlns:s="' + SOAP + '">' + (header ? '<s:Header>' + header + '</s:Header>' : '') +
      '<s:Body>' + body + '</s:Body></s:Envelope>';
  }

  function firstChildElement(parent, ns, local) {
    if (!parent) return null;
    for (let n = parent.firstElementChild; n; n = n.nextElementSibling) {
      if ((ns === null || n.namespaceURI === ns) && (local === null || n.localName === local)) return n;
    }
    return null;
  }

  /** A SOAP fault answered by the server; code is the faultcode's local part. */
  class SoapFault extends Error {
    constructor(code, reason) {
      super(reason || code);
      this.code = code;
    }
  }

  function parseEnvelope(text) {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const root = doc.documentElement;
    if (!root || root.namespaceURI !== SOAP || root.localName !== 'Envelope') {
      throw new Error('not a SOAP envelope');
    }
    const header = firstChildElement(root, SOAP, 'Header');
    const body = firstChildElement(root, SOAP, 'Body');
    const fault = firstChildElement(body, SOAP, 'Fault');
    if (fault) {
      const code = (firstChildElement(fault, null, 'faultcode') || {}).textContent || '';
      const reason = (firstChildElement(fault, null, 'faultstring') || {}).textContent || '';
      throw new SoapFault(code.substring(code.indexOf(':') + 1), reason);
    }
    return { header: header, body: body ? body.firstElementChild : null };
  }

  class NetDuplexClient {
    constructor(url, options) {
      const o = options || {};
      this.url = url;
      this.address = WCF_ANONYMOUS + uuid();
      this.sessionId = uuid();
      this.onMessage = o.onMessage || function () {};
      this.onState = o.onState || function () {};
      this.onCaughtUp = o.onCaughtUp || function () {};
      this.pollTimeoutMs = o.pollTimeoutMs || 5 * 60 * 1000; // WCF's ClientPollTimeout
      this.backoffInitialMs = o.backoffInitialMs || BACKOFF_INITIAL_MS;
      this.backoffMaxMs = o.backoffMaxMs || BACKOFF_MAX_MS;
      this.caughtUpMs = o.caughtUpMs || CAUGHT_UP_MS;
      this.state = 'new';
      this.backoffMs = 0;
      this.polling = false;
      this.abort = null;
      this.behind = false; // messages came since the last onCaughtUp
      this.fault = null; // the SoapFault that ended the session, once faulted
    }

    duplexHeader() {
      return '<netdx:Duplex xmlns:netdx="' + NETDX + '"><netdx:Address>' + xmlText(this.address) +
        '</netdx:Address><netdx:SessionId>' + xmlText(this.sessionId) + '</netdx:SessionId></netdx:Duplex>';
    }

    /**
     * Sends a service call; bodyXml is the body element (already escaped). Resolves to the reply's body
     * element for a request-reply operation, null for a one-way one. Starts polling.
     */
    async call(action, bodyXml) {
      if (this.state === 'closed' || this.state === 'faulted') {
        throw new Error('client is ' + this.state);
      }
      let response;
      try {
        response = await fetch(this.url, {
          method: 'POST',
          headers: { 'Content-Type': 'text/xml; charset=utf-8', 'SOAPAction': '"' + action + '"' },
          body: envelope(this.duplexHeader(), bodyXml),
        });
      } catch (e) {
        throw new Error('the server cannot be reached'); // fetch says only "Failed to fetch"
      }
      const text = await response.text();
      const reply = text ? parseEnvelope(text) : null; // throws the SoapFault the server answered with
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      this.open();
      return reply ? reply.body : null;
    }

    /** Starts the poll loop (once). */
    open() {
      if (this.polling || this.state === 'closed' || this.state === 'faulted') return;
      this.polling = true;
      this.setState('connecting');
      this.pollLoop();
    }

    async pollLoop() {
      const poll = envelope('', '<wsmc:MakeConnection xmlns:wsmc="' + WSMC + '"><wsmc:Address>' +
        xmlText(this.address) + '</wsmc:Address></wsmc:MakeConnection>');
      while (this.polling) {
        const abort = new AbortController();
        this.abort = abort;
        const timer = setTimeout(() => abort.abort(), this.pollTimeoutMs);
        const parked = setTimeout(() => this.caughtUp(), this.caughtUpMs);
        try {
          const response = await fetch(this.url, {
            method: 'POST',
            headers: { 'Content-Type': 'text/xml; charset=utf-8',
              'SOAPAction': '"' + WSMC + '/MakeConnection"' },
            body: poll,
            signal: abort.signal,
          });
          const text = await response.text();
          if (!this.polling) break;
          if (text) {
            const message = parseEnvelope(text);
            if (!response.ok) throw new Error('HTTP ' + response.status);
            this.delivered(message);
          } else if (!response.ok) {
            throw new Error('HTTP ' + response.status);
          } else {
            this.caughtUp(); // an empty answer: the poll timeout passed with nothing to send
          }
          this.backoffMs = 0;
          this.setState('open');
        } catch (e) {
          if (!this.polling) break;
          if (e instanceof SoapFault && SESSION_FAULTS.indexOf(e.code) >= 0) {
            this.polling = false;
            this.fault = e;
            this.setState('faulted', e.code + ': ' + e.message);
            break;
          }
          await this.backOff(e);
        } finally {
          clearTimeout(timer);
          clearTimeout(parked);
        }
      }
    }

    delivered(message) {
      const sessionId = firstChildElement(firstChildElement(message.header, NETDX, 'Duplex'), NETDX, 'SessionId');
      if (!sessionId || sessionId.textContent.trim() !== this.sessionId) {
        console.warn('NetDuplex: dropped a message for another session');
        return;
      }
      if (message.body) {
        this.behind = true;
        try {
          this.onMessage(message.body);
        } catch (e) {
          console.error('NetDuplex: onMessage failed', e);
        }
      }
    }

    /** Tells onCaughtUp once after messages came, when a poll shows that nothing more is waiting. */
    caughtUp() {
      if (!this.behind || !this.polling) return;
      this.behind = false;
      try {
        this.onCaughtUp();
      } catch (e) {
        console.error('NetDuplex: onCaughtUp failed', e);
      }
    }

    backOff(error) {
      // Capped exponential backoff with full jitter: reconnecting clients do not arrive in step.
      this.backoffMs = Math.min(this.backoffMaxMs, this.backoffMs ? this.backoffMs * 2 : this.backoffInitialMs);
      const wait = Math.round(this.backoffMs / 2 + Math.random() * this.backoffMs / 2);
      this.setState('backing-off', String(error && error.message || error) + '; retry in ' + wait + ' ms');
      return new Promise((resolve) => setTimeout(resolve, wait));
    }

    setState(state, detail) {
      if (this.state === state && state !== 'backing-off') return;
      this.state = state;
      try {
        this.onState(state, detail);
      } catch (e) {
        console.error('NetDuplex: onState failed', e);
      }
    }

    /**
     * Stops polling, aborts the poll in flight and ends the session on the server with netdx:CloseSession
     * (as the Java client does), so that it does not linger until its inactivity timeout. Idempotent;
     * resolves once the server answered the close (or it failed: the inactivity timeout ends it then).
     * A last call can ride on the close ({action, bodyXml}, bodyXml an element): the server runs it,
     * then closes (docs/protocol.md section 4.1). One request, so it survives a closing page.
     */
    close(lastCall) {
      if (this.state === 'closed') return Promise.resolve();
      const reachedServer = this.state !== 'new' && this.state !== 'faulted';
      this.abandon();
      if (!reachedServer) return Promise.resolve();
      const header = this.duplexHeader().replace('</netdx:Duplex>', '<netdx:CloseSession/></netdx:Duplex>');
      // fetch, not navigator.sendBeacon: a beacon cannot set SOAPAction, which SOAP 1.1 dispatches on.
      return fetch(this.url, {
        method: 'POST',
        keepalive: true, // outlives a page being closed
        headers: { 'Content-Type': 'text/xml; charset=utf-8',
          'SOAPAction': '"' + (lastCall ? lastCall.action : '') + '"' },
        body: envelope(header, lastCall ? lastCall.bodyXml : ''),
      }).then(() => undefined, () => undefined);
    }

    /** Stops polling without telling the server (it cannot be reached): its inactivity timeout ends the session. */
    abandon() {
      this.polling = false;
      if (this.abort) this.abort.abort();
      this.setState('closed');
    }
  }

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const clock = () => new Date().toLocaleTimeString();

  /**
   * A page's link to a polling duplex service, across sessions. A NetDuplexClient whose session the
   * server lost stays faulted, like a WCF channel; a page then has to do what a Silverlight page did
   * by hand: build a new client (a new session) and register again. This does it: `start(client)`
   * runs on the first client (open()) and again on each new one, with backoff while the server is
   * down, for at most giveUpAfterMs without reaching it. What happened is told in plain words.
   *
   *   const connection = new NetDuplexConnection('/StockService', {
   *     start: (client) => client.call('Silverlight/IStockService/Register', ''),
   *     onMessage, onCaughtUp,             // passed to every client
   *     onStatus: (status, words) => ...,  // 'idle' | 'connecting' | 'open' | 'reconnecting' | 'failed' | 'closed'
   *     onNotice: (words) => ...,          // the connection came back, or the page has a new session
   *   });
   *   connection.open();
   */
  class NetDuplexConnection {
    constructor(url, options) {
      const o = options || {};
      this.url = url;
      this.start = o.start || (async () => {});
      this.onStatus = o.onStatus || function () {};
      this.onNotice = o.onNotice || function () {};
      this.clientOptions = { onMessage: o.onMessage, onCaughtUp: o.onCaughtUp };
      this.giveUpAfterMs = o.giveUpAfterMs || GIVE_UP_AFTER_MS;
      this.status = 'idle';
      this.lost = null; // while reconnecting: { since, why: 'unreachable' | 'restarted' | 'ended' }
      this.client = this.newClient();
    }

    newClient() {
      const client = new NetDuplexClient(this.url, Object.assign({}, this.clientOptions, {
        onState: (state) => { if (client === this.client) this.clientState(client, state); },
      }));
      return client;
    }

    /** Runs start on the first session. */
    async open() {
      this.setStatus('connecting', 'Connecting…');
      try {
        await this.start(this.client);
      } catch (e) {
        this.lost = { since: Date.now(), why: 'unreachable', first: true };
        this.reconnect();
      }
    }

    /** A call on the current session. */
    call(action, bodyXml) {
      if (this.status === 'reconnecting' || this.status === 'failed') {
        return Promise.reject(new Error(this.status === 'failed' ? 'the server cannot be reached'
          : 'reconnecting to the server; try again in a moment'));
      }
      return this.client.call(action, bodyXml);
    }

    /** Ends the session (see NetDuplexClient.close) and stops reconnecting. */
    close(lastCall) {
      this.setStatus('closed', 'Closed.');
      return this.client.close(lastCall);
    }

    clientState(client, state) {
      if (this.status === 'closed' || this.status === 'failed') return;
      if (state === 'open') {
        if (this.lost) this.notice();
        this.setStatus('open', 'Connected.');
      } else if (state === 'backing-off') {
        // Polls keep the session while the server is away; it may come back with the session intact.
        this.lost = this.lost || { since: Date.now(), why: 'unreachable' };
        if (Date.now() - this.lost.since > this.giveUpAfterMs) {
          this.fail();
        } else {
          this.setStatus('reconnecting', this.lostWords() + ' Reconnecting…');
        }
      } else if (state === 'faulted') {
        // The server no longer knows this session: it restarted (it was away, or never heard of the
        // address) or it ended the session itself.
        const restarted = this.lost !== null || (client.fault && client.fault.code === 'UnknownAddress');
        this.lost = { since: this.lost ? this.lost.since : Date.now(), why: restarted ? 'restarted' : 'ended' };
        this.reconnect();
      }
    }

    /** New sessions, with capped backoff and jitter, until start succeeds or it is time to give up. */
    async reconnect() {
      if (this.reconnecting) return; // the running loop sees the fault
      this.reconnecting = true;
      try {
        let backoff = 0;
        while (this.status !== 'closed' && this.status !== 'failed') {
          this.setStatus('reconnecting', this.lostWords() + ' Reconnecting…');
          if (backoff) await sleep(Math.round(backoff / 2 + Math.random() * backoff / 2));
          if (this.status === 'closed') return;
          if (Date.now() - this.lost.since > this.giveUpAfterMs) {
            this.fail();
            return;
          }
          backoff = Math.min(BACKOFF_MAX_MS, backoff ? backoff * 2 : BACKOFF_INITIAL_MS);
          const client = this.newClient();
          this.client = client;
          try {
            await this.start(client);
          } catch (e) {
            // Gone after it ended our session: it was stopped, so when it answers again it restarted.
            if (this.lost.why === 'ended') this.lost.why = 'restarted';
            client.abandon();
            continue;
          }
          if (client.state === 'faulted') continue; // lost again while start ran
          if (client.state === 'new') { // start made no call: the page waits for its user
            this.lost = null;
            this.setStatus('idle', '');
          }
          return; // the client's first answered poll tells the user (clientState 'open')
        }
      } finally {
        this.reconnecting = false;
      }
    }

    fail() {
      this.client.abandon();
      this.setStatus('failed', 'The server cannot be reached. Reload the page to try again.');
    }

    lostWords() {
      if (this.lost.first) return 'The server cannot be reached yet.';
      if (this.lost.why === 'restarted') return 'The server restarted.';
      if (this.lost.why === 'ended') return 'The server ended this page\'s session.';
      return 'The connection to the server was lost.';
    }

    notice() {
      if (this.lost.first) {
        this.lost = null;
        return;
      }
      const words = this.lost.why === 'unreachable'
        ? 'The connection to the server was lost and came back at ' + clock() + '.'
        : this.lostWords() + ' This page reconnected at ' + clock() + ' with a new session.';
      this.lost = null;
      try {
        this.onNotice(words);
      } catch (e) {
        console.error('NetDuplex: onNotice failed', e);
      }
    }

    setStatus(status, words) {
      if (this.status === status && status !== 'reconnecting') return;
      this.status = status;
      try {
        this.onStatus(status, words);
      } catch (e) {
        console.error('NetDuplex: onStatus failed', e);
      }
    }
  }

  /**
   * Text from other people, made safe to show: line breaks and tabs become a space, other control
   * characters and the bidi overrides and isolates (U+202A-U+202E, U+2066-U+2069, which would reorder
   * the rest of the line) are removed; as the Java consoles' ConsoleText does. null stays null.
   */
  function displayText(s) {
    if (s === null || s === undefined) return s;
    return String(s).replace(/[\t\n\r\u000B\u000C\u0085\u2028\u2029]+/g, ' ')
      .replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '');
  }

  NetDuplexClient.xmlText = xmlText;
  NetDuplexClient.displayText = displayText;
  NetDuplexClient.SoapFault = SoapFault;
  global.NetDuplexClient = NetDuplexClient;
  global.NetDuplexConnection = NetDuplexConnection;
})(window);
