// The histogram under the date inputs: incidents per day or week in the current view,
// which doubles as a brush (drag across bars, or focus it and use the arrow keys, to pick
// dates) and drives the play button.
// Incidents with a date range (e.g. "sometime in December") are spread over the bins they
// overlap and drawn lighter, so a vague date is not shown as a precise spike.

import { el, svg, clear } from './dom.js';
import { t, formatDate, formatNumber } from './i18n.js';

const DAY = 86400000;
const W = 600;
const H = 84;

/** dayIndex returns the number of days since 1970-01-01 of an ISO date (UTC). */
export const dayIndex = (iso) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);

/** isoOf returns the ISO date of a day index. */
export const isoOf = (i) => new Date(i * DAY).toISOString().slice(0, 10);

/**
 * Timeline renders the histogram into container and reports brushed ranges to onChange.
 * The container is the brush's one tab stop (a slider whose value is the chosen range).
 */
export class Timeline {
  constructor(container, caption, onChange) {
    this.container = container;
    this.caption = caption;
    this.onChange = onChange;
    this.domain = null; // [firstDay, lastDay]
    this.features = [];
    this.range = ['', ''];
    this.timer = null;
    this.container.dir = 'ltr';
    this.keys = el('p', { className: 'hint hist-keys', id: `${container.id}-keys` });
    container.after(this.keys);
    Object.assign(container, { tabIndex: 0 });
    container.setAttribute('role', 'slider');
    container.setAttribute('aria-describedby', this.keys.id);
    container.addEventListener('keydown', (ev) => this.#key(ev));
  }

  /** setDomain sets the first and last date of the axis (ISO dates). */
  setDomain(from, to) {
    if (!from || !to) return;
    const a = dayIndex(from);
    const b = dayIndex(to);
    if (Number.isFinite(a) && Number.isFinite(b)) this.domain = [Math.min(a, b), Math.max(a, b)];
    this.render();
  }

  /**
   * setData sets the incidents to count (already filtered by type); note, when given,
   * replaces the count in the caption (e.g. when the view is too big to count by date).
   */
  setData(features, note = '') {
    this.features = features;
    this.note = note;
    if (!this.domain) this.#domainFromData();
    this.render();
  }

  /** setRange shows the chosen dates ('' = open end). */
  setRange(from, to) {
    this.range = [from, to];
    this.render();
  }

  #domainFromData() {
    const days = this.features.flatMap((f) => [f.properties.date_from, f.properties.date_to])
      .filter(Boolean).map(dayIndex);
    if (days.length) this.domain = [Math.min(...days), Math.max(...days)];
  }

  /** binDays is the bin width: a day for spans up to 90 days, else a week. */
  binDays() {
    return this.domain && this.domain[1] - this.domain[0] > 90 ? 7 : 1;
  }

