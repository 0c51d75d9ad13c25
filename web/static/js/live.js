// Live updates: the server's /api/events stream says when the data changed, and the page
// redraws the view without a reload. Where the stream is refused (the server has as many
// listeners as it takes) or unsupported, the page asks every POLL_MS instead whether the
// items' ETag moved.

const EVENTS = '/api/events';
const POLL_MS = 20000;

/**
 * Live calls onChange(version) whenever the data version moves after the first one heard.
 * probeURL() gives a cheap URL whose ETag follows the data, for the polling fallback.
 */
export class Live {
  constructor({ onChange, probeURL }) {
    Object.assign(this, { onChange, probeURL });
    this.version = null;
    this.etag = null;
    this.#connect();
  }

  #heard(v) {
    if (this.version !== null && v !== this.version) this.onChange(v);
    this.version = v;
    document.body.dataset.version = String(v);
  }

  #connect() {
    if (typeof EventSource === 'undefined') { this.#poll(); return; }
    const es = new EventSource(EVENTS);
    es.addEventListener('version', (ev) => {
      try { this.#heard(JSON.parse(ev.data).version); } catch { /* a malformed event: wait for the next */ }
    });
    es.addEventListener('error', () => {
      // The browser reconnects by itself after the server's retry delay, unless the
      // server refused the stream outright: then poll.
      if (es.readyState === EventSource.CLOSED) this.#poll();
    });
    this.es = es;
  }

  #poll() {
    if (this.timer) return;
    this.timer = setInterval(async () => {
      try {
        const res = await fetch(this.probeURL(), { method: 'HEAD', cache: 'no-store' });
        const tag = res.headers.get('ETag');
        const v = /(\d+)-[0-9a-f]+"?$/.exec(tag || '')?.[1]; // W/"p123-hash": the public version
        if (v) this.#heard(Number(v));
      } catch { /* offline for now: try again at the next tick */ }
    }, POLL_MS);
  }
}
