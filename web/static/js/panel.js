// The side panel: type legend (which is also the type filter, with counts for the view),
// the list of incidents in view, export links, and the loading / error states.

import { el, clear } from './dom.js';
import { TYPES } from './hash.js';
import { swatch, listItem } from './incident.js';
import { t, typeName, formatNumber } from './i18n.js';

/** overlaps reports whether an incident's date range meets [from, to] ('' = open). */
export function overlaps(p, from, to) {
  const a = p.date_from || p.date_to || '';
  const b = p.date_to || p.date_from || '';
  if (!a) return !from && !to;
  return (!to || a <= to) && (!from || b >= from);
}

/** countByType counts features per incident_type. */
export function countByType(features) {
  const counts = Object.fromEntries(TYPES.map((k) => [k, 0]));
  for (const f of features) {
    const k = TYPES.includes(f.properties.incident_type) ? f.properties.incident_type : 'other';
    counts[k] += 1;
  }
  return counts;
}

/**
 * renderLegend draws one row per type: a checkbox adds or removes the type, and the
 * type's name (a button) shows only that type, or every type again when it was the
 * only one. onToggle(type, checked) and onOnly(type) report the choices.
 */
export function renderLegend(fieldset, selected, counts, { onToggle, onOnly }) {
  for (const node of [...fieldset.children]) if (node.tagName !== 'LEGEND') node.remove();
  const only = selected && selected.length === 1 ? selected[0] : null;
  for (const type of TYPES) {
    const id = `type-${type}`;
    const name = typeName(type);
    const on = !selected || selected.includes(type);
    const box = el('input', {
      type: 'checkbox', id, value: type, checked: on, 'aria-label': name,
      onchange: (ev) => onToggle(type, ev.target.checked),
    });
    const n = counts ? counts[type] : null;
    const solo = el('button', {
      type: 'button', className: 'legend-only', 'aria-pressed': String(only === type),
      title: only === type ? t('legendAll') : t('legendOnly', { type: name }),
      onclick: () => onOnly(type),
    }, swatch(type), el('span', { className: 'legend-name' }, name));
    fieldset.append(el('div', { className: `legend-item${n === 0 ? ' zero' : ''}${on ? '' : ' off'}`, 'data-type': type },
      box, solo,
      el('span', { className: 'legend-count', 'aria-label': n === null ? '' : `(${n})` }, n === null ? '–' : formatNumber(n))));
  }
}

/** renderList fills the incident list in the order given (newest first from the API). */
export function renderList(ol, features, onShow, isFresh = () => false) {
  clear(ol);
  appendList(ol, features, onShow, isFresh);
}

/** appendList adds more entries at the end of the list. */
export function appendList(ol, features, onShow, isFresh = () => false) {
  const frag = document.createDocumentFragment();
  for (const f of features) frag.append(listItem(f, onShow, { fresh: isFresh(f) }));
  ol.append(frag);
}

/** markSelected highlights the list entry of incident id (or none). */
export function markSelected(ol, id) {
  for (const li of ol.querySelectorAll('.incident.selected')) li.classList.remove('selected');
  if (!id) return;
  const li = ol.querySelector(`.incident[data-id="${CSS.escape(String(id))}"]`);
  if (li) {
    li.classList.add('selected');
    li.scrollIntoView({ block: 'nearest' });
  }
}

/** Status shows loading and error states over the map. */
export class Status {
  constructor({ status, error, errorText, retry }, onRetry) {
    Object.assign(this, { status, error, errorText });
    this.pending = 0;
    retry.addEventListener('click', () => { this.clearError(); onRetry(); });
  }

  /** loading shows or hides the spinner; calls nest. */
  loading(on) {
    this.pending = Math.max(0, this.pending + (on ? 1 : -1));
    this.status.hidden = this.pending === 0;
    this.status.textContent = t('loading');
    document.body.classList.toggle('is-loading', this.pending > 0);
  }

  /** fail shows an error message (our own words plus the API's detail as text). */
  fail(key, err) {
    this.errorText.textContent = t(key, { msg: err?.message || String(err) });
    this.error.hidden = false;
  }

  /** clearError hides the error banner. */
  clearError() {
    this.error.hidden = true;
  }
}

/** setCount writes the number of incidents in view to the badge and the panel toggle. */
export function setCount(badge, toggle, n) {
  badge.textContent = formatNumber(n);
  toggle.dataset.count = formatNumber(n);
}

/** listNote shows a note under the list heading, or hides it when text is empty. */
export function listNote(p, text) {
  p.textContent = text;
  p.hidden = !text;
}
