// Result cards: what the item is, its genre mix as a bar and a legend, why it matched, and "more like this".
import { el, mixBar, percent } from './dom.js';

function why(item) {
  if (!item.why?.length) return null;
  const parts = item.why.map((w) => el('span', {}, el('strong', { text: w.genre }),
    ` ${percent(w.query)} asked · ${percent(w.item)} here`));
  const line = el('div', { class: 'why' }, 'Why: ');
  parts.forEach((p, i) => { if (i) line.append('; '); line.append(p); });
  return line;
}

export function card(item, onMore) {
  const genres = Object.entries(item.genres || {});
  const size = item.type === 'playlist' ? `${item.size} songs` : item.type === 'artist' ? `${item.size} songs in the catalogue` : null;
  return el('li', { class: 'card', 'data-type': item.type, 'data-id': item.id },
    el('span', { class: 'kind', text: item.type }),
    el('h3', { text: item.title }),
    item.artist ? el('div', { class: 'by', text: item.artist }) : null,
    size ? el('div', { class: 'by', text: size }) : null,
    genres.length ? mixBar(item.genres) : null,
    genres.length ? el('div', { class: 'legend', text: genres.slice(0, 4).map(([g, s]) => `${g} ${percent(s)}`).join(' · ') }) : null,
    why(item),
    el('button', { type: 'button', class: 'ghost more', text: 'More like this',
      'aria-label': `More like ${item.title}`, onclick: () => onMore(item) }));
}

export function renderResults(list, items, onMore) {
  list.replaceChildren(...items.map((item) => card(item, onMore)));
}
