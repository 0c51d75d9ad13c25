// One draft in the review queue: its card (type, dates, place, counts, the evidence
// sentence, the source) with publish / reject, and the actions' inline confirmation.
// Everything from the API, and so from the news text, is inserted as text.

import { el } from './dom.js';
import { colorOf, swatch, placeParts, sourceParts } from './incident.js';
import {
  t, typeName, precisionName, fieldName, formatDateRange, formatNumber,
} from './i18n.js';

/** COUNTS are the count properties; null means not reported. */
export const COUNTS = ['killed', 'injured', 'arrested'];

/** draftId returns the DOM id prefix of a draft's elements. */
export const draftId = (id) => `d${id}`;

function counts(p) {
  const parts = COUNTS.filter((k) => Number.isInteger(p[k]))
    .map((k) => `${fieldName(k)}: ${formatNumber(p[k])}`);
  return el('p', { className: 'draft-counts' }, parts.length ? parts.join(' · ') : `${t('countsLegend')}: ${t('notReported')}`);
}

function place(p) {
  if (p.geo_precision === 'country') return el('p', { className: 'draft-place unplaced' }, t('unplaced'));
  return el('p', { className: 'draft-place' },
    el('span', { dir: 'auto' }, placeParts(p)),
    el('span', { className: 'precision-tag' }, precisionName(p.geo_precision)));
}

function source(p) {
  const s = (p.sources || []).find((x) => x && (x.title || x.url || x.publisher));
  if (!s) return null;
  const [head, meta] = sourceParts(s);
  return el('p', { className: 'draft-source' }, head, meta ? el('span', { className: 'meta', dir: 'auto' }, ' — ', meta) : null);
}

function text(className, label, body, lang) {
  if (!body) return null;
  return el('div', { className },
    el('span', { className: 'draft-label' }, label),
    el('p', { lang, dir: 'auto' }, body));
}

/**
 * draftCard builds the list entry of draft f. handlers: onEdit(f), onPublish(f),
 * onReject(f) (called once the editor confirmed). editing says whether its editor is open.
 */
export function draftCard(f, { editing, onEdit, onPublish, onReject }) {
  const p = f.properties;
  const id = draftId(f.id);
  const li = el('li', {
    className: 'draft', id, 'data-id': f.id, 'data-type': p.incident_type, 'aria-labelledby': `${id}-title`,
  });
  li.style.setProperty('--tc', colorOf(p.incident_type));
  const confirmBox = el('div', { className: 'draft-confirm', hidden: true, role: 'group', 'aria-labelledby': `${id}-confirm` });
  const actions = el('div', { className: 'draft-actions' },
    el('button', {
      type: 'button', className: 'btn btn-small draft-edit', 'aria-expanded': String(Boolean(editing)),
      'aria-controls': `${id}-editor`, onclick: () => onEdit(f),
    }, editing ? t('closeEdit') : t('edit')),
    el('button', { type: 'button', className: 'btn btn-small btn-primary draft-publish', onclick: () => onPublish(f) }, t('publish')),
    el('button', {
      type: 'button', className: 'btn btn-small btn-danger draft-reject',
      onclick: () => { confirmBox.hidden = false; confirmBox.querySelector('.draft-reject-yes').focus(); },
    }, t('reject')));
  confirmBox.append(
    el('p', { id: `${id}-confirm` }, t('rejectConfirm')),
    el('button', { type: 'button', className: 'btn btn-small btn-danger draft-reject-yes', onclick: () => onReject(f) }, t('rejectYes')),
    el('button', {
      type: 'button', className: 'btn btn-small draft-reject-no',
      onclick: () => { confirmBox.hidden = true; actions.querySelector('.draft-reject').focus(); },
    }, t('cancel')));
  const parts = [
    el('h3', { className: 'draft-title', id: `${id}-title` },
      el('span', { className: 'type-chip' }, swatch(p.incident_type), typeName(p.incident_type)),
      el('time', { dateTime: p.date_from || '' }, formatDateRange(p)),
      el('span', { className: 'draft-num', 'aria-label': t('draftLabel', { id: f.id }) }, `#${f.id}`)),
    place(p),
    counts(p),
    text('draft-evidence', t('evidence'), p.summary_ar, 'ar'),
    text('draft-notes', t('notes'), p.summary_en, 'en'),
    source(p),
    actions,
    confirmBox,
    el('p', { className: 'draft-msg', id: `${id}-msg`, role: 'status', hidden: true })];
  li.append(...parts.filter(Boolean));
  return li;
}

/** say shows a message (our words, or an API detail as text) in a draft's card. */
export function say(li, message, isError = false) {
  const p = li?.querySelector('.draft-msg');
  if (!p) return;
  p.textContent = message;
  p.classList.toggle('is-error', isError);
  p.hidden = !message;
}

/**
 * discardBox asks before unsaved edits of draft id are thrown away: onDiscard() goes on,
 * onKeep() (also Escape) returns to the editor. Like the reject confirmation, it is part
 * of the page, not a browser dialog.
 */
export function discardBox(id, { onDiscard, onKeep }) {
  const labelId = `${draftId(id)}-discard`;
  const box = el('div', {
    className: 'draft-confirm discard-confirm', role: 'group', 'aria-labelledby': labelId,
    onkeydown: (ev) => { if (ev.key === 'Escape') { ev.preventDefault(); ev.stopPropagation(); onKeep(); } },
  },
  el('p', { id: labelId }, t('discardConfirm', { id })),
  el('button', { type: 'button', className: 'btn btn-small btn-danger discard-yes', onclick: onDiscard }, t('discardYes')),
  el('button', { type: 'button', className: 'btn btn-small discard-no', onclick: onKeep }, t('keepEditing')));
  return box;
}
