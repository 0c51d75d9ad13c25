// What is at the draft's pin after it moved, from GET /api/reverse: the governorate, and
// the nearest named places offered as buttons. Names are only ever applied when the
// editor picks one, so nothing typed into the name fields is overwritten behind their back.

import { el } from './dom.js';
import { governorateName } from './incident.js';
import { t, pick, formatNumber } from './i18n.js';

const OFFERED = 3;
const EARTH_KM = 6371;

/** distanceKm returns the great-circle distance between two lat/lon points in km. */
export function distanceKm(lat1, lon1, lat2, lon2) {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

const km = (d) => formatNumber(d < 10 ? Math.round(d * 10) / 10 : Math.round(d));

/**
 * NearbyOffer is the box under the pin's coordinates. onUse(place) applies a place's
 * names; node is its element (hidden until the pin moves).
 */
export class NearbyOffer {
  constructor(prefix, onUse) {
    this.onUse = onUse;
    this.note = el('p', { className: 'nearby-note', id: `${prefix}-nearby-note`, role: 'status' });
    this.list = el('div', { className: 'nearby-places' });
    this.node = el('div', {
      className: 'nearby', id: `${prefix}-nearby`, role: 'group', hidden: true,
      'aria-labelledby': `${prefix}-nearby-note`,
    }, this.note, this.list);
  }

  /** looking says the lookup is under way. */
  looking() {
    this.#say(t('nearbyLooking'), []);
  }

  /**
   * show describes reverse answer rev for the pin at lat/lon (rev null: outside Syria)
   * and offers its nearest places.
   */
  show(rev, lat, lon) {
    if (!rev) { this.#say(t('nearbyOutside'), [], true); return; }
    // The governorate's name from the page's one table, as everywhere else on the page.
    const gov = rev.governorate ? governorateName({ admin1_pcode: rev.governorate.pcode, admin1_name: pick(rev.governorate, 'name').text }) : '';
    const lines = [];
    if (rev.outside_km > 0) lines.push(t('nearbyBorder', { km: km(rev.outside_km), name: gov }));
    else if (gov) lines.push(t('nearbyGov', { name: gov }));
    const places = (rev.nearest || []).filter((p) => p.name_ar || p.name_en).slice(0, OFFERED);
    if (places.length) lines.push(t('nearbyOffer'));
    this.#say(lines.join(' '), places.map((p) => this.#button(p, distanceKm(lat, lon, p.lat, p.lon))), rev.outside_km > 0);
  }

  /** fail reports a failed lookup. */
  fail(msg) {
    this.#say(t('nearbyError', { msg }), [], true);
  }

  /** hide removes the offer (a place was picked from the search box). */
  hide() {
    this.node.hidden = true;
    this.list.replaceChildren();
  }

  #say(text, buttons, warn = false) {
    this.note.textContent = text;
    this.note.classList.toggle('is-warning', warn);
    this.list.replaceChildren(...buttons);
    this.node.hidden = false;
  }

  #button(p, d) {
    const names = [p.name_en, p.name_ar].filter(Boolean);
    const label = `${names.join(' · ')} (${t('kmAway', { km: km(d) })})`;
    return el('button', {
      type: 'button', className: 'btn btn-small nearby-use', 'data-place-id': p.id,
      'aria-label': t('nearbyUse', { name: names.join(' / '), km: km(d) }),
      onclick: () => {
        this.onUse(p);
        this.#say(t('nearbyUsed', { name: names.join(' / ') }), []);
      },
    }, el('span', { dir: 'auto' }, label));
  }
}
