// The "paste a report" form of the review panel: posts the text and its source to
// /api/ingest, says what was proposed, and shows API errors next to the field they name.

import { send, fieldOf, detailFrom } from './auth.js';
import { t, formatNumber } from './i18n.js';

const $ = (id) => document.getElementById(id);

// INPUTS maps the field names API errors use to the form's inputs ("source" alone means
// a title or URL is missing: shown under the title).
const INPUTS = {
  text: 'report-text', published: 'report-published', 'source.title': 'source-title',
  'source.url': 'source-url', 'source.publisher': 'source-publisher', source: 'source-title',
};

/** IngestForm wires #ingest-form; onResult(answer) gets the API's answer, onExpired() a 401/403. */
export class IngestForm {
  constructor({ onResult, onExpired }) {
    Object.assign(this, { onResult, onExpired });
    $('ingest-form').addEventListener('submit', (ev) => { ev.preventDefault(); this.#submit(); });
  }

  async #submit() {
    const v = (id) => $(id).value.trim();
    const body = {
      text: $('report-text').value, published: v('report-published'),
      source: { title: v('source-title'), url: v('source-url'), publisher: v('source-publisher') },
    };
    this.#errors();
    const button = $('ingest-submit');
    button.disabled = true;
    $('ingest-result').textContent = t('proposing');
    try {
      const res = await send('POST', '/api/ingest', { body });
      $('ingest-result').textContent = summary(res);
      if (!res.duplicate) $('ingest-form').reset();
      await this.onResult(res);
    } catch (err) {
      $('ingest-result').textContent = '';
      if (err.status === 401 || err.status === 403) { this.onExpired(); return; }
      const field = fieldOf(err.message, Object.keys(INPUTS));
      this.#errors(field, detailFrom(err.message, field));
    } finally {
      button.disabled = false;
    }
  }

  // errors clears every message, then shows msg next to field (or under the form).
  #errors(field = null, msg = '') {
    for (const id of new Set(Object.values(INPUTS))) {
      $(id).removeAttribute('aria-invalid');
      $(`${id}-err`).hidden = true;
    }
    $('ingest-error').hidden = true;
    if (!msg) return;
    const id = INPUTS[field];
    const p = id ? $(`${id}-err`) : $('ingest-error');
    p.textContent = msg;
    p.hidden = false;
    if (id) {
      $(id).setAttribute('aria-invalid', 'true');
      $(id).focus();
    }
  }

  /** reset empties the form's messages (on sign-out). */
  reset() {
    this.#errors();
    $('ingest-result').textContent = '';
  }
}

// summary says in words what ingesting a report did.
function summary(res) {
  const drafts = res.drafts || [];
  const proposed = res.proposed || [];
  const n = formatNumber(drafts.length);
  const parts = [res.duplicate ? t('ingestDuplicate', { n }) : drafts.length ? t('ingestResult', { n })
    : proposed.length ? '' : t('ingestNone')];
  if (proposed.length) parts.push(t('ingestProposed', { n: formatNumber(proposed.length) }));
  return parts.filter(Boolean).join(' ');
}
