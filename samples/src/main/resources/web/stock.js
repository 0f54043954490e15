// The stock ticker page: a live quote grid fed by IStockServiceCallback.Update, notes sent with Sync.
(function () {
  'use strict';
  const NS = 'urn:petermcg.wordpress.com';
  const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
  const MAX_NOTES = 1000;
  const rows = new Map();
  const stateLabel = document.getElementById('state');
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
      quotes.appendChild(tr);
      const option = document.createElement('option');
      option.value = option.textContent = symbol;
      symbolSelect.appendChild(option);
      r = { tr: tr, bid: cells[1], ask: cells[2], notes: cells[3], lastBid: null };
      rows.set(symbol, r);
    }
    return r;
  }

  function onUpdate(stock) {
    if (stock.localName !== 'Stock' || stock.namespaceURI !== NS) return;
    const symbol = child(stock, 'Symbol');
    if (!symbol) return;
    const bid = Number(child(stock, 'Bid'));
    const ask = Number(child(stock, 'Ask'));
    const notes = child(stock, 'Notes');
    const r = row(symbol);
    r.bid.textContent = bid.toFixed(2);
    r.ask.textContent = ask.toFixed(2);
    r.notes.textContent = notes || ''; // textContent: notes are shown, never interpreted as markup
    if (r.lastBid !== null && bid !== r.lastBid) {
      r.tr.classList.remove('up', 'down');
      void r.tr.offsetWidth; // restart the highlight
      r.tr.classList.add(bid > r.lastBid ? 'up' : 'down');
    }
    r.lastBid = bid;
    window.netduplexLog.push(symbol + ' ' + bid.toFixed(2) + ' ' + ask.toFixed(2) + ' ' + (notes || ''));
  }

  const client = new NetDuplexClient('/StockService', {
    onMessage: onUpdate,
    onState: (state, detail) => {
      stateLabel.textContent = state + (detail ? ' (' + detail + ')' : '');
      stateLabel.className = state;
      document.body.dataset.state = state;
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
      await client.call('Silverlight/IStockService/Sync', body);
      notesInput.value = '';
    } catch (e) {
      notesError.textContent = 'Not sent: ' + e.message;
    }
  });

  window.addEventListener('pagehide', () => client.close());
  client.call('Silverlight/IStockService/Register', '').catch((e) => {
    stateLabel.textContent = 'cannot register: ' + e.message;
    stateLabel.className = 'faulted';
  });
})();
