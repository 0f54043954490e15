// NetDuplex for the browser: a dependency-free client of WCF's polling duplex protocol, in text:
// SOAP 1.1 (Silverlight 2, as captured) or SOAP 1.2 + WS-Addressing 1.0 (Silverlight 3+'s profile).
// Every call carries the netdx:Duplex header; a WS-MakeConnection poll loop receives callbacks and,
// in SOAP 1.2, the replies of request-reply calls. Polls acknowledge what they received, so a NetDuplex
// server resends what a cut connection lost and the page drops what it already had (docs/protocol.md
// section 15); a WCF server ignores the header.
//
//   const client = new NetDuplexClient('/StockService', {
//     soapVersion: '1.1',                // or '1.2' for a SOAP 1.2 endpoint (the samples' <address>-soap12)
//     replyTimeoutMs: 60000,             // how long call() waits for its reply (WCF's SendTimeout)
//     acknowledge: true,                 // polls ack what came (nda:Ack): none lost, repeated or reordered
//     multipleMessagesPerPoll: false,    // ask for several messages per poll answer (a multipart batch,
//                                        // streamed: each message is handed on as its part arrives)
//     onMessage: (body) => ...,          // body: the callback's body element (a DOM Element)
//     onState: (state, detail) => ...,   // 'connecting' | 'open' | 'backing-off' | 'faulted' | 'closed'
//     onCaughtUp: () => ...,             // a poll stayed parked: nothing more was waiting on the server
//   });
//   await client.send('Silverlight/IStockService/Register', '');   // a one-way operation; starts polling
//   const reply = await client.call(action, bodyXml);              // a request-reply one: its reply's body element
//   client.close();                    // ends the session on the server (netdx:CloseSession)
//
// A page holds a NetDuplexConnection instead: it replaces a client whose session the server lost (a
// restart) with a new one and runs `start` (register, join) again; see below.
(function (global) {
  'use strict';

  const NETDX = 'http://schemas.microsoft.com/2008/04/netduplex';
  const WSMC = 'http://docs.oasis-open.org/ws-rx/wsmc/200702';
  const WSA = 'http://www.w3.org/2005/08/addressing';
  const NDA = 'urn:netduplex:delivery'; // acknowledged delivery, a NetDuplex extension
  const STREAMED_ANSWER = '<nda:StreamedAnswer xmlns:nda="' + NDA + '"/>'; // asks for a streamed batch
  const BATCH = 'multipart/mixed'; // NetDuplex's framing of several messages in one poll answer
  const MAKE_CONNECTION = WSMC + '/MakeConnection';
  const WCF_ANONYMOUS = WSMC + '/anoynmous?id='; // WCF's spelling, as on the wire
  const SESSION_FAULTS = ['SessionEnded', 'UnknownAddress', 'AddressMismatch'];
  // Retry delays of polls and reconnects (doubling, with jitter), as the Java client's order of magnitude.
  const BACKOFF_INITIAL_MS = 500;
  const BACKOFF_MAX_MS = 10000;
  // A poll unanswered this long is parked: the server had nothing more waiting for this page.
  const CAUGHT_UP_MS = 150;
  // How long a page keeps trying to reach a server that is down before it gives up and says so.
  const GIVE_UP_AFTER_MS = 2 * 60 * 1000;
  // How long a request-reply call waits for its reply: WCF's default SendTimeout, as the Java client.
  const REPLY_TIMEOUT_MS = 60 * 1000;

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

  /**
   * The two SOAP profiles: how each writes an envelope and its HTTP headers. SOAP 1.1 has no
   * addressing (the action is the SOAPAction header); SOAP 1.2 carries it as wsa:Action, with wsa:To
   * the endpoint, as WCF addresses a message (docs/protocol.md section 6), and in the Content-Type.
   */
  const SOAP11 = {
    ns: 'http://schemas.xmlsoap.org/soap/envelope/',
    addressing: false,
    envelope(action, to, header, body) {
      return '<s:Envelope xmlns:s="' + this.ns + '">' + (header ? '<s:Header>' + header + '</s:Header>' : '') +
        '<s:Body>' + body + '</s:Body></s:Envelope>';
    },
    httpHeaders(action) {
      return { 'Content-Type': 'text/xml; charset=utf-8', 'SOAPAction': '"' + action + '"' };
    },
  };
  const SOAP12 = {
    ns: 'http://www.w3.org/2003/05/soap-envelope',
    addressing: true,
    envelope(action, to, header, body) {
      return '<s:Envelope xmlns:s="' + this.ns + '" xmlns:a="' + WSA + '"><s:Header>' +
        (action ? '<a:Action s:mustUnderstand="1">' + xmlText(action) + '</a:Action>' : '') +
        '<a:To s:mustUnderstand="1">' + xmlText(to) + '</a:To>' + header + '</s:Header><s:Body>' + body +
        '</s:Body></s:Envelope>';
    },
    httpHeaders(action) {
      return { 'Content-Type': 'application/soap+xml; charset=utf-8' + (action ? '; action="' + action + '"' : '') };
    },
  };
  const PROFILES = { '1.1': SOAP11, '1.2': SOAP12 };

  function firstChildElement(parent, ns, local) {
    if (!parent) return null;
    for (let n = parent.firstElementChild; n; n = n.nextElementSibling) {
      if ((ns === null || n.namespaceURI === ns) && (local === null || n.localName === local)) return n;
    }
    return null;
  }

  const localPart = (qname) => qname.substring(qname.indexOf(':') + 1).trim();
  const textOf = (el) => (el ? el.textContent.trim() : '');

  /**
   * A SOAP fault answered by the server. code is the most specific fault code's local part (SOAP 1.1's
   * faultcode; SOAP 1.2's innermost Subcode, else its Code: 'SessionEnded', 'Sender'), soapCode SOAP 1.2's
   * Code ('Sender', 'Receiver'; SOAP 1.1's faultcode), reason the reason text (also the message).
   */
  class SoapFault extends Error {
    constructor(code, reason, soapCode) {
      super(reason || code);
      this.name = 'SoapFault';
      this.code = code;
      this.soapCode = soapCode || code;
      this.reason = reason;
    }
  }

  /** A request-reply call whose reply did not come within the reply timeout; the session goes on. */
  class ReplyTimeoutError extends Error {
    constructor(action, ms) {
      super('No reply to ' + action + ' within ' + ms + ' ms');
      this.name = 'ReplyTimeoutError';
      this.action = action;
    }
  }

  function readFault(fault, ns) {
    if (ns === SOAP11.ns) {
      const code = localPart(textOf(firstChildElement(fault, null, 'faultcode')));
      return new SoapFault(code, textOf(firstChildElement(fault, null, 'faultstring')));
    }
    const codeElement = firstChildElement(fault, ns, 'Code');
    const soapCode = localPart(textOf(firstChildElement(codeElement, ns, 'Value')));
    let code = soapCode;
    for (let sub = firstChildElement(codeElement, ns, 'Subcode'); sub; sub = firstChildElement(sub, ns, 'Subcode')) {
      code = localPart(textOf(firstChildElement(sub, ns, 'Value')));
    }
    const reason = textOf(firstChildElement(firstChildElement(fault, ns, 'Reason'), ns, 'Text'));
    return new SoapFault(code, reason, soapCode);
  }

  /**
   * Reads an answer, SOAP 1.1 or 1.2: its header, its body element or its fault (a SoapFault, not
   * thrown: a fault that relates to a call is that call's answer), and its wsa:RelatesTo (null if none).
   */
  function parseEnvelope(text) {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const root = doc.documentElement;
    const ns = root ? root.namespaceURI : null;
    if (!root || (ns !== SOAP11.ns && ns !== SOAP12.ns) || root.localName !== 'Envelope') {
      throw new Error('not a SOAP envelope');
    }
    const header = firstChildElement(root, ns, 'Header');
    const body = firstChildElement(root, ns, 'Body');
    const fault = firstChildElement(body, ns, 'Fault');
    const relatesTo = firstChildElement(header, WSA, 'RelatesTo');
    return {
      header: header,
      body: fault || !body ? null : body.firstElementChild,
      fault: fault ? readFault(fault, ns) : null,
      relatesTo: relatesTo ? relatesTo.textContent.trim() : null,
    };
  }

  /**
   * A message's nda:Sequence (message number of the server's stream), null if it has none (a server
   * that does not ack). One without a stream or a whole number from 1 is refused, as the Java client does.
   */
  function readSequence(header) {
    const el = firstChildElement(header, NDA, 'Sequence');
    if (!el) return null;
    const stream = el.getAttribute('stream');
    const text = el.textContent.trim();
    const number = /^[0-9]{1,16}$/.test(text) ? Number(text) : -1;
    if (!stream || !Number.isSafeInteger(number) || number < 1) {
      throw new Error('an nda:Sequence without a stream or a number from 1');
    }
    return { stream: stream, number: number };
  }

  /**
   * The page's half of acknowledged delivery (docs/protocol.md section 15, rule 10): the stream and
   * highest number handed on, which decide whether a numbered message is new and which the next poll
   * acknowledges. The server resends whatever is unacknowledged first and in order, so "above the
   * highest" is enough for no loss, no repeat and order kept.
   */
  class DeliveryTracker {
    constructor() {
      this.stream = null;
      this.highest = 0;
      this.duplicates = 0;
    }

    /** Whether message number of stream is to be handed on: a new stream (a new mailbox) or above the highest. */
    accept(sequence) {
      if (sequence.stream !== this.stream) {
        this.stream = sequence.stream;
        this.highest = sequence.number;
        return true;
      }
      if (sequence.number <= this.highest) {
        this.duplicates++;
        return false;
      }
      this.highest = sequence.number;
      return true;
    }

    /** The nda:Ack the next poll carries; the first one names no stream and 0. */
    ackHeader() {
      const stream = this.stream === null ? '' : ' stream="' + xmlText(this.stream).replace(/"/g, '&quot;') + '"';
      return '<nda:Ack xmlns:nda="' + NDA + '"' + stream + '>' + this.highest + '</nda:Ack>';
    }
  }

  /**
   * Splits a NetDuplex batch (multipart/mixed, RFC 2046, docs/protocol.md sections 3 and 19) into its
   * parts as its text arrives: a part is complete once the delimiter after it came, which a streamed
   * answer sends with the part, so each message can be handed on while the answer is still open.
   */
  class BatchParts {
    constructor(contentType) {
      const match = /boundary="?([^";]+)"?/i.exec(contentType);
      if (!match) throw new Error('a multipart poll answer without a boundary');
      this.delimiter = '\r\n--' + match[1];
      this.buffer = '\r\n'; // the first delimiter may start the body
      this.started = false;
      this.closed = false;
    }

    /** Takes the next text of the body; returns the parts it completed, in order. */
    feed(text) {
      this.buffer += text;
      const parts = [];
      while (!this.closed) {
        if (!this.started) {
          const at = this.buffer.indexOf(this.delimiter);
          if (at < 0) break;
          this.buffer = this.buffer.substring(at + this.delimiter.length);
          this.started = true;
        }
        if (this.buffer.length < 2) break;
        if (this.buffer.startsWith('--')) {
          this.closed = true; // the close delimiter: what follows is an epilogue
          break;
        }
        const headersEnd = this.buffer.indexOf('\r\n\r\n');
        const next = headersEnd < 0 ? -1 : this.buffer.indexOf(this.delimiter, headersEnd + 4);
        if (next < 0) break;
        parts.push(this.buffer.substring(headersEnd + 4, next));
        this.buffer = this.buffer.substring(next + this.delimiter.length);
      }
      return parts;
    }
  }

  function isBatch(contentType) {
    return !!contentType && contentType.trim().toLowerCase().indexOf(BATCH) === 0;
  }

  /**
   * The envelopes of a poll answer's whole text: itself, or the parts of a NetDuplex batch, in order.
   * Text envelopes only, so the body is read as text.
   */
  function envelopesOf(text, contentType) {
    if (!isBatch(contentType)) return [text];
    const batch = new BatchParts(contentType);
    const parts = batch.feed(text);
    if (!batch.closed) throw new Error('a malformed multipart poll answer');
    return parts;
  }

  /**
   * The request-reply calls waiting for their reply on a poll, by wsa:MessageID. Each waits at most
   * timeoutMs from when it was sent, then fails with ReplyTimeoutError; a reply nobody waits for (it
   * came late, or names no call) is dropped and counted.
   */
  class PendingReplies {
    constructor(timeoutMs) {
      this.timeoutMs = timeoutMs;
      this.waiting = new Map(); // messageId -> { resolve, reject, timer }
      this.dropped = 0;
    }

    /** A Promise of the reply to the call sent with messageId. */
    expect(messageId, action) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          this.waiting.delete(messageId);
          reject(new ReplyTimeoutError(action, this.timeoutMs));
        }, this.timeoutMs);
        this.waiting.set(messageId, { resolve, reject, timer });
      });
    }

    /** The call's request never reached the server: it fails with error, not with a timeout later. */
    fail(messageId, error) {
      const call = this.take(messageId);
      if (call) call.reject(error);
    }

    /** Completes the call message relates to (its body, or its fault); false if no call waits for it. */
    settle(message) {
      const call = this.take(message.relatesTo);
      if (!call) {
        this.dropped++;
        return false;
      }
      if (message.fault) call.reject(message.fault);
      else call.resolve(message.body);
      return true;
    }

    /** Fails every waiting call at once (the client closed or its session ended). */
    failAll(error) {
      for (const id of Array.from(this.waiting.keys())) this.take(id).reject(error);
    }

    take(messageId) {
      const call = this.waiting.get(messageId);
      if (!call) return null;
      this.waiting.delete(messageId);
      clearTimeout(call.timer);
      return call;
    }
  }

  class NetDuplexClient {
    constructor(url, options) {
      const o = options || {};
      this.url = url;
      this.soap = PROFILES[o.soapVersion || '1.1'];
      if (!this.soap) throw new Error('soapVersion is \'1.1\' or \'1.2\', not ' + o.soapVersion);
      this.endpoint = new URL(url, global.location.href).href; // wsa:To
      this.address = WCF_ANONYMOUS + uuid();
      this.sessionId = uuid();
      this.onMessage = o.onMessage || function () {};
      this.onState = o.onState || function () {};
      this.onCaughtUp = o.onCaughtUp || function () {};
      this.pollTimeoutMs = o.pollTimeoutMs || 5 * 60 * 1000; // WCF's ClientPollTimeout
      this.backoffInitialMs = o.backoffInitialMs || BACKOFF_INITIAL_MS;
      this.backoffMaxMs = o.backoffMaxMs || BACKOFF_MAX_MS;
      this.caughtUpMs = o.caughtUpMs || CAUGHT_UP_MS;
      this.replies = new PendingReplies(o.replyTimeoutMs || REPLY_TIMEOUT_MS);
      this.delivery = o.acknowledge === false ? null : new DeliveryTracker(); // null: polls as WCF's, byte for byte
      this.multipleMessagesPerPoll = o.multipleMessagesPerPoll === true;
      this.state = 'new';
      this.backoffMs = 0;
      this.polling = false;
      this.abort = null;
      this.behind = false; // messages came since the last onCaughtUp
      this.fault = null; // the SoapFault that ended the session, once faulted
    }

    /** Replies that came for no waiting call (after its timeout, or naming none): dropped, counted here. */
    get droppedReplies() {
      return this.replies.dropped;
    }

    /** Numbered messages the server sent again (their ack was lost) and this page dropped as already seen. */
    get duplicatesDropped() {
      return this.delivery ? this.delivery.duplicates : 0;
    }

    /** The nda:Ack of what came so far, or '' when acks are off. */
    ackHeader() {
      return this.delivery ? this.delivery.ackHeader() : '';
    }

    duplexHeader() {
      return '<netdx:Duplex xmlns:netdx="' + NETDX + '"><netdx:Address>' + xmlText(this.address) +
        '</netdx:Address><netdx:SessionId>' + xmlText(this.sessionId) + '</netdx:SessionId></netdx:Duplex>';
    }

    /**
     * Sends a one-way operation; bodyXml is the body element (already escaped). Resolves once the
     * server took it (its empty 200), rejects with the SoapFault it answered. Starts polling.
     */
    async send(action, bodyXml) {
      await this.post(action, '', bodyXml);
      this.open();
    }

    /**
     * Calls a request-reply operation; resolves with the reply's body element, rejects with its
     * SoapFault (code, reason) or, in SOAP 1.2, with ReplyTimeoutError after replyTimeoutMs. In SOAP
     * 1.2 the request carries a wsa:MessageID, its POST is answered with an empty 200 and the reply
     * comes on a poll with wsa:RelatesTo naming it (docs/protocol.md section 14). SOAP 1.1 has no
     * addressing: the reply is the POST's own answer, and an empty one means the operation is one-way.
     */
    async call(action, bodyXml) {
      if (!this.soap.addressing) {
        const answer = await this.post(action, '', bodyXml);
        this.open();
        if (!answer) throw new Error(action + ' is one-way (the server sent no reply): use send()');
        return answer.body;
      }
      const messageId = 'urn:uuid:' + uuid();
      const reply = this.replies.expect(messageId, action); // the timeout counts from the call, as WCF's SendTimeout
      reply.catch(() => {}); // handled by our caller: not an unhandled rejection if it fails before the POST ends
      let answer;
      try {
        answer = await this.post(action, '<a:MessageID>' + messageId + '</a:MessageID><a:ReplyTo><a:Address>' +
          WSA + '/anonymous</a:Address></a:ReplyTo>', bodyXml);
      } catch (e) {
        this.replies.fail(messageId, e);
        return reply;
      }
      if (answer) this.replies.settle(Object.assign(answer, { relatesTo: messageId })); // a server that answers in place
      this.open();
      return reply;
    }

    /** POSTs a message of this session; resolves with the parsed answer (null if empty), rejects with its fault. */
    async post(action, addressing, bodyXml) {
      if (this.state === 'closed' || this.state === 'faulted') {
        throw new Error('client is ' + this.state);
      }
      let response;
      try {
        response = await fetch(this.url, {
          method: 'POST',
          headers: this.soap.httpHeaders(action),
          body: this.soap.envelope(action, this.endpoint, addressing + this.duplexHeader(), bodyXml),
        });
      } catch (e) {
        throw new Error('the server cannot be reached'); // fetch says only "Failed to fetch"
      }
      const text = await response.text();
      const answer = text ? parseEnvelope(text) : null;
      if (answer && answer.fault) throw answer.fault;
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return answer;
    }

    /** Starts the poll loop (once). */
    open() {
      if (this.polling || this.state === 'closed' || this.state === 'faulted') return;
      this.polling = true;
      this.setState('connecting');
      this.pollLoop();
    }

    async pollLoop() {
      const makeConnection = '<wsmc:MakeConnection xmlns:wsmc="' + WSMC + '"><wsmc:Address>' +
        xmlText(this.address) + '</wsmc:Address></wsmc:MakeConnection>';
      const headers = this.soap.httpHeaders(MAKE_CONNECTION);
      if (this.multipleMessagesPerPoll) headers['Accept'] = BATCH + ', ' + headers['Content-Type'].split(';')[0];
      // With batches, a NetDuplex server may stream the answer (docs/protocol.md section 19); WCF ignores it.
      const streamed = this.multipleMessagesPerPoll ? STREAMED_ANSWER : '';
      while (this.polling) {
        const poll = this.soap.envelope(MAKE_CONNECTION, this.endpoint, this.ackHeader() + streamed, makeConnection);
        const abort = new AbortController();
        this.abort = abort;
        const timer = setTimeout(() => abort.abort(), this.pollTimeoutMs);
        const parked = setTimeout(() => this.caughtUp(), this.caughtUpMs);
        try {
          const response = await fetch(this.url, {
            method: 'POST',
            headers: headers,
            body: poll,
            signal: abort.signal,
          });
          const type = response.headers.get('Content-Type');
          if (response.ok && isBatch(type) && response.body) {
            // The server answered: open now, not when a streamed answer closes (it stays open a while).
            this.backoffMs = 0;
            this.setState('open');
            await this.readBatch(response, type); // each part handed on as it arrives
            if (!this.polling) break;
          } else {
            const text = await response.text();
            if (!this.polling) break;
            this.answeredText(text, response);
          }
          this.backoffMs = 0;
          this.setState('open');
        } catch (e) {
          if (!this.polling) break;
          if (e instanceof SoapFault && SESSION_FAULTS.indexOf(e.code) >= 0) {
            this.polling = false;
            this.fault = e;
            this.setState('faulted', e.code + ': ' + e.message);
            this.replies.failAll(e);
            break;
          }
          await this.backOff(e);
        } finally {
          clearTimeout(timer);
          clearTimeout(parked);
        }
      }
    }

    /** A poll answer read whole: messages, or empty (the poll timeout passed with nothing to send). */
    answeredText(text, response) {
      if (text) {
        this.answered(text, response);
      } else if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      } else {
        this.caughtUp();
      }
    }

    /**
     * A batch answer read as it arrives (streamed or buffered alike): each part goes to received the
     * moment it is complete. One cut before its close delimiter throws (the loop backs off); what came
     * before the cut was handed on, and acked by the next poll.
     */
    async readBatch(response, type) {
      const batch = new BatchParts(type);
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (!this.polling) {
          reader.cancel().catch(() => {});
          return;
        }
        for (const envelope of batch.feed(done ? decoder.decode() : decoder.decode(value, { stream: true }))) {
          this.part(envelope, response);
        }
        if (done) break;
      }
      if (!batch.closed) throw new Error('a batch poll answer ended before its close delimiter');
    }

    /** One envelope of a batch: a part that is no envelope costs that part only. */
    part(envelope, response) {
      let message;
      try {
        message = parseEnvelope(envelope);
      } catch (e) {
        console.warn('NetDuplex: dropped a poll answer part: ' + e.message);
        return;
      }
      this.received(message, response);
    }

    /**
     * What a poll brought, in the one place every poll answer passes: one envelope, or each part of a
     * batch in order. A fault of the poll itself is thrown (the loop backs off, or faults on a session
     * fault) and ends the batch; a part that is no envelope costs that part only.
     */
    answered(text, response) {
      const envelopes = envelopesOf(text, response.headers.get('Content-Type'));
      for (const envelope of envelopes) {
        let message;
        try {
          message = parseEnvelope(envelope);
        } catch (e) {
          if (envelopes.length === 1) throw e; // a lone answer that is no envelope: back off, not a hot loop
          console.warn('NetDuplex: dropped a poll answer part: ' + e.message);
          continue;
        }
        this.received(message, response);
      }
    }

    /**
     * One message a poll brought: a fault of the poll itself is thrown; a numbered message already
     * seen is dropped (counted); one for this session is a reply when it carries wsa:RelatesTo (it
     * completes its call, fault or not), else a callback.
     */
    received(message, response) {
      if (message.relatesTo === null) {
        if (message.fault) throw message.fault;
        if (!response.ok) throw new Error('HTTP ' + response.status);
      }
      if (!this.firstTime(message)) return;
      const sessionId = firstChildElement(firstChildElement(message.header, NETDX, 'Duplex'), NETDX, 'SessionId');
      if (!sessionId || sessionId.textContent.trim() !== this.sessionId) {
        console.warn('NetDuplex: dropped a message for another session'); // numbered, it is acked all the same
        return;
      }
      this.behind = true;
      if (message.relatesTo !== null) {
        if (!this.replies.settle(message)) {
          console.warn('NetDuplex: dropped a reply no call waits for (RelatesTo ' + message.relatesTo + ')');
        }
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

    /**
     * Whether message is new (docs/protocol.md section 15, rule 10): unnumbered (a server that does not
     * ack), acks off, or numbered above the highest of its stream. A repeat is dropped. A malformed
     * nda:Sequence throws: the poll loop backs off, as the Java client does, since such a server sends
     * it again at once (it cannot be acknowledged) and would get a hot loop.
     */
    firstTime(message) {
      if (!this.delivery) return true;
      const sequence = readSequence(message.header);
      return sequence === null || this.delivery.accept(sequence);
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
      // With what it received before closing, acked: it counts delivered and the half-close ends at once.
      const header = this.duplexHeader().replace('</netdx:Duplex>', '<netdx:CloseSession/></netdx:Duplex>') +
        this.ackHeader();
      const action = lastCall ? lastCall.action : ''; // a bare close has none (SOAP 1.1: SOAPAction "")
      // fetch, not navigator.sendBeacon: a beacon cannot set SOAPAction, which SOAP 1.1 dispatches on.
      return fetch(this.url, {
        method: 'POST',
        keepalive: true, // outlives a page being closed
        headers: this.soap.httpHeaders(action),
        body: this.soap.envelope(action, this.endpoint, header, lastCall ? lastCall.bodyXml : ''),
      }).then(() => undefined, () => undefined);
    }

    /** Stops polling without telling the server (it cannot be reached): its inactivity timeout ends the session. */
    abandon() {
      this.polling = false;
      if (this.abort) this.abort.abort();
      this.setState('closed');
      this.replies.failAll(new Error('the client closed before the reply came'));
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
   *     start: (client) => client.send('Silverlight/IStockService/Register', ''),
   *     soapVersion, replyTimeoutMs,       // passed to every client, as
   *     acknowledge, multipleMessagesPerPoll,
   *     onMessage, onCaughtUp,             // these
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
      this.clientOptions = { soapVersion: o.soapVersion, replyTimeoutMs: o.replyTimeoutMs,
        acknowledge: o.acknowledge, multipleMessagesPerPoll: o.multipleMessagesPerPoll,
        onMessage: o.onMessage, onCaughtUp: o.onCaughtUp };
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

    /** A one-way operation on the current session (see NetDuplexClient.send). */
    send(action, bodyXml) {
      return this.unavailable() || this.client.send(action, bodyXml);
    }

    /** A request-reply operation on the current session (see NetDuplexClient.call). */
    call(action, bodyXml) {
      return this.unavailable() || this.client.call(action, bodyXml);
    }

    /** A rejected Promise saying why no session can take a call now, or null. */
    unavailable() {
      if (this.status !== 'reconnecting' && this.status !== 'failed') return null;
      return Promise.reject(new Error(this.status === 'failed' ? 'the server cannot be reached'
        : 'reconnecting to the server; try again in a moment'));
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
  NetDuplexClient.ReplyTimeoutError = ReplyTimeoutError;
  global.NetDuplexClient = NetDuplexClient;
  global.NetDuplexConnection = NetDuplexConnection;
})(window);
