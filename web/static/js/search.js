// Place search: an ARIA combobox that autocompletes from /api/places?q= and hands the
// chosen place to onPick. Enter without a suggestion falls back to /api/geocode?q=.

import { el, clear } from './dom.js';
import { Channel, getJSON } from './api.js';
import { t, pick } from './i18n.js';
import { governorateName } from './incident.js';

const KIND_ZOOM = { governorate: 8, district: 10, subdistrict: 11, city: 12, town: 13, village: 14, neighbourhood: 15 };

/** zoomFor returns a sensible zoom level for a place kind. */
export const zoomFor = (kind) => KIND_ZOOM[kind] ?? 13;

/**
 * PlaceSearch wires the search form; onPick(place) receives {name_en, name_ar, lat, lon, kind}.
 * idPrefix names the option elements (unique per page when several searches exist).
 */
export class PlaceSearch {
  constructor(form, input, listbox, { onPick, onError, idPrefix = 'place-opt' }) {
    Object.assign(this, { form, input, listbox, onPick, onError, idPrefix });
    this.channel = new Channel();
    this.places = [];
    this.active = -1;
    this.timer = null;
    input.addEventListener('input', () => this.#schedule());
    input.addEventListener('keydown', (ev) => this.#key(ev));
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    form.addEventListener('submit', (ev) => { ev.preventDefault(); this.#submit(); });
  }

  #schedule() {
    clearTimeout(this.timer);
    const q = this.input.value.trim();
    if (q.length < 2) { this.channel.abort(); this.close(); return; }
    this.timer = setTimeout(() => this.#suggest(q), 180);
  }

  async #suggest(q) {
    try {
      const body = await this.channel.get(`/api/places?q=${encodeURIComponent(q)}&limit=8`);
      if (body === null || this.input.value.trim() !== q) return;
      this.places = body.places || [];
      this.#render();
    } catch (err) {
      this.onError(err);
    }
  }

  #render() {
    clear(this.listbox);
    this.active = -1;
    if (!this.places.length) {
      this.listbox.append(el('li', { className: 'empty', role: 'option', 'aria-disabled': 'true' }, t('searchNone')));
    }
    for (const [i, p] of this.places.entries()) {
      const name = pick(p, 'name');
      const alt = name.lang === 'ar' ? p.name_en : p.name_ar;
      const other = alt && alt !== name.text ? alt : '';
      this.listbox.append(el('li', {
        id: `${this.idPrefix}-${i}`, role: 'option', 'aria-selected': 'false', 'data-index': i,
        onmousedown: (ev) => { ev.preventDefault(); this.choose(i); },
      },
      el('span', { className: 'opt-name', dir: 'auto' }, name.text),
      el('span', { className: 'opt-meta', dir: 'auto' }, [other, governorateName(p), p.kind].filter(Boolean).join(' · '))));
    }
    this.listbox.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  #key(ev) {
    const n = this.places.length;
    if (ev.key === 'Escape') { this.close(); return; }
    if (!n || this.listbox.hidden) return;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      this.active = (this.active + (ev.key === 'ArrowDown' ? 1 : n - 1)) % n;
      for (const li of this.listbox.children) {
        li.setAttribute('aria-selected', String(Number(li.dataset.index) === this.active));
      }
      this.input.setAttribute('aria-activedescendant', `${this.idPrefix}-${this.active}`);
    } else if (ev.key === 'Enter' && this.active >= 0) {
      ev.preventDefault();
      this.choose(this.active);
    }
  }

  async #submit() {
    const q = this.input.value.trim();
    if (!q) return;
    if (this.places.length && !this.listbox.hidden) { this.choose(Math.max(0, this.active)); return; }
    try {
      const g = await getJSON(`/api/geocode?q=${encodeURIComponent(q)}`);
      this.onPick(g);
    } catch (err) {
      this.onError(err);
    }
  }

  /** choose picks suggestion i. */
  choose(i) {
    const p = this.places[i];
    if (!p) return;
    this.input.value = pick(p, 'name').text;
    this.close();
    this.onPick(p);
  }

  /** close hides the suggestions. */
  close() {
    this.listbox.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }
}
