// Wires the page: search-as-you-type, the genre mixer, results and "more like this".
import { api, LiveSearch } from './api.js';
import { Mixer, picker } from './mixer.js';
import { renderResults } from './results.js';
import { debounce, percent } from './dom.js';

const $ = (id) => document.getElementById(id);
const q = $('q');
const type = $('type');
const statusEl = $('status');
const results = $('results');
const PAGE = 20;
const kinds = new Map(); // seq -> 'text' | 'mix'
// what the browser tests and the benchmark harness read
const probe = window.__discovery = { lastInputAt: 0, renders: [] };

function status(text, cls = '') {
  statusEl.className = cls;
  statusEl.textContent = text;
}

function describe(parsed) {
  if (!parsed) return '';
  if (parsed.mode === 'genre') {
    const mix = Object.entries(parsed.genres || {}).map(([g, w]) => `${g} ${percent(w)}`).join(' + ');
    const no = parsed.excluded?.length ? `, without ${parsed.excluded.join(', ')}` : '';
    return `mix of ${mix}${no}`;
  }
  if (parsed.mode === 'similar') return parsed.seed?.item ? 'items like the one you picked' : `like “${[parsed.seed?.track, parsed.seed?.artist].filter(Boolean).join(' by ')}”`;
  return `keywords “${parsed.text}”`;
}

function show(result, seq, label) {
  results.removeAttribute('aria-busy');
  results.dataset.seq = String(seq);
  renderResults(results, result.items, moreLike);
  const n = result.items.length;
  const partial = result.degraded?.length ? ' (partial: some sources are unavailable)' : '';
  status(n ? `${n}${result.page?.next ? '+' : ''} results — ${label}${partial}` : `No results for ${label}. Try fewer genres or other words.`,
    n ? '' : 'empty');
  probe.renders.push({ seq, q: kinds.get(seq) === 'text' ? probe.sentText.get(seq) : null, at: performance.now() });
}

const live = new LiveSearch({
  onTransport: (t) => { document.body.dataset.transport = t; $('transport').textContent = t === 'websocket' ? 'Live results as you type' : 'Live results (HTTP)'; },
  onResult: (result, seq) => {
    if (kinds.get(seq) === 'text') mixer.showParsed(result.parsed?.mode === 'genre' ? result.parsed : null);
    show(result, seq, kinds.get(seq) === 'mix' ? `your mix (${describe({ mode: 'genre', genres: normalised(mixer.mix()), excluded: [...mixer.excluded] })})` : describe(result.parsed));
  },
  onError: (e) => {
    results.removeAttribute('aria-busy');
    status(e.status === 429 ? `Slow down a little: retry in ${e.retryAfter || 1} s.` : `Search failed: ${e.message}`, 'error');
  },
});
probe.live = live;
probe.sentText = new Map();

function normalised(mix) {
  const sum = Object.values(mix || {}).reduce((a, b) => a + b, 0) || 1;
  return Object.fromEntries(Object.entries(mix || {}).map(([g, w]) => [g, w / sum]));
}

function loading() {
  results.setAttribute('aria-busy', 'true');
  status('Searching…', 'loading');
}

function searchText() {
  const text = q.value.trim();
  if (!text) return;
  loading();
  const seq = live.send({ q: text, type: type.value, limit: PAGE });
  kinds.set(seq, 'text');
  probe.sentText.set(seq, text);
}

function searchMix() {
  const mix = mixer.mix();
  if (!mix) { status('Give at least one genre some weight.', 'empty'); return; }
  loading();
  kinds.set(live.send({ genres: mix, exclude: [...mixer.excluded], type: type.value, limit: PAGE }), 'mix');
}

const mixer = new Mixer({ chips: $('chips'), excluded: $('excluded'), preview: $('mix-preview'),
  onChange: debounce(searchMix, 60) });
probe.mixer = mixer;

async function moreLike(item) {
  const seq = live.claim();
  loading();
  try {
    const result = await api.similar(item, type.value, PAGE);
    if (live.accept(seq)) show(result, seq, `more like “${item.title}”`);
  } catch (e) {
    if (live.accept(seq)) status(`Could not load similar items: ${e.message}`, 'error');
  }
  results.focus();
}

const typed = debounce(searchText, 40);
q.addEventListener('input', () => { probe.lastInputAt = performance.now(); typed(); });
$('search').addEventListener('submit', (e) => { e.preventDefault(); searchText(); });
type.addEventListener('change', () => (mixer.empty || kinds.get(live.seq) === 'text' ? searchText() : searchMix()));

picker($('add-genre'), $('add-genre-list'), (t) => mixer.suggest(t), (g) => mixer.add(g));
picker($('exclude-genre'), $('exclude-genre-list'), (t) => mixer.suggest(t), (g) => mixer.exclude(g));
api.genres().then((v) => { mixer.vocabulary = v.genres; document.body.dataset.vocabulary = String(v.genres.length); })
  .catch(() => { $('mixer-hint').textContent = 'The genre list could not be loaded; you can still search by text.'; });

const initial = new URLSearchParams(location.search).get('q');
if (initial) { q.value = initial; searchText(); }
q.focus();
