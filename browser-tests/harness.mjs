// Starts a sample server from the samples jar on a free port, and headless Debian Chromium.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import assert from 'node:assert/strict';
import { before, after, afterEach } from 'node:test';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const JAR = path.resolve(here, '../samples/target/netduplex-samples.jar');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/**
 * Runs `java -jar netduplex-samples.jar <command> --port P ...` until the page answers; on a free
 * port, or on `port` (a restart of a server that was stopped).
 */
export async function startSample(command, args = [], port = undefined) {
  port = port ?? await freePort();
  const proc = spawn('java', ['-jar', JAR, command, '--port', String(port), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout.on('data', (d) => { output += d; });
  proc.stderr.on('data', (d) => { output += d; });
  // 127.0.0.1, not "localhost": Node may try ::1 first, where another process could hold the same port.
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30000;
  let last = 'no attempt';
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${command} exited: ${output}`);
    try {
      // A bounded attempt: a connection accepted while the server is still starting must not hang the loop.
      const r = await fetch(base + '/', { signal: AbortSignal.timeout(2000) });
      await r.arrayBuffer();
      if (r.ok) break;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = String(e.cause?.code ?? e.name ?? e); // not up yet
    }
    if (Date.now() > deadline) { proc.kill(); throw new Error(`${command} did not start (last attempt: ${last}): ${output}`); }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    port,
    output: () => output,
    /** SIGTERM stops it as Ctrl+C does (sessions end); SIGKILL is a crash. */
    stop: (signal = 'SIGTERM') => new Promise((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) { resolve(); return; }
      proc.once('exit', resolve);
      proc.kill(signal);
    }),
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
      '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * The hooks every page suite needs: the sample server and Chromium started once before the suite,
 * and each test's browser contexts closed after it (each page holds a poll, and Chromium allows six
 * connections per host).
 */
export function sampleSuite(command, args = []) {
  const contexts = [];
  const suite = {
    server: null,
    browser: null,
    /** A fresh browser context, closed after the current test. */
    async newContext() {
      const context = await suite.browser.newContext();
      contexts.push(context);
      return context;
    },
    /** Starts the suite's server again, on the port it had, after a test stopped it. */
    async restartServer() {
      suite.server = await startSample(command, args, suite.server.port);
    },
  };
  before(async () => {
    suite.server = await startSample(command, args);
    suite.browser = await launchBrowser();
  });
  afterEach(async () => {
    while (contexts.length) await contexts.pop().close();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}

/**
 * Collects what fails to load in `page` while it lives: responses of 400 and above, and the loads the
 * console reports failing (requests the browser makes for the page itself, such as /favicon.ico).
 */
export function failedLoads(page) {
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Failed to load resource/.test(m.text())) failed.push(`${m.text()} ${m.location().url}`);
  });
  return failed;
}

/** Resolves once `page` loaded the icon its head links to, with a 2xx answer. */
export function iconLoaded(page) {
  return page.waitForEvent('response', { predicate: (r) => /\/favicon\.[a-z]+$/.test(r.url()) && r.ok(), timeout: 10000 });
}

/** Words a person can read: no fault codes, HTTP statuses or protocol names. */
export function assertPlainWords(words) {
  assert.doesNotMatch(words, /ndf:|Fault|HTTP \d|UnknownAddress|SessionEnded|Failed to fetch|netdx|wsmc/, words);
}
