// The time chart under the date inputs: the server's date histogram of the view (every
// matching incident per week or month, however many there are), which doubles as a
// brush (drag across bars, or focus it and use the arrow keys, to pick dates) and drives
// the play button, one bin a frame.
// Incidents known only as a range crossing bins ("sometime in 2024") come shared out over
// the bins they cover and are drawn lighter, so a vague date is not shown as a spike.

import { el, svg, clear } from './dom.js';
import { t, formatDate, formatNumber, formatMonth } from './i18n.js';

const DAY = 86400000;
const W = 600;
const H = 84;

/** dayIndex returns the number of days since 1970-01-01 of an ISO date (UTC). */
export const dayIndex = (iso) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);

/** isoOf returns the ISO date of a day index. */
export const isoOf = (i) => new Date(i * DAY).toISOString().slice(0, 10);

/** binLabel names a bin as the interface says it: "week of 3 Mar 2025", "March 2025". */
export function binLabel(unit, start, end) {
  if (unit === 'month') return formatMonth(start);
  if (unit === 'week') return t('weekOf', { date: formatDate(start) });
  return start === end ? formatDate(start) : `${formatDate(start)} – ${formatDate(end)}`;
}

/**
 * Timeline renders the histogram into container and reports brushed ranges to onChange.
 * The container is the brush's one tab stop (a slider whose value is the chosen range).
 */
export class Timeline {
  constructor(container, caption, onChange) {
    this.container = container;
    this.caption = caption;
    this.onChange = onChange;
    this.unit = 'week';
    this.bins = []; // {start, end, count, spread, a, b (day indexes)}
    this.total = 0;
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

  /** setHistogram shows a histogram answer ({bin, bins, numberMatched}); note, when given, heads the caption. */
  setHistogram(h, note = '') {
    this.unit = h.bin || 'week';
    this.bins = (h.bins || []).map((b) => ({ ...b, a: dayIndex(b.start), b: dayIndex(b.end) }));
    this.total = h.numberMatched || 0;
    this.note = note;
    this.render();
  }

  /** setRange shows the chosen dates ('' = open end). */
  setRange(from, to) {
    this.range = [from, to];
    this.render();
  }

  #unitName() {
    return t(this.unit);
  }

  /** render draws bars, the selection and the axis labels. */
  render() {
    clear(this.container);
    this.#describe();
    if (this.caption) {
      const head = this.note || t('histTotal', { n: formatNumber(this.total) });
      this.caption.textContent = `${head} ${t('histogramHint', { unit: this.#unitName() })}`;
    }
    const bins = this.bins;
    if (!bins.length) return;
    const max = Math.max(1, ...bins.map((b) => b.count + b.spread));
    const bw = W / bins.length;
    const [sel0, sel1] = this.#selection();
    const root = svg('svg', {
      viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'none', role: 'img', class: 'hist-svg',
      'aria-label': t('histogramLabel', { unit: this.#unitName(), from: formatDate(bins[0].start), to: formatDate(bins[bins.length - 1].end) }),
    });
    root.append(svg('rect', { x: 0, y: 0, width: W, height: H, class: 'hist-bg' }));
    for (const [i, b] of bins.entries()) this.#bar(root, b, i * bw, bw, max, sel0, sel1);
    if (this.range[0] || this.range[1]) this.#selRect(root, bw, sel0, sel1);
    this.#brush(root, bw);
    const axis = el('div', { className: 'hist-axis' },
      el('span', { dir: 'auto' }, formatDate(bins[0].start)),
      el('span', { dir: 'auto' }, formatDate(bins[bins.length - 1].end)));
    this.container.append(root, axis);
  }

  // describe gives the brush its name, value and key help for assistive technology.
  #describe() {
    const c = this.container;
    const unit = this.#unitName();
    this.keys.textContent = t('brushHelp', { unit });
    c.setAttribute('aria-roledescription', t('brushRole'));
    if (!this.bins.length) { c.setAttribute('aria-disabled', 'true'); return; }
    c.removeAttribute('aria-disabled');
    const first = this.bins[0].start;
    const last = this.bins[this.bins.length - 1].end;
    const [i0] = this.#selBins();
    c.setAttribute('aria-label', t('brushLabel', { unit, from: formatDate(first), to: formatDate(last) }));
    c.setAttribute('aria-valuemin', '0');
    c.setAttribute('aria-valuemax', String(this.bins.length - 1));
    c.setAttribute('aria-valuenow', String(i0));
    const [f, to] = this.range;
    c.setAttribute('aria-valuetext', !f && !to ? t('allDates')
      : t('brushRange', { from: formatDate(f || first), to: formatDate(to || last) }));
  }

  // binAt returns the index of the bin holding an ISO date, clamped to the bins.
  #binAt(iso, open) {
    if (!iso) return open;
    const d = dayIndex(iso);
    const i = this.bins.findIndex((b) => d <= b.b);
    return i < 0 ? this.bins.length - 1 : i;
  }

