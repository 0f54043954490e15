// The stock ticker page: a live quote grid fed by IStockServiceCallback.Update, notes sent with Sync.
(function () {
  'use strict';
  const NS = 'urn:petermcg.wordpress.com';
  const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
  const MAX_NOTES = 1000;
  // The first quotes come one per poll; the table is drawn once they stopped coming (the next poll
  // parked), or after this long if ticks never leave a gap.
  const FIRST_PAINT_MAX_WAIT_MS = 1000;
  const rows = new Map();
  let painted = false; // rows are added to the table at once, when the first quotes are all in
  let firstPaintTimer = null;
  const stateLabel = document.getElementById('state');
  const notice = document.getElementById('notice');
  const quotes = document.getElementById('quotes');
  const symbolSelect = document.getElementById('symbol');
  const notesInput = document.getElementById('notes');
  const notesError = document.getElementById('notes-error');
  window.netduplexLog = []; // every update received, for tests: "SYMBOL bid ask notes"

  function child(stock, name) {
    for (let n = stock.firstElementChild; n; n = n.nextElementSibling) {
      if (n.localName === name && n.namespaceURI === NS) {
        return n.getAttributeNS(XSI, 'nil') === 'true' ? null : n.textContent;
      }
    }
    return null;
  }

  function row(symbol) {
    let r = rows.get(symbol);
    if (!r) {
      const tr = document.createElement('tr');
      tr.dataset.symbol = symbol;
      const cells = ['symbol', 'bid', 'ask', 'notes'].map((name) => {
        const td = document.createElement('td');
        td.className = name === 'bid' || name === 'ask' ? 'num ' + name : name;
        tr.appendChild(td);
        return td;
      });
      cells[0].textContent = symbol;
      if (painted) quotes.appendChild(tr);
      r = { tr: tr, bid: cells[1], ask: cells[2], notes: cells[3], lastBid: null };
      rows.set(symbol, r);
    }
    return r;
  }

  /** Draws every row known so far in one go, so the first quotes appear as one table. */
  function paint() {
    if (painted) return;
    painted = true;
    clearTimeout(firstPaintTimer);
    const table = document.createDocumentFragment();
    const options = document.createDocumentFragment();
    rows.forEach((r, symbol) => {
      table.appendChild(r.tr);
      const option = document.createElement('option');
      option.value = option.textContent = symbol;
      options.appendChild(option);
    });
    quotes.appendChild(table);
    symbolSelect.appendChild(options);
  }

  function onUpdate(stock) {
    if (stock.localName !== 'Stock' || stock.namespaceURI !== NS) return;
    const symbol = child(stock, 'Symbol');
    if (!symbol) return;
    const bid = Number(child(stock, 'Bid'));
    const ask = Number(child(stock, 'Ask'));
    const notes = child(stock, 'Notes');
    const known = rows.has(symbol);
    const r = row(symbol);
    if (!known && painted) { // a symbol the server added later
      const option = document.createElement('option');
      option.value = option.textContent = symbol;
      symbolSelect.appendChild(option);
    }
    if (!painted && firstPaintTimer === null) firstPaintTimer = setTimeout(paint, FIRST_PAINT_MAX_WAIT_MS);
    r.bid.textContent = bid.toFixed(2);
    r.ask.textContent = ask.toFixed(2);
    // textContent: notes are shown, never interpreted as markup; without controls that reorder the line
    r.notes.textContent = NetDuplexClient.displayText(notes) || '';
    if (painted && r.lastBid !== null && bid !== r.lastBid) {
      r.tr.classList.remove('up', 'down');
      void r.tr.offsetWidth; // restart the highlight
      r.tr.classList.add(bid > r.lastBid ? 'up' : 'down');
    }
    r.lastBid = bid;
    window.netduplexLog.push(symbol + ' ' + bid.toFixed(2) + ' ' + ask.toFixed(2) + ' ' + (notes || ''));
  }

  const connection = new NetDuplexConnection('/StockService', {
    start: (client) => client.send('Silverlight/IStockService/Register', ''), // again for each new session
    onMessage: onUpdate,
    onCaughtUp: paint,
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

  document.getElementById('notes-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    notesError.textContent = '';
    const r = rows.get(symbolSelect.value);
    const notes = notesInput.value.trim();
    if (!r) { notesError.textContent = 'No symbol yet.'; return; }
    if (!notes) { notesError.textContent = 'Type some notes first.'; return; }
    if (notes.length > MAX_NOTES) { notesError.textContent = 'At most ' + MAX_NOTES + ' characters.'; return; }
    const x = NetDuplexClient.xmlText;
    const body = '<Stock xmlns:i="' + XSI + '" xmlns="' + NS + '"><Ask>' + x(r.ask.textContent) + '</Ask><Bid>' +
      x(r.bid.textContent) + '</Bid><Notes>' + x(notes) + '</Notes><Symbol>' + x(symbolSelect.value) +
      '</Symbol></Stock>';
    try {
      await connection.send('Silverlight/IStockService/Sync', body);
      notesInput.value = '';
    } catch (e) {
      notesError.textContent = 'Not sent: ' + e.message;
    }
  });

  window.addEventListener('pagehide', () => connection.close());
  connection.open();
})();
