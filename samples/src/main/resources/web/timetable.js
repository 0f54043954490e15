// The bus timetable page: races sorted by time, kept up to date by ITimeServiceCallback.Update diffs.
(function () {
  'use strict';
  const NS = 'urn:netduplex:samples:timetable';
  const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
  const rows = new Map(); // UniqueID -> { tr, race }
  const stateLabel = document.getElementById('state');
  const notice = document.getElementById('notice');
  const tbody = document.getElementById('races');
  const empty = document.getElementById('empty');
  const lastUpdate = document.getElementById('last-update');
  window.timetableUpdates = 0; // updates applied, for tests
  let received = false; // the first whole table is shown as it is; later changes are highlighted

  function children(parent, name) {
    const found = [];
    for (let n = parent ? parent.firstElementChild : null; n; n = n.nextElementSibling) {
      if (n.localName === name && n.namespaceURI === NS) found.push(n);
    }
    return found;
  }

  function text(parent, name) {
    const e = children(parent, name)[0];
    return !e || e.getAttributeNS(XSI, 'nil') === 'true' ? '' : e.textContent;
  }

  function races(update, name) {
    const array = children(update, name)[0];
    return children(array, 'Race').map((r) => ({
      id: text(r, 'UniqueID'), time: text(r, 'Time'), line: text(r, 'Line'), destination: text(r, 'Destination'),
    }));
  }

  const same = (a, b) => a.time === b.time && a.line === b.line && a.destination === b.destination;

  // Shows the race; marks its row as added or modified unless told not to or nothing changed.
  function upsert(race, highlight) {
    let r = rows.get(race.id);
    const change = !r ? 'added' : same(r.race, race) ? null : 'modified';
    if (!r) {
      const tr = document.createElement('tr');
      tr.dataset.id = race.id;
      const cells = ['time', 'line', 'destination'].map((name) => {
        const td = document.createElement('td');
        td.className = name;
        tr.appendChild(td);
        return td;
      });
      r = { tr: tr, cells: cells };
      rows.set(race.id, r);
    }
    r.race = race;
    // textContent: the file's text is shown, never interpreted as markup
    r.cells[0].textContent = race.time;
    r.cells[1].textContent = race.line;
    r.cells[2].textContent = race.destination;
    if (highlight && change) {
      r.tr.classList.add('changed');
      r.tr.dataset.change = change;
    }
  }

  function remove(id) {
    const r = rows.get(id);
    if (r) {
      r.tr.remove();
      rows.delete(id);
    }
  }

  function compare(a, b) {
    return a.time.localeCompare(b.time) || a.line.localeCompare(b.line, undefined, { numeric: true }) ||
      a.id.localeCompare(b.id);
  }

  function render() {
    const sorted = Array.from(rows.values()).sort((a, b) => compare(a.race, b.race));
    sorted.forEach((r) => tbody.appendChild(r.tr)); // appending an attached row moves it
    empty.hidden = sorted.length > 0;
  }

  function onUpdate(update) {
    if (update.localName !== 'RaceUpdate' || update.namespaceURI !== NS) return;
    const full = text(update, 'FullTable') === 'true';
    const changed = races(update, 'AddedOrModified');
    const deleted = races(update, 'Deleted');
    // The rows of the last change stay highlighted until the next one, so a person who switches
    // back from the editor still sees what changed.
    rows.forEach((r) => { r.tr.classList.remove('changed'); delete r.tr.dataset.change; });
    if (full) {
      const keep = new Set(changed.map((race) => race.id));
      Array.from(rows.keys()).filter((id) => !keep.has(id)).forEach(remove);
    }
    // A whole table after the first one (the server catching this page up) highlights what differs.
    changed.forEach((race) => upsert(race, received));
    received = true;
    deleted.forEach((race) => remove(race.id));
    render();
    window.timetableUpdates++;
    lastUpdate.textContent = full
      ? 'Whole timetable received at ' + new Date().toLocaleTimeString() + '.'
      : 'Last change at ' + new Date().toLocaleTimeString() + ': ' + changed.length + ' added or modified, ' +
        deleted.length + ' deleted.';
  }

  const connection = new NetDuplexConnection('/TimetableService', {
    // again for each new session: the server answers a Register with the whole table
    start: (client) => client.send('urn:netduplex:samples:timetable/ITimeService/Register', ''),
    onMessage: onUpdate,
    onStatus: (status, words) => {
      stateLabel.textContent = status === 'open' ? 'live' : words;
      stateLabel.className = status;
      document.body.dataset.state = status;
    },
    onNotice: (words) => {
      notice.textContent = words;
      notice.hidden = false;
    },
  });

  window.addEventListener('pagehide', () => connection.close());
  connection.open();
})();
