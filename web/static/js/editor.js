// The form that edits one draft: type, dates, place (search box, or the pin on the map),
// counts and summaries. It turns its fields into a JSON merge patch of the feature and
// shows API errors next to the field they name.

import { el } from './dom.js';
import { TYPES } from './hash.js';
import { PlaceSearch } from './search.js';
import { COUNTS, draftId } from './draft.js';
import { NearbyOffer } from './nearby.js';
import {
  t, typeName, precisionName, datePrecisionName, fieldName, pick,
} from './i18n.js';

const DATE_PRECISIONS = ['day', 'range', 'month', 'year'];
const GEO_PRECISIONS = ['exact', 'neighbourhood', 'town', 'district', 'governorate', 'country'];
const KIND_PRECISION = {
  neighbourhood: 'neighbourhood', landmark: 'exact', village: 'town', town: 'town', city: 'town',
  subdistrict: 'district', district: 'district', region: 'district', governorate: 'governorate',
  country: 'country',
};

/** FIELDS are the properties the editor shows, which API errors may name. */
export const FIELDS = ['incident_type', 'date_from', 'date_to', 'date_precision', 'place_name_ar',
  'place_name_en', 'admin1_pcode', 'geo_precision', 'geometry', ...COUNTS, 'summary_ar', 'summary_en'];

const round = (n) => Number(n.toFixed(5));

function select(options, value) {
  const s = el('select', {});
  for (const [v, label] of options) s.append(el('option', { value: v, selected: v === (value ?? '') }, label));
  return s;
}

/**
 * DraftEditor edits feature f. governorates are the {pcode,name_en,name_ar} of the 14
 * governorates; onPoint(lat, lon) moves the pin; onSave(patch), onPublish(patch) and
 * onCancel() are the form's buttons; onSearchError reports a failed place search.
 * initial is the saved state to compare with (by default, f as given).
 */
export class DraftEditor {
  constructor(f, { governorates, onPoint, onSave, onPublish, onCancel, onSearchError, initial }) {
    Object.assign(this, { f, governorates, onPoint });
    this.prefix = draftId(f.id);
    this.point = [...f.geometry.coordinates];
    this.controls = {};
    this.errors = {};
    this.node = this.#build({ onSave, onPublish, onCancel }, onSearchError);
    this.initial = initial ?? JSON.stringify(this.patch());
  }

  /** dirty reports whether the fields differ from the last saved state. */
  dirty() {
    return JSON.stringify(this.patch()) !== this.initial;
  }

  /** markSaved records body (a patch the server accepted) as the saved state. */
  markSaved(body) {
    this.initial = JSON.stringify(body);
  }

