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
      this.#errors(field, sayForPeople(field, detailFrom(err.message, field)));
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

// PEOPLE maps what the server says about a field to what the page says: the server's
// words name the rule ("text: empty"), ours say what to do.
const PEOPLE = [
  ['text', /empty/, 'errTextEmpty'], ['text', /at most/, 'errTextLong'], ['text', /UTF-8/, 'errTextBad'],
  ['source', /required/, 'errSourceMissing'], ['source.url', /http/, 'errSourceURL'], ['published', /date/, 'errPublished'],
];

/** sayForPeople returns our words for an API error about field, or its own when we have none. */
export function sayForPeople(field, detail) {
  const hit = PEOPLE.find(([f, re]) => f === field && re.test(detail));
  return hit ? t(hit[2]) : t('actionError', { msg: detail });
}

// summary says in words what ingesting a report did: the drafts proposed, and the
// published incidents the report matched, by number (it is proposed as their source).
function summary(res) {
  const drafts = res.drafts || [];
  const proposed = res.proposed || [];
  const n = formatNumber(drafts.length);
  const parts = [];
  if (res.duplicate) parts.push(t('ingestDuplicate', { n }));
  else if (drafts.length) parts.push(t('ingestResult', { n }));
  else if (!proposed.length) parts.push(t('ingestNone'));
  if (proposed.length === 1) parts.push(t('ingestMatches', { id: proposed[0].id }));
  else if (proposed.length > 1) parts.push(t('ingestMatchesMany', { ids: proposed.map((c) => `#${c.id}`).join(', ') }));
  return parts.join(' ');
}
