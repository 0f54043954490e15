// NetDuplex for the browser: a dependency-free client of WCF's polling duplex protocol (text SOAP 1.1).
// Every call carries the netdx:Duplex header; a WS-MakeConnection poll loop receives callbacks.
//
//   const client = new NetDuplexClient('/StockService', {
//     onMessage: (body) => ...,          // body: the callback's body element (a DOM Element)
//     onState: (state, detail) => ...,   // 'connecting' | 'open' | 'backing-off' | 'faulted' | 'closed'
//   });
//   await client.call('Silverlight/IStockService/Register', '');   // starts polling
//   client.close();                    // ends the session on the server (netdx:CloseSession)
(function (global) {
  'use strict';

  const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
  const NETDX = 'http://schemas.microsoft.com/2008/04/netduplex';
  const WSMC = 'http://docs.oasis-open.org/ws-rx/wsmc/200702';
  const WCF_ANONYMOUS = WSMC + '/anoynmous?id='; // WCF's spelling, as on the wire
  const SESSION_FAULTS = ['SessionEnded', 'UnknownAddress', 'AddressMismatch'];

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
      this.pollTimeoutMs = o.pollTimeoutMs || 5 * 60 * 1000; // WCF's ClientPollTimeout
      this.backoffInitialMs = o.backoffInitialMs || 500;
      this.backoffMaxMs = o.backoffMaxMs || 30000;
      this.state = 'new';
      this.backoffMs = 0;
      this.polling = false;
      this.abort = null;
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
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'Content-Type': 'text/xml; charset=utf-8', 'SOAPAction': '"' + action + '"' },
        body: envelope(this.duplexHeader(), bodyXml),
      });
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
          }
          this.backoffMs = 0;
          this.setState('open');
        } catch (e) {
          if (!this.polling) break;
          if (e instanceof SoapFault && SESSION_FAULTS.indexOf(e.code) >= 0) {
            this.polling = false;
            this.setState('faulted', e.code + ': ' + e.message);
            break;
          }
          await this.backOff(e);
        } finally {
          clearTimeout(timer);
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
        try {
          this.onMessage(message.body);
        } catch (e) {
          console.error('NetDuplex: onMessage failed', e);
        }
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
     */
    close() {
      if (this.state === 'closed') return Promise.resolve();
      const reachedServer = this.state !== 'new' && this.state !== 'faulted';
      this.polling = false;
      if (this.abort) this.abort.abort();
      this.setState('closed');
      if (!reachedServer) return Promise.resolve();
      const header = this.duplexHeader().replace('</netdx:Duplex>', '<netdx:CloseSession/></netdx:Duplex>');
      return fetch(this.url, {
        method: 'POST',
        keepalive: true, // outlives a page being closed
        headers: { 'Content-Type': 'text/xml; charset=utf-8', 'SOAPAction': '""' },
        body: envelope(header, ''),
      }).then(() => undefined, () => undefined);
    }
  }

  NetDuplexClient.xmlText = xmlText;
  NetDuplexClient.SoapFault = SoapFault;
  global.NetDuplexClient = NetDuplexClient;
})(window);
