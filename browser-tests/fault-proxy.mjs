// A TCP forwarder on a loopback port that breaks the network between Chromium and a sample server at
// random, seeded and bounded, as the Java testing module's FaultInjectingProxy does: it resets
// connections (RST), closes them (FIN), drops an answer the server wrote (reads it, discards it, then
// closes), and disappears for 1-3 s (its port refuses connections). Plain sockets: what it breaks is TCP.
import { createServer, connect } from 'node:net';

/** mulberry32: a small seeded generator, so a seed fixes every choice and gap. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts a proxy to targetPort. Faults start with startFaults(): one every meanGapMs on average
 * (exponential gaps), until `faults` were injected (at most `outages` of them outages); then it
 * forwards faithfully and `finished` is true. Thread timing still varies; the seed fixes the choices.
 */
export async function startFaultProxy(targetPort, { seed = 12, faults = 40, outages = 2, meanGapMs = 100,
  minOutageMs = 1000, maxOutageMs = 3000 } = {}) {
  const random = seeded(seed);
  const links = new Set();
  const injected = { RESET: 0, CLOSE: 0, DROP_ANSWER: 0, OUTAGE: 0 };
  let ids = 0;
  let closed = false;
  let server = null;

  function link(client) {
    const upstream = connect(targetPort, '127.0.0.1');
    const l = { id: ids++, client, upstream, dropNextAnswer: false, ended: false };
    l.end = (reset) => {
      if (l.ended) return false;
      l.ended = true;
      links.delete(l);
      if (reset) client.resetAndDestroy(); else client.destroy();
      upstream.destroy();
      return true;
    };
    client.on('data', (d) => upstream.write(d));
    upstream.on('data', (d) => {
      if (l.dropNextAnswer) {
        // The server wrote its answer: it is read here and never reaches the client.
        if (l.end(false)) injected.DROP_ANSWER++;
        return;
      }
      client.write(d);
    });
    for (const s of [client, upstream]) {
      s.on('error', () => l.end(false));
      s.on('close', () => l.end(false));
    }
    links.add(l);
  }

  function listen(port) {
    return new Promise((resolve, reject) => {
      const s = createServer(link);
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve(s));
    });
  }

  async function outage(ms) {
    injected.OUTAGE++;
    const down = server;
    server = null;
    down.close();
    for (const l of Array.from(links)) l.end(false);
    await sleep(ms);
    while (!closed) {
      try {
        server = await listen(proxy.port);
        return;
      } catch (e) {
        await sleep(20); // the port is taken for a moment: try again
      }
    }
  }

  async function chaos() {
    let outagesDone = 0;
    try {
      while (!closed && total() < faults) {
        await sleep(Math.max(1, Math.round(-Math.log(1 - random()) * meanGapMs)));
        if (closed) return;
        if (outagesDone < outages && random() * faults < outages) {
          outagesDone++;
          await outage(minOutageMs + random() * (maxOutageMs - minOutageMs));
          continue;
        }
        const fault = ['RESET', 'CLOSE', 'DROP_ANSWER'][Math.floor(random() * 3)];
        const open = Array.from(links).sort((a, b) => a.id - b.id); // the seed picks, not the set's order
        if (open.length === 0) continue;
        const l = open[Math.floor(random() * open.length)];
        if (fault === 'DROP_ANSWER') l.dropNextAnswer = true; // counted when it happens
        else if (l.end(fault === 'RESET')) injected[fault]++;
      }
    } finally {
      proxy.finished = true;
    }
  }

  const total = () => injected.RESET + injected.CLOSE + injected.DROP_ANSWER + injected.OUTAGE;

  server = await listen(0);
  const proxy = {
    port: server.address().port,
    base: `http://127.0.0.1:${server.address().port}`,
    finished: false,
    injected: () => Object.assign({}, injected),
    total,
    startFaults() {
      if (!this.chaos) this.chaos = chaos();
    },
    async close() {
      closed = true;
      if (server) server.close();
      for (const l of Array.from(links)) l.end(false);
      await this.chaos;
    },
  };
  return proxy;
}
