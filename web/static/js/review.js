// The review panel for a signed-in editor: sign in with a token, paste a news report to
// have its incidents proposed as drafts, and work through the drafts queue (edit, publish,
// reject). Published drafts are handed to onPublished so the public map redraws at once.

import {
  DRAFTS, token, setToken, clearToken, send, sendItem, patch, fieldOf, localPath, detailFrom,
} from './auth.js';
import { draftCard, say, draftId, discardBox } from './draft.js';
import { Channel, reverseURL, nextLink } from './api.js';
import { DraftEditor, FIELDS } from './editor.js';
import { DraftPin } from './draftpin.js';
import { IngestForm } from './ingestform.js';
import { Proposals } from './proposals.js';
import { t, formatNumber } from './i18n.js';

const $ = (id) => document.getElementById(id);
const PAGE = 50;
const OPEN_KEY = 'mapsrv.reviewOpen';

/**
 * Review runs the panel. governorates() lists {pcode,name_en,name_ar}; onPublished()
 * refreshes the public map; onLayout() runs after the panel opens or closes.
 */
export class Review {
  constructor(map, { governorates, onPublished, onLayout }) {
    Object.assign(this, { governorates, onPublished, onLayout });
    this.pin = new DraftPin(map);
    this.lookup = new Channel(); // /api/reverse after a pin move; a newer move aborts it
    this.drafts = [];
    this.next = null;
    this.editing = null; // { id, editor, etag }: etag is the draft's ETag as the editor read it
    this.opening = null; // the latest editor being opened, while its draft is read
    this.fresh = new Set();
    this.#wire();
    if (token()) this.#showSignedIn(true);
    if (sessionStorage.getItem(OPEN_KEY)) this.open();
  }

  #wire() {
    $('review-toggle').addEventListener('click', () => ($('review').hidden ? this.open() : this.close()));
    $('review-close').addEventListener('click', () => this.close());
    $('signin-form').addEventListener('submit', (ev) => { ev.preventDefault(); this.#signIn(); });
    $('signout').addEventListener('click', () => this.#leave(() => this.signOut()));
    this.ingest = new IngestForm({
      onResult: (res) => this.#ingested(res), onExpired: () => this.signOut(t('tokenExpired')),
    });
    this.proposals = new Proposals($('review-body'), {
      onAccepted: () => this.onPublished(), onExpired: () => this.signOut(t('tokenExpired')),
    });
    $('queue-refresh').addEventListener('click', () => this.load());
    $('queue-more').addEventListener('click', () => this.load(true));
    // Escape closes the panel, except while typing (it closes the place suggestions there).
    $('review').addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape' && !ev.defaultPrevented && !ev.target.closest('input, textarea, select')) this.close();
    });
  }

  /** open shows the panel (and loads the queue when signed in). */
  open() {
    $('review').hidden = false;
    document.body.classList.add('review-open');
    $('review-toggle').setAttribute('aria-expanded', 'true');
    sessionStorage.setItem(OPEN_KEY, '1');
    $('review').focus();
    if (token()) this.load();
    this.onLayout();
  }