  // selBins returns the first and last bin of the chosen range (open ends: the axis ends).
  #selBins() {
    return [this.#binAt(this.range[0], 0), this.#binAt(this.range[1], this.bins.length - 1)];
  }

  // key moves the range one bin with the arrows (Shift: only its end), to the axis ends
  // with Home/End, and clears it with Escape.
  #key(ev) {
    const n = this.bins.length;
    if (!n || ev.altKey || ev.ctrlKey || ev.metaKey) return;
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
    this.onChange(this.bins[i0].start, this.bins[i1].end);
  }

  #selection() {
    const first = this.bins[0].a;
    const last = this.bins[this.bins.length - 1].b;
    return [this.range[0] ? dayIndex(this.range[0]) : first - 1e6, this.range[1] ? dayIndex(this.range[1]) : last + 1e6];
  }

  #bar(root, b, x, bw, max, sel0, sel1) {
    const cls = b.b >= sel0 && b.a <= sel1 ? '' : ' out';
    const he = ((H - 6) * b.count) / max;
    const hs = ((H - 6) * b.spread) / max;
    const pad = Math.min(1.5, bw * 0.15);
    if (he > 0) root.append(svg('rect', { x: x + pad, y: H - he, width: Math.max(0.5, bw - 2 * pad), height: he, class: `bar${cls}` }));
    if (hs > 0) root.append(svg('rect', { x: x + pad, y: H - he - hs, width: Math.max(0.5, bw - 2 * pad), height: hs, class: `bar spread${cls}` }));
    const tip = svg('title');
    const n = Math.round((b.count + b.spread) * 10) / 10;
    tip.textContent = `${binLabel(this.unit, b.start, b.end)}: ${formatNumber(n)}`;
    const hit = svg('rect', { x, y: 0, width: bw, height: H, class: 'bar-hit' });
    hit.append(tip);
    root.append(hit);
  }

  #selRect(root, bw, sel0, sel1) {
    const i0 = this.bins.findIndex((b) => b.b >= sel0);
    let i1 = this.bins.findLastIndex((b) => b.a <= sel1);
    if (i0 < 0 || i1 < i0) return;
    i1 = Math.max(i1, i0);
    root.append(svg('rect', { x: i0 * bw, y: 0, width: (i1 - i0 + 1) * bw, height: H, class: 'hist-sel' }));
  }

  #brush(root, bw) {
    const binAt = (ev) => {
      const r = root.getBoundingClientRect();
      const i = Math.floor(((ev.clientX - r.left) / r.width) * (W / bw));
      return this.bins[Math.min(this.bins.length - 1, Math.max(0, i))];
    };
    root.addEventListener('pointerdown', (ev) => {
      if (ev.button !== 0) return;
      this.stop();
      const a = binAt(ev);
      root.setPointerCapture(ev.pointerId);
      const pick = (e) => {
        const b = binAt(e);
        return [a.a <= b.a ? a.start : b.start, a.b >= b.b ? a.end : b.end];
      };
      const move = (e) => {
        this.range = pick(e);
        root.querySelector('.hist-sel')?.remove();
        const [s0, s1] = this.#selection();
        this.#selRect(root, bw, s0, s1);
      };
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

  /** playing reports whether the animation runs. */
  playing() {
    return this.timer !== null;
  }

  /** frameDays is the length in days of one played frame (a bin), for the map's faint test. */
  frameDays() {
    return this.unit === 'month' ? 31 : this.unit === 'week' ? 7 : 1;
  }

  /**
   * play steps through the bins, one a frame (a week or a month, as the histogram is
   * binned), calling onChange with the frame's dates; it starts after the chosen bin when
   * one bin is chosen, else at the first.
   */
  play(onStop) {
    const n = this.bins.length;
    if (!n) return;
    const [i0, i1] = this.#selBins();
    let i = (this.range[0] || this.range[1]) && i0 === i1 && i1 < n - 1 ? i1 + 1 : 0;
    const tick = () => {
      if (i >= n) { this.stop(); return; }
      this.onChange(this.bins[i].start, this.bins[i].end);
      i += 1;
    };
    this.onStopCb = onStop;
    this.timer = setInterval(tick, 1200); // set before the first frame, which asks playing()
    tick();
  }

  /** stop ends the animation, keeping the current range. */
  stop() {
    if (this.timer !== null) clearInterval(this.timer);
    const was = this.timer !== null;
    this.timer = null;
    if (was) this.onStopCb?.();
  }
}
