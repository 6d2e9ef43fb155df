// The genre mixer: chips with a slider per genre (the parsed query or the user's own picks), excluded genres,
// and autocomplete pickers over the real vocabulary.
import { el, colorFor, percent, mixBar } from './dom.js';

export class Mixer {
  constructor({ chips, excluded, preview, onChange }) {
    Object.assign(this, { chipsEl: chips, excludedEl: excluded, previewEl: preview, onChange });
    this.weights = new Map(); // genre -> slider value 0..100
    this.excluded = new Set();
    this.vocabulary = [];
  }

  get empty() {
    return this.weights.size === 0;
  }

  /** The mix as the API takes it: {genre: weight}; null when nothing has weight. */
  mix() {
    const out = {};
    let sum = 0;
    for (const [g, w] of this.weights) { out[g] = w / 100; sum += w; }
    return sum > 0 ? out : null;
  }

  /** Shows how a query was parsed: its genres become draggable chips. */
  showParsed(parsed) {
    this.weights = new Map(Object.entries(parsed?.genres || {}).map(([g, w]) => [g, Math.round(w * 100)]));
    this.excluded = new Set(parsed?.excluded || []);
    this.render();
  }

  add(genre) {
    if (!this.weights.has(genre)) this.weights.set(genre, 50);
    this.excluded.delete(genre);
    this.changed();
  }

  exclude(genre) {
    this.excluded.add(genre);
    this.weights.delete(genre);
    this.changed();
  }

  changed() {
    this.render();
    this.onChange();
  }

  render() {
    const sum = [...this.weights.values()].reduce((a, b) => a + b, 0) || 1;
    this.chipsEl.replaceChildren(...[...this.weights].map(([genre, w]) => this.chip(genre, w, sum)));
    this.excludedEl.replaceChildren(...[...this.excluded].map((genre) => el('li', { class: 'chip', 'data-genre': genre },
      el('span', { class: 'name', text: genre }),
      el('button', { type: 'button', class: 'icon', 'aria-label': `Stop excluding ${genre}`, text: '×',
        onclick: () => { this.excluded.delete(genre); this.changed(); } }))));
    this.previewEl.replaceWith(this.previewEl = Object.assign(mixBar(Object.fromEntries(this.weights)), { id: 'mix-preview' }));
  }

  chip(genre, w, sum) {
    const id = `w-${genre.replace(/[^a-z0-9]+/gi, '-')}`;
    const share = el('span', { class: 'share', text: percent(w / sum) });
    const slider = el('input', { type: 'range', id, min: 0, max: 100, step: 1, value: w,
      'aria-label': `Share of ${genre}`, 'aria-valuetext': percent(w / sum) });
    slider.addEventListener('input', () => {
      this.weights.set(genre, Number(slider.value));
      const total = [...this.weights.values()].reduce((a, b) => a + b, 0) || 1;
      for (const li of this.chipsEl.children) {
        const g = li.dataset.genre;
        const text = percent(this.weights.get(g) / total);
        li.querySelector('.share').textContent = text;
        li.querySelector('input').setAttribute('aria-valuetext', text);
      }
      this.previewEl.replaceWith(this.previewEl = Object.assign(mixBar(Object.fromEntries(this.weights)), { id: 'mix-preview' }));
      this.onChange();
    });
    const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = colorFor(genre);
    return el('li', { class: 'chip', 'data-genre': genre }, swatch, el('label', { class: 'name', for: id, text: genre }), share,
      el('button', { type: 'button', class: 'icon', 'aria-label': `Remove ${genre}`, text: '×',
        onclick: () => { this.weights.delete(genre); this.changed(); } }), slider);
  }

  /** Genres matching typed text by name, display name or alias (word prefixes), most used first. */
  suggest(text, max = 8) {
    const t = text.trim().toLowerCase().replace(/-/g, ' ');
    if (!t) return [];
    const hit = (s) => { const k = s.toLowerCase().replace(/-/g, ' '); return k.startsWith(t) || k.includes(` ${t}`); };
    return this.vocabulary
      .filter((g) => hit(g.name) || hit(g.displayName) || (g.aliases || []).some(hit))
      .filter((g) => g.items > 0)
      .slice(0, max);
  }
}

/** An accessible combobox: type, arrow through suggestions, Enter (or click) to pick, Escape to close. */
export function picker(input, list, suggest, onPick) {
  let options = [];
  let active = -1;
  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); active = -1; input.removeAttribute('aria-activedescendant'); };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', list.children[i].id);
  };
  const pick = (g) => { onPick(g.name); input.value = ''; close(); };
  input.addEventListener('input', () => {
    options = suggest(input.value);
    list.replaceChildren(...options.map((g, i) => el('li', { role: 'option', id: `${list.id}-${i}`, 'aria-selected': 'false',
      onmousedown: (e) => { e.preventDefault(); pick(g); } },
    el('span', { text: g.displayName }),
    el('span', { class: 'count', text: `${g.items.toLocaleString()} items${g.parent ? ` · ${g.parent}` : ''}` }))));
    list.hidden = options.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
    highlight(options.length ? 0 : -1);
  });
  input.addEventListener('keydown', (e) => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); highlight(Math.min(active + 1, options.length - 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(Math.max(active - 1, 0)); }
    else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); pick(options[active]); }
    else if (e.key === 'Escape') close();
  });
  input.addEventListener('blur', close);
}
