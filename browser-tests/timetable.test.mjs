// The bus timetable sample in browser pages: the server watches a file; editing it changes every page.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { rm, writeFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sampleSuite, failedLoads, iconLoaded, assertPlainWords } from './harness.mjs';

// The bundled sample, which the server copies to a --file that does not exist yet.
const SAMPLE = [
  ['4-0805', '4', 'Central Station', '08:05'],
  ['11-0812', '11', 'University', '08:12'],
  ['4-0820', '4', 'Central Station', '08:20'],
  ['27-0824', '27', 'Airport', '08:24'],
  ['11-0832', '11', 'University', '08:32'],
  ['4-0835', '4', 'Central Station', '08:35'],
  ['N3-0841', 'N3', 'Harbour', '08:41'],
  ['27-0854', '27', 'Airport', '08:54'],
];

const dir = mkdtempSync(path.join(tmpdir(), 'netduplex-timetable-test-'));
const file = path.join(dir, 'timetable.xml');
const suite = sampleSuite('timetable-server', ['--file', file, '--poll-timeout', '5s']);

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const attr = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function xml(races) {
  return '<?xml version="1.0" encoding="utf-8"?>\n<Timetable>\n' + races.map(([id, line, destination, time]) =>
    `  <Race UniqueID="${attr(id)}" Line="${attr(line)}" Destination="${attr(destination)}" Time="${time}"/>\n`).join('') +
    '</Timetable>\n';
}

/** Saves the file as an editor does: written next to it, then renamed over it. */
async function save(races) {
  const temp = file + '.tmp';
  await writeFile(temp, xml(races));
  await rename(temp, file);
}

async function openTimetable() {
  const context = await suite.newContext();
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(suite.server.base + '/');
  await page.waitForFunction(() => document.body.dataset.state === 'open', null, { timeout: 15000 });
  return page;
}

/** The table as the page shows it, row by row: [id, time, line, destination, change]. */
const shown = (page) => page.evaluate(() => Array.from(document.querySelectorAll('#races tr'), (tr) => [
  tr.dataset.id, ...Array.from(tr.cells, (td) => td.textContent), tr.dataset.change || '']));

/** Waits until the page shows exactly {@code races}, in time order. */
async function waitForTable(page, races) {
  const expected = races.map(([id, line, destination, time]) => [id, time, line, destination])
    .sort((a, b) => a[1].localeCompare(b[1]));
  try {
    await page.waitForFunction((want) => JSON.stringify(Array.from(document.querySelectorAll('#races tr'),
      (tr) => [tr.dataset.id, ...Array.from(tr.cells, (td) => td.textContent)])) === JSON.stringify(want),
    expected, { timeout: 10000 });
  } catch (e) {
    assert.deepEqual((await shown(page)).map((r) => r.slice(0, 4)), expected, 'the page never showed the table');
    throw e;
  }
}

test('the page shows the whole timetable in time order, nothing highlighted', async () => {
  const page = await openTimetable();
  await waitForTable(page, SAMPLE);
  const rows = await shown(page);
  assert.deepEqual(rows[3], ['27-0824', '08:24', '27', 'Airport', '']);
  assert.equal(await page.locator('#races tr.changed').count(), 0);
  assert.match(await page.locator('#last-update').textContent(), /^Whole timetable received at /);
  assert.equal(await page.locator('#empty').isHidden(), true);
  assert.deepEqual(page.errors, []);
});

test('an edit of the file adds, modifies and deletes rows in every open page', async () => {
  await save(SAMPLE);
  const a = await openTimetable();
  const b = await openTimetable();
  await waitForTable(a, SAMPLE);
  await waitForTable(b, SAMPLE);

  const edited = SAMPLE
    .filter(([id]) => id !== 'N3-0841') // cancelled
    .map((r) => (r[0] === '11-0812' ? ['11-0812', '11', 'University', '08:17'] : r)) // late
    .concat([['9-0800', '9', 'Old Town', '08:00']]); // a new first bus
  await save(edited);

  for (const page of [a, b]) {
    await waitForTable(page, edited);
    const rows = await shown(page);
    assert.deepEqual(rows[0], ['9-0800', '08:00', '9', 'Old Town', 'added']);
    assert.deepEqual(rows.find((r) => r[0] === '11-0812'), ['11-0812', '08:17', '11', 'University', 'modified']);
    assert.deepEqual(rows.filter((r) => r[4]).map((r) => r[0]).sort(), ['11-0812', '9-0800'], 'only the changed rows are highlighted');
    assert.equal(await page.locator('#races tr.changed').count(), 2);
    assert.match(await page.locator('#last-update').textContent(), /: 2 added or modified, 1 deleted\.$/);
    assert.deepEqual(page.errors, []);
  }
  const late = await openTimetable(); // a page opened now gets the edited table whole
  await waitForTable(late, edited);
});

