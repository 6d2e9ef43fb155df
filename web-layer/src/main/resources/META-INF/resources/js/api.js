// The public JSON API and search-as-you-type over one WebSocket, with an HTTP fallback.

export class ApiFailure extends Error {
  constructor(status, body) {
    super(body?.error?.message || `HTTP ${status}`);
    this.status = status;
    this.code = body?.error?.code;
    this.retryAfter = body?.retryAfter;
  }
}

async function json(res) {
  let body = null;
  try { body = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) throw new ApiFailure(res.status, body);
  return body;
}

export const api = {
  genres: () => fetch('/api/v1/genres').then(json),
  search: ({ q, type, limit }, signal) =>
    fetch(`/api/v1/search?${new URLSearchParams({ q, type, limit })}`, { signal }).then(json),
  discover: ({ genres, exclude, type, limit }, signal) => fetch('/api/v1/discover', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, signal,
    body: JSON.stringify({ genres, exclude, type, limit }),
  }).then(json),
  similar: (item, type, limit) =>
    fetch(`/api/v1/items/${item.type}/${item.id}/similar?${new URLSearchParams({ type, limit })}`).then(json),
};

/**
 * Every request gets a sequence number; an answer is shown only if it is newer than the one on screen, so a slow
 * reply to an old keystroke never overwrites the results of a newer one. One WebSocket per page; when it cannot be
 * opened (or drops) the same requests go over HTTP until a reconnect succeeds.
 */
export class LiveSearch {
  constructor({ onResult, onError, onTransport, url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/live` }) {
    Object.assign(this, { onResult, onError, onTransport, url });
    this.seq = 0;
    this.shown = 0;
    this.stats = { sent: 0, shown: 0, discarded: 0 };
    this.queued = null;
    this.retryMs = 2000;
    this.http = new AbortController();
    this.connect();
  }

  connect() {
    let ws;
    try { ws = new WebSocket(this.url); } catch { this.fallback(); return; }
    this.ws = ws;
    ws.onopen = () => {
      this.retryMs = 2000;
      this.onTransport('websocket');
      if (this.queued) { ws.send(JSON.stringify(this.queued)); this.queued = null; }
    };
    ws.onmessage = (ev) => this.receive(JSON.parse(ev.data));
    ws.onclose = () => { if (this.ws === ws) this.fallback(); };
  }

  fallback() {
    this.ws = null;
    this.onTransport('http');
    if (this.queued) { const q = this.queued; this.queued = null; this.overHttp(q); }
    setTimeout(() => this.connect(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, 60000);
  }

  /** A new sequence number for a request made elsewhere (e.g. "more like this"), so older replies are dropped. */
  claim() {
    this.seq += 1;
    return this.seq;
  }

  /** Whether an answer to request `seq` may replace what is on screen (and, if so, records it as shown). */
  accept(seq) {
    if (seq <= this.shown) { this.stats.discarded += 1; return false; }
    this.shown = seq;
    this.stats.shown += 1;
    return true;
  }

  send(payload) {
    const message = { seq: this.claim(), ...payload };
    this.stats.sent += 1;
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
    else if (this.ws?.readyState === WebSocket.CONNECTING) this.queued = message;
    else this.overHttp(message);
    return message.seq;
  }

  receive(msg) {
    if (msg.superseded) return;
    if (!this.accept(msg.seq)) return;
    if (msg.error) this.onError(new ApiFailure(msg.error.code === 'rate_limited' ? 429 : 400,
      { error: msg.error, retryAfter: msg.retryAfter }), msg.seq);
    else this.onResult(msg.result, msg.seq, msg.requestId);
  }

  async overHttp({ seq, ...payload }) {
    this.http.abort(); // only the newest HTTP request matters
    this.http = new AbortController();
    try {
      const result = payload.genres ? await api.discover(payload, this.http.signal) : await api.search(payload, this.http.signal);
      if (this.accept(seq)) this.onResult(result, seq, null);
    } catch (e) {
      if (e.name !== 'AbortError' && this.accept(seq)) this.onError(e, seq);
    }
  }
}
