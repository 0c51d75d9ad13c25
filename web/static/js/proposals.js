// The proposed sources of the review panel: reports ingestion found restating a published
// incident. Nothing public changes until an editor accepts one (the report joins the
// incident's sources) or rejects it. Everything from the API is inserted as text.

import { el } from './dom.js';
import { send } from './auth.js';
import { colorOf, swatch, placeParts, sourceParts } from './incident.js';
import { t, typeName, formatDateRange, formatNumber } from './i18n.js';

const PROPOSALS = '/api/proposals';

/**
 * Proposals runs the "Proposed sources" section, built into parent. onAccepted() runs
 * after an accept changed the public map; onExpired() on a 401 or 403.
 */
export class Proposals {
  constructor(parent, { onAccepted, onExpired }) {
    Object.assign(this, { onAccepted, onExpired });
    this.items = [];
    this.count = el('span', { className: 'count-badge', id: 'proposals-count' }, '0');
    this.status = el('p', { className: 'result', id: 'proposals-status', role: 'status' });
    this.error = el('p', { className: 'field-error', id: 'proposals-error', role: 'alert', hidden: true });
    this.empty = el('p', { className: 'hint', id: 'proposals-empty', hidden: true }, t('proposalsEmpty'));
    // The API answers a page of proposals at a time (an ingest token may propose without end):
    // the first page is shown, and the next once it is all resolved.
    this.more = false;
    this.moreNote = el('p', { className: 'hint', id: 'proposals-more', hidden: true }, t('proposalsMore'));
    this.list = el('ol', { className: 'draft-list', id: 'proposal-list' });
    this.title = el('span', {}, t('proposalsHeading'));
    this.hint = el('p', { className: 'hint' }, t('proposalsHint'));
    this.heading = el('h2', { id: 'proposals-heading', tabIndex: -1 }, this.title, ' ', this.count);
    this.node = el('section', { className: 'card', id: 'proposals', 'aria-labelledby': 'proposals-heading' },
      el('div', { className: 'card-head' }, this.heading), this.hint, this.status, this.error, this.empty, this.list, this.moreNote);
    parent.append(this.node);
  }

  /** relabel redraws the section in the new language. */
  relabel() {
    this.title.textContent = t('proposalsHeading');
    this.hint.textContent = t('proposalsHint');
    this.empty.textContent = t('proposalsEmpty');
    this.moreNote.textContent = t('proposalsMore');
    this.render();
  }

  /** load fetches the pending proposals and redraws them. */
  async load() {
    this.error.hidden = true;
    try {
      const page = await send('GET', PROPOSALS);
      this.items = page.proposals || [];
      this.more = (page.links || []).some((l) => l.rel === 'next');
      this.render();
    } catch (err) {
      if (err.status === 401 || err.status === 403) { this.onExpired(); return; }
      this.error.textContent = t('proposalsError', { msg: err.message });
      this.error.hidden = false;
    }
  }

  /** clear forgets what was loaded (on sign-out). */
  clear() {
    this.items = [];
    this.more = false;
    this.render();
    this.status.textContent = '';
  }

  render() {
    this.list.replaceChildren(...this.items.map((p) => this.#card(p)));
    this.count.textContent = formatNumber(this.items.length) + (this.more ? '+' : '');
    this.empty.hidden = this.items.length > 0 || this.more;
    this.moreNote.hidden = !this.more;
  }

  #card(p) {
    const f = p.incident || { properties: {} };
    const props = f.properties;
    const id = `p${p.id}`;
    const li = el('li', { className: 'draft proposal', id, 'data-id': p.id, 'aria-labelledby': `${id}-title` });
    li.style.setProperty('--tc', colorOf(props.incident_type));
    const [head, meta] = sourceParts(p.source);
    const msg = el('p', { className: 'draft-msg', role: 'status', hidden: true });
    li.append(
      el('h3', { className: 'draft-title', id: `${id}-title` },
        el('span', { className: 'type-chip' }, swatch(props.incident_type), typeName(props.incident_type)),
        el('time', { dateTime: props.date_from || '' }, formatDateRange(props)),
        el('span', { className: 'draft-num' }, `#${p.incident_id}`)),
      el('p', { className: 'draft-place' }, el('span', { dir: 'auto' }, placeParts(props))),
      el('div', { className: 'draft-evidence' },
        el('span', { className: 'draft-label' }, t('proposedSource')),
        el('p', { className: 'draft-source' }, head, meta ? el('span', { className: 'meta', dir: 'auto' }, ' — ', meta) : null)),
      el('div', { className: 'draft-actions' },
        el('button', { type: 'button', className: 'btn btn-small btn-primary proposal-accept', onclick: () => this.#resolve(p, 'accept', msg) }, t('acceptSource')),
        el('button', { type: 'button', className: 'btn btn-small btn-danger proposal-reject', onclick: () => this.#resolve(p, 'reject', msg) }, t('rejectSource'))),
      msg);
    return li;
  }

  async #resolve(p, verb, msg) {
    try {
      await send('POST', `${PROPOSALS}/${p.id}/${verb}`);
    } catch (err) {
      if (err.status === 401 || err.status === 403) { this.onExpired(); return; }
      if (err.status !== 404) {
        msg.textContent = t('actionError', { msg: err.message });
        msg.classList.add('is-error');
        msg.hidden = false;
        return;
      }
    }
    this.items = this.items.filter((x) => x.id !== p.id);
    this.render();
    this.status.textContent = t(verb === 'accept' ? 'acceptedNote' : 'rejectedSourceNote', { id: p.incident_id });
    this.heading.focus();
    if (verb === 'accept') this.onAccepted();
    if (this.items.length === 0 && this.more) await this.load();
  }
}
