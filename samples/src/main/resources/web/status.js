// The status page: the endpoints, totals and live sessions from /status.json, refreshed every 2 seconds.
(function () {
  'use strict';
  function cell(tr, text) {
    const td = document.createElement('td');
    td.textContent = String(text);
    tr.appendChild(td);
  }
  async function refresh() {
    try {
      const status = await (await fetch('/status.json', { cache: 'no-store' })).json();
      document.getElementById('sample').textContent = status.sample;
      const endpoints = document.getElementById('endpoints');
      endpoints.replaceChildren();
      for (const e of status.endpoints) {
        const tr = document.createElement('tr');
        cell(tr, e.address);
        cell(tr, e.profile);
        endpoints.appendChild(tr);
      }
      const totals = document.querySelector('#totals tbody');
      totals.replaceChildren();
      for (const [name, value] of Object.entries(status.totals)) {
        const tr = document.createElement('tr');
        cell(tr, name);
        cell(tr, value);
        totals.appendChild(tr);
      }
      const sessions = document.getElementById('sessions');
      sessions.replaceChildren();
      for (const s of status.sessions) {
        const tr = document.createElement('tr');
        [s.id, s.ageSeconds, s.idleSeconds, s.queued, s.parked ? 'yes' : 'no'].forEach((v) => cell(tr, v));
        sessions.appendChild(tr);
      }
    } catch (e) {
      document.getElementById('sample').textContent = 'unreachable (' + e.message + ')';
    }
  }
  refresh();
  setInterval(refresh, 2000);
})();
