// The side list: the view's incidents, newest first, a page at a time. "Show more" (or
// scrolling to it) shows the next page: from the incidents already fetched when the map
// drew them as points, or from the API's next link when it drew counted cells.

import { getJSON, nextLink } from './api.js';
import { appendList, renderList } from './panel.js';

/** ListView fills ol; more is its "Show more" button. */
export class ListView {
  constructor(ol, more, { onShow, isFresh, pageSize }) {
    Object.assign(this, { ol, more, onShow, isFresh, pageSize });
    this.local = [];
    this.shown = 0;
    this.next = null;
    this.gen = 0;
    this.loading = false;
    more.addEventListener('click', () => this.showMore());
    if ('IntersectionObserver' in window) {
      new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting) && !this.loading) this.showMore();
      }, { root: ol.closest('.panel'), rootMargin: '200px' }).observe(more);
    }
  }

  /** set lists features (all of the view when next is null, else its first page before next). */
  set(features, next) {
    this.gen += 1;
    this.local = features;
    this.next = next;
    this.shown = Math.min(this.pageSize, features.length);
    renderList(this.ol, features.slice(0, this.shown), this.onShow, this.isFresh);
    this.#more();
  }

  /** showMore lists the next page. */
  async showMore() {
    if (this.shown < this.local.length) {
      const page = this.local.slice(this.shown, this.shown + this.pageSize);
      this.shown += page.length;
      appendList(this.ol, page, this.onShow, this.isFresh);
      this.#more();
      return;
    }
    if (!this.next || this.loading) return;
    const gen = this.gen;
    this.loading = true;
    try {
      const u = new URL(this.next, location.origin);
      const fc = await getJSON(`${u.pathname}${u.search}`);
      if (gen !== this.gen) return;
      const got = fc.features || [];
      this.local = this.local.concat(got);
      this.shown += got.length;
      appendList(this.ol, got, this.onShow, this.isFresh);
      this.next = nextLink(fc);
    } catch {
      this.next = null; // the button goes; the view's next refresh lists again
    } finally {
      this.loading = false;
      this.#more();
    }
  }

  #more() {
    this.more.hidden = !(this.shown < this.local.length || this.next);
    document.body.dataset.listed = String(this.shown);
  }

  /** relabel lists the shown incidents again (after the language or the names changed). */
  relabel() {
    renderList(this.ol, this.local.slice(0, this.shown), this.onShow, this.isFresh);
  }

  /** find returns a listed incident by id. */
  find(id) {
    return this.local.find((f) => String(f.id) === String(id)) || null;
  }
}