  // grid returns the first bin's first day, the bin width in days and the number of bins.
  #grid() {
    const [a, b] = this.domain;
    const w = this.binDays();
    const start = w === 7 ? a - ((a + 3) % 7) : a; // weeks start on Monday (1970-01-01 was a Thursday)
    return [start, w, Math.floor((b - start) / w) + 1];
  }

  bins() {
    const [start, w] = this.#grid();
    const b = this.domain[1];
    const bins = [];
    for (let s = start; s <= b; s += w) bins.push({ start: s, end: s + w - 1, exact: 0, spread: 0 });
    for (const f of this.features) this.#count(bins, f.properties, start, w);
    return bins;
  }

  #count(bins, p, start, w) {
    if (!p.date_from && !p.date_to) return;
    const from = dayIndex(p.date_from || p.date_to);
    const to = dayIndex(p.date_to || p.date_from);
    const first = Math.max(0, Math.floor((from - start) / w));
    const last = Math.min(bins.length - 1, Math.floor((to - start) / w));
    if (first === last && from === to) {
      if (bins[first]) bins[first].exact += 1;
      return;
    }
    const span = to - from + 1;
    for (let i = first; i <= last; i++) {
      const overlap = Math.min(to, bins[i].end) - Math.max(from, bins[i].start) + 1;
      if (overlap > 0) bins[i].spread += overlap / span;
    }
  }

  /** render draws bars, the selection and the axis labels. */
  render() {
    clear(this.container);
    this.#describe();
    if (!this.domain) return;
    const bins = this.bins();
    const max = Math.max(1, ...bins.map((b) => b.exact + b.spread));
    const bw = W / bins.length;
    const [sel0, sel1] = this.#selection();
    const root = svg('svg', {
      viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'none', role: 'img', class: 'hist-svg',
      'aria-label': this.#label(bins),
    });
    root.append(svg('rect', { x: 0, y: 0, width: W, height: H, class: 'hist-bg' }));
    for (const [i, b] of bins.entries()) this.#bar(root, b, i * bw, bw, max, sel0, sel1);
    if (this.range[0] || this.range[1]) this.#selRect(root, bins, bw, sel0, sel1);
    this.#brush(root, bins, bw);
    const axis = el('div', { className: 'hist-axis' },
      el('span', {}, formatDate(isoOf(bins[0].start))),
      el('span', {}, formatDate(isoOf(bins[bins.length - 1].end))));
    this.container.append(root, axis);
    if (this.caption) {
      const unit = t(this.binDays() === 7 ? 'week' : 'day');
      const head = this.note || t('histTotal', { n: formatNumber(this.features.length) });
      this.caption.textContent = `${head} ${t('histogramHint', { unit })}`;
    }
  }

  // describe gives the brush its name, value and key help for assistive technology.
  #describe() {
    const c = this.container;
    const unit = t(this.binDays() === 7 ? 'week' : 'day');
    this.keys.textContent = t('brushHelp', { unit });
    c.setAttribute('aria-roledescription', t('brushRole'));
    if (!this.domain) { c.setAttribute('aria-disabled', 'true'); return; }
    c.removeAttribute('aria-disabled');
    const [start, w, n] = this.#grid();
    const [i0, i1] = this.#selBins();
    c.setAttribute('aria-label', t('brushLabel', { unit, from: formatDate(isoOf(start)), to: formatDate(isoOf(start + n * w - 1)) }));
    c.setAttribute('aria-valuemin', '0');
    c.setAttribute('aria-valuemax', String(n - 1));
    c.setAttribute('aria-valuenow', String(i0));
    const [f, to] = this.range;
    c.setAttribute('aria-valuetext', !f && !to ? t('allDates')
      : t('brushRange', { from: formatDate(f || isoOf(start)), to: formatDate(to || isoOf(start + n * w - 1)) }));
  }

  // selBins returns the first and last bin of the chosen range (open ends: the axis ends).
  #selBins() {
    const [start, w, n] = this.#grid();
    const at = (iso, open) => (iso ? Math.min(n - 1, Math.max(0, Math.floor((dayIndex(iso) - start) / w))) : open);
    return [at(this.range[0], 0), at(this.range[1], n - 1)];
  }

  // key moves the range one bin with the arrows (Shift: only its end), to the axis ends
  // with Home/End, and clears it with Escape.
  #key(ev) {
    if (!this.domain || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const [start, w, n] = this.#grid();
    const none = !this.range[0] && !this.range[1];
    let [i0, i1] = none ? [n - 1, n - 1] : this.#selBins();
    const width = i1 - i0;
    const step = { ArrowLeft: -1, ArrowRight: 1 }[ev.key];
    if (ev.key === 'Escape') {
      if (none) return;
      ev.preventDefault();
      this.stop();
      this.onChange('', '');
      return;
    }
    const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
    if (step && ev.shiftKey && !none) i1 = clamp(i1 + step, i0, n - 1);
    else if (step && !none) { i0 = clamp(i0 + step, 0, n - 1 - width); i1 = i0 + width; }
    else if (ev.key === 'Home') { i0 = 0; if (!ev.shiftKey) i1 = width; }
    else if (ev.key === 'End') { i1 = n - 1; if (!ev.shiftKey) i0 = n - 1 - width; }
    else if (!step) return; // (an arrow with no range chosen picks the last bin)
    ev.preventDefault();
    this.stop();
    this.onChange(isoOf(start + i0 * w), isoOf(start + i1 * w + w - 1));
  }

  #label(bins) {
    return t('histogramLabel', {
      unit: t(this.binDays() === 7 ? 'week' : 'day'),
      from: formatDate(isoOf(bins[0].start)),
      to: formatDate(isoOf(bins[bins.length - 1].end)),
    });
  }

  #selection() {
    const [a, b] = this.domain;
    const from = this.range[0] ? dayIndex(this.range[0]) : a - 1e6;
    const to = this.range[1] ? dayIndex(this.range[1]) : b + 1e6;
    return [from, to];
  }

  #bar(root, b, x, bw, max, sel0, sel1) {
    const inside = b.end >= sel0 && b.start <= sel1;
    const cls = inside ? '' : ' out';
    const he = ((H - 6) * b.exact) / max;
    const hs = ((H - 6) * b.spread) / max;
    const pad = Math.min(1.5, bw * 0.15);
    if (he > 0) root.append(svg('rect', { x: x + pad, y: H - he, width: bw - 2 * pad, height: he, class: `bar${cls}` }));
    if (hs > 0) root.append(svg('rect', { x: x + pad, y: H - he - hs, width: bw - 2 * pad, height: hs, class: `bar spread${cls}` }));
    const tip = svg('title');
    tip.textContent = `${formatDate(isoOf(b.start))}${b.end > b.start ? ` – ${formatDate(isoOf(b.end))}` : ''}: ${formatNumber(Math.round((b.exact + b.spread) * 10) / 10)}`;
    const hit = svg('rect', { x, y: 0, width: bw, height: H, class: 'bar-hit' });
    hit.append(tip);
    root.append(hit);
  }

  #selRect(root, bins, bw, sel0, sel1) {
    const first = bins[0].start;
    const w = this.binDays();
    const x0 = Math.max(0, ((sel0 - first) / w) * bw);
    const x1 = Math.min(W, ((sel1 + 1 - first) / w) * bw);
    if (x1 > x0) root.append(svg('rect', { x: x0, y: 0, width: x1 - x0, height: H, class: 'hist-sel' }));
  }

  #brush(root, bins, bw) {
    const dayAt = (ev) => {
      const r = root.getBoundingClientRect();
      const i = Math.min(bins.length - 1, Math.max(0, Math.floor(((ev.clientX - r.left) / r.width) * W / bw)));
      return bins[i];
    };
    root.addEventListener('pointerdown', (ev) => {
      if (ev.button !== 0) return;
      this.stop();
      const a = dayAt(ev);
      root.setPointerCapture(ev.pointerId);
      const pick = (e) => {
        const b = dayAt(e);
        return [isoOf(Math.min(a.start, b.start)), isoOf(Math.max(a.end, b.end))];
      };
      const move = (e) => { this.range = pick(e); this.#redrawSel(root, bins, bw); };
      const up = (e) => {
        root.removeEventListener('pointermove', move);
        root.removeEventListener('pointerup', up);
        const [f, to] = pick(e);
        this.onChange(f, to);
      };
      root.addEventListener('pointermove', move);
      root.addEventListener('pointerup', up);
    });
  }

  #redrawSel(root, bins, bw) {
    root.querySelector('.hist-sel')?.remove();
    const [s0, s1] = this.#selection();
    this.#selRect(root, bins, bw, s0, s1);
  }

  /** playing reports whether the animation runs. */
  playing() {
    return this.timer !== null;
  }

  /** play steps a window through the domain, one bin per tick, calling onChange each time. */
  play(onStop) {
    if (!this.domain) return;
    const [a, b] = this.domain;
    const step = this.binDays();
    const [s0, s1] = this.range;
    let width = s0 && s1 ? dayIndex(s1) - dayIndex(s0) + 1 : 0;
    if (!width || width > (b - a) * 0.6) width = Math.max(step, Math.round((b - a + 1) / 8 / step) * step);
    let start = s0 && s1 && dayIndex(s1) < b ? dayIndex(s0) + step : a;
    const tick = () => {
      if (start > b) { this.stop(); return; }
      this.onChange(isoOf(start), isoOf(Math.min(b, start + width - 1)));
      start += step;
    };
    this.onStopCb = onStop;
    tick();
    this.timer = setInterval(tick, 1100);
  }

  /** stop ends the animation, keeping the current range. */
  stop() {
    if (this.timer !== null) clearInterval(this.timer);
    const was = this.timer !== null;
    this.timer = null;
    if (was) this.onStopCb?.();
  }
}
