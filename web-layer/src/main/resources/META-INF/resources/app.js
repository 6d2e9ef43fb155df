// A small search page over the public JSON API. Renders every string with textContent (never innerHTML).
const form = document.getElementById('search');
const statusEl = document.getElementById('status');
const list = document.getElementById('results');
const palette = ['#2457d6', '#e4572e', '#29bf12', '#ffc914', '#8f2d56', '#00a6a6', '#7768ae', '#999'];

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function card(item) {
  const li = el('li', 'card');
  li.append(el('div', 'kind', item.type));
  li.append(el('h2', null, item.title));
  if (item.artist) li.append(el('div', null, item.artist));
  const genres = Object.entries(item.genres || {});
  if (genres.length) {
    const bar = el('div', 'mix');
    bar.setAttribute('aria-hidden', 'true');
    genres.forEach(([name, share], i) => {
      const s = el('span');
      s.style.width = (share * 100).toFixed(1) + '%';
      s.style.background = palette[Math.min(i, palette.length - 1)];
      s.title = name;
      bar.append(s);
    });
    li.append(bar);
    li.append(el('div', 'legend', genres.slice(0, 4).map(([n, s]) => `${n} ${Math.round(s * 100)}%`).join(' · ')));
  }
  return li;
}

async function search(q, type) {
  statusEl.className = '';
  statusEl.textContent = 'Searching…';
  list.replaceChildren();
  try {
    const res = await fetch(`/api/v1/search?q=${encodeURIComponent(q)}&type=${type}&limit=20`);
    const body = await res.json();
    if (!res.ok) throw new Error(body.error ? body.error.message : res.statusText);
    statusEl.textContent = body.items.length ? `${body.items.length} results` : 'No results';
    list.replaceChildren(...body.items.map(card));
  } catch (e) {
    statusEl.className = 'error';
    statusEl.textContent = 'Search failed: ' + e.message;
  }
}

form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = document.getElementById('q').value.trim();
  if (q) search(q, document.getElementById('type').value);
});
