/* global L */
// The map's scale bar in the interface's language: "كم" and "م" in Arabic. The bar itself
// is laid out left to right in both languages, so that its label sits over its length.

import { lang } from './i18n.js';

/** ArabicScale is Leaflet's metric scale with its units in the interface's language. */
export const ArabicScale = L.Control.Scale.extend({
  onAdd(map) {
    const node = L.Control.Scale.prototype.onAdd.call(this, map);
    node.dir = 'ltr';
    return node;
  },
  _updateScale(scale, text, ratio) {
    L.Control.Scale.prototype._updateScale.call(this, scale, text, ratio);
    if (lang() !== 'ar') return;
    scale.textContent = scale.textContent.replace(/(\d+) km$/, '$1 كم').replace(/(\d+) m$/, '$1 م');
    scale.dir = 'rtl';
  },
});