  /**
   * close hides the panel and the draft pin. With unsaved edits it asks first and
   * returns false (the panel stays open until the editor chooses to discard them).
   */
  close() {
    return this.#leave(() => {
      this.#closeEditor();
      $('review').hidden = true;
      document.body.classList.remove('review-open');
      $('review-toggle').setAttribute('aria-expanded', 'false');
      sessionStorage.removeItem(OPEN_KEY);
      $('review-toggle').focus();
      this.onLayout();
    });
  }

  // leave runs action at once when the open editor holds no unsaved edits (and returns
  // true); otherwise it asks in the editor and runs action only once they are discarded.
  #leave(action) {
    const e = this.editing;
    if (!e || !e.editor.dirty()) { action(); return true; }
    const form = e.editor.node;
    form.querySelector('.discard-confirm')?.remove();
    const box = discardBox(e.id, {
      onDiscard: () => { box.remove(); this.#closeEditor(); action(); },
      onKeep: () => { box.remove(); form.querySelector('.draft-save')?.focus(); },
    });
    form.append(box);
    box.scrollIntoView({ block: 'nearest' });
    box.querySelector('.discard-no').focus();
    return false;
  }

  async #signIn() {
    const input = $('token-input');
    const tok = input.value.trim();
    if (!tok) { this.#tokenError(t('tokenEmpty')); return; }
    this.#tokenError('');
    $('signin-status').textContent = t('signingIn');
    try {
      await send('GET', `${DRAFTS}?limit=1`, { tok });
    } catch (err) {
      const key = { 401: 'tokenUnknown', 403: 'tokenNotEditor' }[err.status];
      this.#tokenError(key ? t(key) : t('networkError', { msg: err.message }));
      return;
    } finally {
      $('signin-status').textContent = '';
    }
    input.value = '';
    setToken(tok);
    this.#showSignedIn();
    this.load();
  }

  #tokenError(msg) {
    const p = $('token-error');
    p.textContent = msg;
    p.hidden = !msg;
    if (msg) $('token-input').setAttribute('aria-invalid', 'true');
    else $('token-input').removeAttribute('aria-invalid');
    if (msg) $('token-input').focus();
  }

  #showSignedIn(quiet = false) {
    $('signin-card').hidden = true;
    $('review-body').hidden = false;
    $('review-toggle').classList.add('signed-in');
    if (!quiet) $('report-text').focus();
  }

  /** signOut forgets the token and everything loaded with it. */
  signOut(message = '') {
    clearToken();
    this.#closeEditor();
    this.drafts = [];
    this.next = null;
    this.render();
    this.proposals.clear();
    $('review-body').hidden = true;
    $('signin-card').hidden = false;
    $('review-toggle').classList.remove('signed-in');
    this.ingest.reset();
    this.#tokenError(message);
    if (!message) $('token-input').focus();
  }

  /**
   * load fetches the first page of drafts and the proposed sources, or the next page of
   * drafts when more is true.
   */
  async load(more = false) {
    if (!more) this.proposals.load();
    const url = more && this.next ? this.next : `${DRAFTS}?limit=${PAGE}`;
    $('queue-error').hidden = true;
    try {
      const fc = await send('GET', url);
      const got = fc.features || [];
      this.drafts = more ? [...this.drafts, ...got] : got;
      const next = nextLink(fc);
      this.next = next ? localPath(next) : null;
      this.render();
    } catch (err) {
      if (err.status === 401 || err.status === 403) { this.signOut(t('tokenExpired')); return; }
      $('queue-error').textContent = t('queueError', { msg: err.message });
      $('queue-error').hidden = false;
    }
  }

  /** render redraws the queue; an open editor keeps what was typed into it. */
  render() {
    if (this.editing && !this.drafts.some((d) => d.id === this.editing.id)) {
      this.editing = null;
      this.pin.hide();
    }
    const ol = $('draft-list');
    ol.replaceChildren(...this.drafts.map((f) => this.#card(f)));
    const n = `${formatNumber(this.drafts.length)}${this.next ? '+' : ''}`;
    $('queue-count').textContent = n;
    $('review-toggle').dataset.count = token() ? n : '';
    $('queue-empty').hidden = this.drafts.length > 0 || !token();
    $('queue-more').hidden = !this.next;
    document.body.dataset.drafts = String(this.drafts.length);
  }

  #card(f) {
    const editing = this.editing?.id === f.id;
    const li = draftCard(f, {
      editing, onEdit: (d) => this.toggleEdit(d), onPublish: (d) => this.publish(d), onReject: (d) => this.reject(d),
    });
    if (this.fresh.has(f.id)) li.classList.add('fresh');
    if (editing) li.append(this.editing.editor.node);
    return li;
  }

  #replace(f) {
    $(draftId(f.id))?.replaceWith(this.#card(f));
  }

  /**
   * toggleEdit opens draft f's editor and pin (closing any other), or closes it; unsaved
   * edits in the open editor are only dropped once the editor confirms.
   */
  toggleEdit(f) {
    const was = this.editing?.id;
    this.#leave(async () => {
      this.#closeEditor();
      if (was === f.id) { $(draftId(f.id))?.querySelector('.draft-edit')?.focus(); return; }
      if (await this.#edit(f)) this.editing.editor.controls.incident_type.focus();
    });
  }

  // edit reads draft f as now stored, with its ETag, and opens its editor on it; false
  // when it could not (the draft is gone, or the request failed: said in its card).
  async #edit(f) {
    const ticket = Symbol(f.id);
    this.opening = ticket; // a later edit request supersedes this one
    let got;
    try {
      got = await sendItem('GET', `${DRAFTS}/${f.id}`);
    } catch (err) {
      if (this.opening === ticket) this.#actionError(f, err);
      return false;
    }
    if (this.opening !== ticket) return false;
    this.opening = null;
    this.drafts = this.drafts.map((d) => (d.id === f.id ? got.body : d));
    this.#openEditor(got.body, true, undefined, got.etag);
    return true;
  }

  #openEditor(f, follow = true, initial = undefined, etag = '') {
    const editor = new DraftEditor(f, {
      initial,
      governorates: this.governorates(),
      onPoint: (lat, lon) => this.pin.moveTo(lat, lon),
      onSave: (body) => this.save(f, body),
      onPublish: (body) => this.publish(f, body),
      onCancel: () => this.toggleEdit(f),
      onSearchError: (err) => editor.showError('geometry', t('searchError', { msg: err.message })),
    });
    this.editing = { id: f.id, editor, etag };
    this.#replace(f);
    this.pin.show(f, (lat, lon) => this.#pinMoved(editor, lat, lon), follow);
  }

  // pinMoved asks the API what lies at the pin's new place and tells the editor, unless
  // the pin moved again or the editor closed meanwhile.
  async #pinMoved(editor, lat, lon) {
    editor.setPoint(lat, lon);
    let rev;
    try {
      rev = await this.lookup.get(reverseURL(lat, lon));
      if (rev === null) return;
    } catch (err) {
      if (err.status !== 404) {
        if (this.editing?.editor === editor) editor.reverseFailed(err.message);
        return;
      }
      rev = null; // outside Syria
    }
    if (this.editing?.editor === editor) editor.setReverse(rev);
  }

  #closeEditor() {
    const e = this.editing;
    this.editing = null;
    this.opening = null;
    this.lookup.abort();
    this.pin.hide();
    const f = e && this.drafts.find((d) => d.id === e.id);
    if (f) this.#replace(f);
  }

  /** save sends the editor's patch of draft f, with the ETag it was read with. */
  async save(f, body) {
    try {
      const done = await patch(`${DRAFTS}/${f.id}`, body, this.#etagOf(f));
      if (this.editing?.id === f.id) {
        this.editing.editor.markSaved(body);
        this.editing.etag = done.etag;
      }
      this.drafts = this.drafts.map((d) => (d.id === done.body.id ? done.body : d));
      this.#replace(done.body);
      say($(draftId(f.id)), t('saved'));
    } catch (err) {
      this.#actionError(f, err);
    }
  }

  /** publish publishes draft f, with the editor's changes when body is given. */
  async publish(f, body = null) {
    if (!body && this.editing?.id === f.id) {
      if (!this.editing.editor.check()) return;
      body = this.editing.editor.patch();
    }
    const merged = { ...(body || {}), properties: { ...(body?.properties || {}), status: 'published' } };
    try {
      await patch(`${DRAFTS}/${f.id}`, merged, this.#etagOf(f));
    } catch (err) {
      this.#actionError(f, err);
      return;
    }
    this.#drop(f, t('publishedNote', { id: f.id }));
    this.onPublished();
  }

  // etagOf is the ETag draft f's open editor read it with ('' when no editor is open on
  // it: a card's publish then sends none).
  #etagOf(f) {
    return this.editing?.id === f.id ? this.editing.etag : '';
  }

  // conflict tells the editor that someone else saved draft f after it was opened here:
  // nothing was saved, and reloading shows their version (dropping the edits made here).
  #conflict(f) {
    const e = this.editing;
    e.editor.showConflict(t('conflict', { id: f.id }), t('reloadDraft'), async () => {
      this.#closeEditor();
      if (await this.#edit(f)) say($(draftId(f.id)), t('reloaded'));
    });
  }

  /**
   * reject deletes draft f (the editor confirmed in the card). A draft no longer among
   * the drafts (another editor published or rejected it meanwhile) leaves the queue with
   * a note saying so, not that it was rejected.
   */
  async reject(f) {
    try {
      await send('DELETE', `${DRAFTS}/${f.id}`);
    } catch (err) {
      if (err.status !== 404) { this.#actionError(f, err); return; }
      this.#drop(f, t('goneNote', { id: f.id }));
      return;
    }
    this.#drop(f, t('rejectedNote', { id: f.id }));
  }

  #drop(f, note) {
    if (this.editing?.id === f.id) { this.editing = null; this.pin.hide(); }
    this.drafts = this.drafts.filter((d) => d.id !== f.id);
    this.render();
    $('queue-status').textContent = note;
    $('queue-heading').focus();
  }

  // actionError shows an API error next to the field it names (opening the editor when
  // needed), or in the draft's card.
  #actionError(f, err) {
    if (err.status === 401 || err.status === 403) { this.signOut(t('tokenExpired')); return; }
    if (err.status === 404) { this.load(); return; }
    if (err.status === 412 && this.editing?.id === f.id) { this.#conflict(f); return; }
    const field = fieldOf(err.message, FIELDS);
    if (field && this.editing?.id !== f.id) this.toggleEdit(f);
    if (this.editing?.id === f.id) {
      this.editing.editor.showError(field, detailFrom(err.message, field));
      return;
    }
    say($(draftId(f.id)), t('actionError', { msg: err.message }), true);
  }

  // ingested shows the drafts a report gave: the queue reloads with them marked fresh.
  async #ingested(res) {
    this.fresh = new Set((res.drafts || []).map((d) => d.id));
    await this.load();
    // The first new draft, if the report gave any (a report matching only published
    // incidents gives none: nothing to scroll to).
    const first = res.drafts?.length ? $(draftId(res.drafts[0].id)) : null;
    first?.scrollIntoView({ block: 'nearest' });
  }

  /** relabel redraws the queue (and an open editor, keeping its values) in the new language. */
  relabel() {
    this.proposals.relabel();
    const e = this.editing;
    if (e) {
      const f = this.drafts.find((d) => d.id === e.id);
      const cur = e.editor.patch();
      this.editing = null;
      if (f) {
        const g = { ...f, geometry: cur.geometry, properties: { ...f.properties, ...cur.properties } };
        this.#openEditor(g, false, e.editor.initial, e.etag);
      }
    }
    this.render();
  }
}
