// The stock ticker with a page and the Java console client (stock-client) side by side: notes typed
// in either reach the other, through the same server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { startSample, launchBrowser, JAR } from './harness.mjs';

let server;
let browser;
let javaClient;
let javaOutput = '';

before(async () => {
  server = await startSample('stock-server', ['--tick', '0s', '--poll-timeout', '5s']);
  browser = await launchBrowser();
  javaClient = spawn('java', ['-jar', JAR, 'stock-client', '--url', server.base + '/StockService', '--poll-timeout', '5s'],
    { stdio: ['pipe', 'pipe', 'pipe'] });
  javaClient.stdout.on('data', (d) => { javaOutput += d; });
  javaClient.stderr.on('data', (d) => { javaOutput += d; });
});

after(async () => {
  if (javaClient && javaClient.exitCode === null) {
    const exited = new Promise((resolve) => javaClient.once('exit', resolve));
    javaClient.stdin.end('quit\n');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (javaClient.exitCode === null) javaClient.kill();
  }
  await browser?.close();
  await server?.stop();
});

async function waitFor(what, condition, ms = 20000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; Java client printed:\n${javaOutput}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('notes from the page reach the Java client, and notes from the Java client reach the page', async () => {
  await waitFor('the Java client\'s quotes', () => javaOutput.includes('POLL '));
  const page = await browser.newPage();
  await page.goto(server.base + '/');
  await page.waitForFunction(() => document.body.dataset.state === 'open', null, { timeout: 15000 });
  await page.waitForFunction(() => document.querySelectorAll('#quotes tr').length === 8, null, { timeout: 15000 });

  await page.selectOption('#symbol', 'CZLP');
  await page.fill('#notes', 'typed in Chromium');
  await page.click('#notes-form button');
  await waitFor('the page\'s notes in the Java client', () => /CZLP .*notes: typed in Chromium/.test(javaOutput));

  javaClient.stdin.write('notes MSFT typed in the Java console\n');
  await page.waitForFunction(
    () => document.querySelector('tr[data-symbol="MSFT"] td.notes').textContent === 'typed in the Java console',
    null, { timeout: 15000 });
  await page.close();
});