  #field(name, label, control, ...extra) {
    const id = `${this.prefix}-${name}`;
    control.id = id;
    control.setAttribute('aria-describedby', `${id}-err`);
    const err = el('p', { className: 'field-error', id: `${id}-err`, hidden: true });
    this.controls[name] = control;
    this.errors[name] = err;
    return el('div', { className: `field field-${name}` }, el('label', { for: id }, label), control, ...extra, err);
  }

  #build({ onSave, onPublish, onCancel }, onSearchError) {
    const p = this.f.properties;
    const form = el('form', {
      className: 'draft-editor', id: `${this.prefix}-editor`, method: 'post', action: '#', noValidate: true,
      'aria-label': t('draftLabel', { id: this.f.id }),
    });
    form.addEventListener('submit', (ev) => { ev.preventDefault(); if (this.check()) onSave(this.patch()); });
    const from = el('input', { type: 'date', value: p.date_from || '' });
    const to = el('input', { type: 'date', value: p.date_to || '' });
    from.addEventListener('change', () => this.#datesChanged(true));
    to.addEventListener('change', () => this.#datesChanged(false));
    form.append(
      el('div', { className: 'field-row' },
        this.#field('incident_type', t('fieldType'), select(TYPES.map((k) => [k, typeName(k)]), p.incident_type)),
        this.#field('date_precision', t('fieldDatePrecision'),
          select([['', t('dateUnknownOpt')], ...DATE_PRECISIONS.map((k) => [k, datePrecisionName(k)])], p.date_precision))),
      el('div', { className: 'field-row' }, this.#field('date_from', t('from'), from), this.#field('date_to', t('to'), to)),
      this.#placeSet(onSearchError),
      this.#countSet(),
      this.#field('summary_ar', t('summaryAr'), el('textarea', { rows: 3, lang: 'ar', dir: 'rtl', value: p.summary_ar || '' })),
      this.#field('summary_en', t('summaryEn'), el('textarea', { rows: 2, lang: 'en', dir: 'ltr', value: p.summary_en || '' })),
      el('p', { className: 'field-error form-error', hidden: true, role: 'alert' }),
      el('div', { className: 'editor-actions' },
        el('button', { type: 'submit', className: 'btn draft-save' }, t('save')),
        el('button', {
          type: 'button', className: 'btn btn-primary draft-save-publish',
          onclick: () => { if (this.check()) onPublish(this.patch()); },
        }, t('publish')),
        el('button', { type: 'button', className: 'btn draft-cancel', onclick: onCancel }, t('cancel'))));
    return form;
  }

  #placeSet(onSearchError) {
    const p = this.f.properties;
    const input = el('input', {
      type: 'search', className: 'place-input', role: 'combobox', spellcheck: false, autocomplete: 'off',
      'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': `${this.prefix}-places`,
      placeholder: t('placeSearchPlaceholder'), id: `${this.prefix}-place-q`,
    });
    const list = el('ul', { id: `${this.prefix}-places`, role: 'listbox', className: 'search-results', hidden: true, 'aria-label': t('searchResults') });
    const box = el('div', { className: 'place-search' }, input, list);
    new PlaceSearch(box, input, list, {
      onPick: (place) => this.applyPlace(place), onError: onSearchError, idPrefix: `${this.prefix}-opt`,
    });
    // Enter in the search box searches; it must not submit (save) the draft.
    input.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Enter') return;
      const handled = ev.defaultPrevented;
      ev.preventDefault();
      if (!handled) box.dispatchEvent(new Event('submit', { cancelable: true }));
    });
    const govs = [...this.governorates].sort((a, b) => a.pcode.localeCompare(b.pcode))
      .map((g) => [g.pcode, pick(g, 'name').text]);
    this.coords = el('p', { className: 'coords', role: 'status' });
    this.moved = el('p', { className: 'hint moved', hidden: true }, t('pinMoved'));
    this.nearby = new NearbyOffer(this.prefix, (pl) => this.#useNames(pl));
    const set = el('fieldset', { className: 'place-set' },
      el('legend', {}, t('fieldPlace')),
      el('label', { for: input.id }, t('placeSearch')), box,
      el('div', { className: 'field-row' },
        this.#field('place_name_ar', t('placeAr'), el('input', { type: 'text', lang: 'ar', dir: 'rtl', value: p.place_name_ar || '' })),
        this.#field('place_name_en', t('placeEn'), el('input', { type: 'text', lang: 'en', dir: 'ltr', value: p.place_name_en || '' }))),
      el('div', { className: 'field-row' },
        this.#field('admin1_pcode', t('fieldGov'), select([['', '—'], ...govs], p.admin1_pcode)),
        this.#field('geo_precision', t('fieldGeoPrecision'), select(GEO_PRECISIONS.map((k) => [k, precisionName(k)]), p.geo_precision))),
      this.coords, this.moved, this.nearby.node, el('p', { className: 'hint' }, t('dragHint')));
    const geomErr = el('p', { className: 'field-error', id: `${this.prefix}-geometry-err`, hidden: true });
    this.errors.geometry = geomErr;
    this.controls.geometry = input;
    set.append(geomErr);
    this.#showPoint();
    return set;
  }

  #countSet() {
    const p = this.f.properties;
    const row = el('div', { className: 'field-row three' });
    for (const k of COUNTS) {
      row.append(this.#field(k, fieldName(k), el('input', {
        type: 'number', min: 0, step: 1, inputMode: 'numeric', placeholder: t('notReported'),
        value: Number.isInteger(p[k]) ? String(p[k]) : '',
      })));
    }
    return el('fieldset', { className: 'count-set' }, el('legend', {}, t('countsLegend')), row);
  }

  // #datesChanged keeps the precision true to the dates: a day's two dates are the same
  // (the server refuses "day" for a span of days), so dates set apart make it a range. A
  // start moved past the end takes the end along; an end set before the start is left for
  // the server to name.
  #datesChanged(fromMoved) {
    const { date_from: from, date_to: to, date_precision: prec } = this.controls;
    if (fromMoved && from.value && (!to.value || to.value < from.value)) to.value = from.value;
    if (from.value && !prec.value) prec.value = 'day';
    if (prec.value === 'day' && from.value !== to.value) prec.value = 'range';
  }

  #showPoint() {
    const [lon, lat] = this.point;
    this.coords.textContent = t('pinAt', { lat: lat.toFixed(4), lon: lon.toFixed(4) });
  }

  /** setPoint records a pin dragged to lat/lon; setReverse tells what is there. */
  setPoint(lat, lon) {
    this.point = [round(lon), round(lat)];
    if (this.controls.geo_precision.value === 'country') this.controls.geo_precision.value = 'town';
    this.moved.hidden = false;
    this.#showPoint();
    this.nearby.looking();
  }

  /**
   * setReverse takes the /api/reverse answer for the pin (null: outside Syria): it sets
   * the governorate and offers the nearest places' names, which the editor may take.
   */
  setReverse(rev) {
    this.controls.admin1_pcode.value = rev?.governorate?.pcode || '';
    const [lon, lat] = this.point;
    this.nearby.show(rev, lat, lon);
  }

  /** reverseFailed says the lookup at the pin failed; the fields stay as they are. */
  reverseFailed(msg) {
    this.nearby.fail(msg);
  }

  #useNames(pl) {
    this.controls.place_name_ar.value = pl.name_ar || '';
    this.controls.place_name_en.value = pl.name_en || '';
  }

  /** applyPlace takes a place from /api/places or /api/geocode: names, governorate, pin. */
  applyPlace(pl) {
    const c = this.controls;
    c.place_name_ar.value = pl.name_ar || '';
    c.place_name_en.value = pl.name_en || '';
    c.admin1_pcode.value = pl.admin1_pcode || '';
    c.geo_precision.value = GEO_PRECISIONS.includes(pl.precision) ? pl.precision : (KIND_PRECISION[pl.kind] || 'town');
    this.point = [round(pl.lon), round(pl.lat)];
    this.moved.hidden = true;
    this.nearby.hide();
    this.#showPoint();
    this.onPoint(pl.lat, pl.lon);
  }

  /** check validates the counts here (whole numbers ≥ 0 or empty); false shows errors. */
  check() {
    this.clearErrors();
    let ok = true;
    for (const k of COUNTS) {
      const c = this.controls[k];
      const n = Number(c.value);
      if (c.validity.badInput || (c.value !== '' && (!Number.isInteger(n) || n < 0))) {
        this.showError(k, t('countInvalid'));
        ok = false;
      }
    }
    return ok;
  }

  /** patch returns the merge patch of the feature the fields describe (null = unknown). */
  patch() {
    const c = this.controls;
    const from = c.date_from.value || null;
    const to = c.date_to.value || from;
    const gov = this.governorates.find((g) => g.pcode === c.admin1_pcode.value);
    const props = {
      incident_type: c.incident_type.value, date_from: from, date_to: to,
      date_precision: c.date_precision.value || null, place_name_ar: c.place_name_ar.value.trim(),
      place_name_en: c.place_name_en.value.trim(), admin1_pcode: c.admin1_pcode.value,
      admin1_name: gov ? gov.name_en : '', geo_precision: c.geo_precision.value,
      summary_ar: c.summary_ar.value.trim(), summary_en: c.summary_en.value.trim(),
    };
    for (const k of COUNTS) props[k] = c[k].value === '' ? null : Number(c[k].value);
    return { geometry: { type: 'Point', coordinates: this.point }, properties: props };
  }

  /** showError shows message next to field (or under the form when it names none). */
  showError(field, message) {
    const err = this.errors[field] || this.node.querySelector('.form-error');
    err.textContent = message;
    err.hidden = false;
    const c = this.controls[field];
    if (c) {
      c.setAttribute('aria-invalid', 'true');
      c.focus();
    }
  }

  /**
   * showConflict says, in the form, that someone else saved the draft since it was
   * opened here (message), with a button (label) that runs onReload.
   */
  showConflict(message, label, onReload) {
    this.node.querySelector('.conflict')?.remove();
    const box = el('div', { className: 'draft-confirm conflict', role: 'alert' },
      el('p', {}, message),
      el('button', { type: 'button', className: 'btn btn-small btn-primary conflict-reload', onclick: onReload }, label));
    this.node.querySelector('.editor-actions').before(box);
    box.querySelector('.conflict-reload').focus();
  }

  /** clearErrors hides every error message. */
  clearErrors() {
    for (const e of this.node.querySelectorAll('.field-error')) { e.hidden = true; e.textContent = ''; }
    for (const c of this.node.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
  }
}