test('markup in a destination is shown as text and never runs', async () => {
  await save(SAMPLE);
  const page = await openTimetable();
  await waitForTable(page, SAMPLE);
  const evil = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
  const races = SAMPLE.concat([['X-0900', '<b>X</b>', evil, '09:00']]);
  await save(races);
  await waitForTable(page, races);
  const row = page.locator('tr[data-id="X-0900"]');
  assert.equal(await row.locator('td.destination').textContent(), evil);
  assert.equal(await row.locator('td.line').textContent(), '<b>X</b>');
  assert.equal(await page.locator('#races img, #races script, #races b').count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(page.errors, []);
});

test('a broken file keeps the last good table until it is fixed', async () => {
  await save(SAMPLE);
  const page = await openTimetable();
  await waitForTable(page, SAMPLE);
  const updates = await page.evaluate(() => window.timetableUpdates);

  await writeFile(file, '<Timetable><Race UniqueID="4-0805" Time="08:0'); // half written, as a slow writer leaves it
  const deadline = Date.now() + 10000;
  while (!suite.server.output().includes('not loaded, the last good timetable stays')) {
    assert.ok(Date.now() < deadline, 'the broken file was not refused: ' + suite.server.output());
    await new Promise((r) => setTimeout(r, 50));
  }
  const newcomer = await openTimetable();
  await waitForTable(newcomer, SAMPLE); // the last good table
  assert.equal(await page.evaluate(() => window.timetableUpdates), updates, 'the broken file sent something');

  const fixed = SAMPLE.map((r) => (r[0] === '27-0854' ? ['27-0854', '27', 'Airport', '08:58'] : r));
  await save(fixed);
  await waitForTable(page, fixed);
  await waitForTable(newcomer, fixed);
  assert.equal(await page.evaluate(() => window.timetableUpdates), updates + 1, 'one diff, not the whole table');
});

test('the status page shows the timetable sessions', async () => {
  await openTimetable();
  const context = await suite.newContext();
  const page = await context.newPage();
  await page.goto(suite.server.base + '/status');
  await page.waitForFunction(() => document.getElementById('sample').textContent === 'bus timetable', null, { timeout: 10000 });
  await page.waitForFunction(() => document.querySelectorAll('#sessions tr').length > 0, null, { timeout: 10000 });
  const json = await (await fetch(suite.server.base + '/status.json')).json();
  assert.equal(json.sample, 'bus timetable');
  assert.ok(json.totals.sessions >= 1);
});

test('no load of the page fails, its icon included', async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  const failed = failedLoads(page);
  const icon = iconLoaded(page);
  await page.goto(suite.server.base + '/');
  await page.waitForFunction(() => document.body.dataset.state === 'open', null, { timeout: 15000 });
  await icon;
  assert.equal(await page.locator('#state').textContent(), 'live');
  assert.deepEqual(failed, []);
});

test('after a server restart the page says so, registers again and shows the table the new server has', async () => {
  await save(SAMPLE);
  const page = await openTimetable();
  await waitForTable(page, SAMPLE);

  await suite.server.stop('SIGTERM'); // as Ctrl+C: the server ends every session as it stops
  await page.waitForFunction(() => document.body.dataset.state === 'reconnecting', null, { timeout: 10000 });
  const words = await page.locator('#state').textContent();
  assert.match(words, /Reconnecting…$/);
  assertPlainWords(words);
  const edited = SAMPLE.filter(([id]) => id !== '4-0805'); // edited while the server was down
  await save(edited);
  await suite.restartServer();

  await waitForTable(page, edited);
  await page.waitForFunction(() => !document.getElementById('notice').hidden, null, { timeout: 10000 });
  assert.match(await page.locator('#notice').textContent(),
    /^The server restarted\. This page reconnected at .+ with a new session\.$/);
  await page.waitForFunction(() => document.body.dataset.state === 'open', null, { timeout: 10000 });
  assert.equal(await page.locator('#state').textContent(), 'live');
  assert.deepEqual(page.errors, []);
});
