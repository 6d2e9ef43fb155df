// Small DOM helpers. Every string from the API is rendered with textContent, never innerHTML.
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
}

const PALETTE = ['#2457d6', '#e4572e', '#29a329', '#e0a800', '#8f2d56', '#00a6a6', '#7768ae', '#d45d9c',
  '#4f772d', '#c05621', '#3d5a80', '#9c6644'];

// A stable colour per genre, so a genre looks the same in chips, the mix preview and every card.
export function colorFor(genre) {
  let h = 2166136261; // FNV-1a: spreads short names better than a multiplicative hash
  for (const ch of genre) { h ^= ch.codePointAt(0); h = Math.imul(h, 16777619) >>> 0; }
  return PALETTE[h % PALETTE.length];
}

export function percent(x) {
  return `${Math.round(x * 100)}%`;
}

// A horizontal bar of genre shares ({genre: share}); decorative, the text legend carries the same facts.
export function mixBar(shares) {
  const bar = el('div', { class: 'mixbar', 'aria-hidden': 'true' });
  const total = Object.values(shares).reduce((a, b) => a + b, 0) || 1;
  for (const [genre, share] of Object.entries(shares)) {
    const s = el('span', { title: `${genre} ${percent(share / total)}` });
    s.style.width = `${(share / total) * 100}%`;
    s.style.background = colorFor(genre);
    bar.append(s);
  }
  return bar;
}

export function debounce(fn, ms) {
  let t;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
}
