// The filters card: words in summaries and place names, governorate, district and a
// minimum of killed. Each is part of the view's state (and so of the permalink) and is
// sent to every endpoint alike: items, counts, histogram, choropleth and exports.

import { el } from './dom.js';
import { t, pick } from './i18n.js';

const $ = (id) => document.getElementById(id);
const TYPE_DELAY = 450; // ms after the last keystroke before words are searched

/** searchable reports whether q has a word the server can search (3 letters or more). */
export const searchable = (q) => q.split(/\s+/).some((w) => [...w.replace(/["\u064B-\u0652\u0640]/g, '')].length >= 3);

/**
 * Filters wires the card to state (gov, district, killed, q). districts() lists the
 * district outlines' properties {pcode, name_en, name_ar, admin1_pcode} (none until
 * they are loaded); onChange() runs after any filter changed; onError(msg) shows why a
 * value cannot be used ('' clears it).
 */
export class Filters {
  constructor({ state, governorates, districts, onChange, onError }) {
    Object.assign(this, { state, governorates, districts, onChange, onError });
    this.timer = null;
    $('filter-q').addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.#takeWords(), TYPE_DELAY);
    });
    $('filters-form').addEventListener('submit', (ev) => { ev.preventDefault(); clearTimeout(this.timer); this.#takeWords(); });
    $('filter-gov').addEventListener('change', (ev) => this.set({ gov: ev.target.value }));
    $('filter-district').addEventListener('change', (ev) => this.set({ district: ev.target.value }));
    $('filter-killed').addEventListener('change', (ev) => {
      const n = Number(ev.target.value);
      this.set({ killed: Number.isInteger(n) && n > 0 ? Math.min(n, 1000000) : 0 });
    });
    $('filters-clear').addEventListener('click', () => this.set({ gov: '', district: '', killed: 0, q: '' }));
  }

  #takeWords() {
    const q = $('filter-q').value.trim();
    if (q && !searchable(q)) { this.onError(t('filterTextShort')); return; }
    this.onError('');
    if (q !== this.state.q) this.set({ q });
  }

  /** set changes some filters, shows them, and (unless go is false) applies them. */
  set(changes, go = true) {
    const s = this.state;
    const before = [s.gov, s.district, s.killed, s.q].join('|');
    Object.assign(s, changes);
    const d = this.districts().find((x) => x.pcode === s.district);
    if (changes.district && d) s.gov = d.admin1_pcode || s.gov;
    else if (s.district && (!d || (s.gov && d.admin1_pcode !== s.gov))) s.district = ''; // a district of another governorate
    this.show();
    if (go && before !== [s.gov, s.district, s.killed, s.q].join('|')) this.onChange();
  }

  /** fill lists the governorates and districts in the selects. */
  fill() {
    const gov = $('filter-gov');
    gov.replaceChildren(el('option', { value: '' }, t('allGovs')),
      ...this.governorates().map((g) => el('option', { value: g.pcode }, pick(g, 'name').text || g.pcode))
        .sort((a, b) => a.textContent.localeCompare(b.textContent)));
    this.show();
  }

  /** show writes the state into the inputs. */
  show() {
    const s = this.state;
    $('filter-gov').value = s.gov || '';
    const all = this.districts();
    const mine = all.filter((d) => !s.gov || d.admin1_pcode === s.gov);
    $('filter-district').replaceChildren(el('option', { value: '' }, t('allDistricts')),
      ...mine.map((d) => el('option', { value: d.pcode }, pick(d, 'name').text || d.pcode))
        .sort((a, b) => a.textContent.localeCompare(b.textContent)));
    $('filter-district').value = s.district || '';
    $('filter-district-field').hidden = all.length === 0;
    for (const r of document.querySelectorAll('input[name="show"][value="districts"]')) r.disabled = all.length === 0;
    $('filter-killed').value = s.killed ? String(s.killed) : '';
    if (document.activeElement !== $('filter-q')) $('filter-q').value = s.q || '';
    document.body.classList.toggle('has-filters', Boolean(s.gov || s.district || s.killed || s.q));
  }

  /** relabel lists the names again in the interface's language. */
  relabel() {
    this.fill();
  }
}
