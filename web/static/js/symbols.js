// Each incident type has a colour from the Okabe–Ito palette, which readers with the
// common colour-vision deficiencies can tell apart, and a shape of its own, so that the
// type reads without colour at all (grey print, a projector, the legend at a glance).

import { svg } from './dom.js';

/** TYPE_STYLE maps incident_type to its colour and shape. */
export const TYPE_STYLE = {
  airstrike: { color: '#D55E00', shape: 'triangleDown' }, // vermillion
  shelling: { color: '#E69F00', shape: 'diamond' }, // orange
  bombing: { color: '#CC79A7', shape: 'star' }, // reddish purple
  armed_attack: { color: '#000000', shape: 'cross' }, // black
  clash: { color: '#0072B2', shape: 'square' }, // blue
  kidnapping: { color: '#56B4E9', shape: 'pentagon' }, // sky blue
  arrest: { color: '#009E73', shape: 'hexagon' }, // bluish green
  weapons_seizure: { color: '#F0E442', shape: 'triangleUp' }, // yellow
  other: { color: '#8C8C8C', shape: 'circle' }, // grey
};

const style = (type) => TYPE_STYLE[type] ?? TYPE_STYLE.other;

/** colorOf returns the colour of an incident type (grey for unknown types). */
export const colorOf = (type) => style(type).color;

// polygon returns the points of a regular polygon of n corners around (10, 10).
function polygon(n, r, turn = -Math.PI / 2) {
  return Array.from({ length: n }, (_, i) => {
    const a = turn + (i * 2 * Math.PI) / n;
    return `${(10 + r * Math.cos(a)).toFixed(2)},${(10 + r * Math.sin(a)).toFixed(2)}`;
  }).join(' ');
}

function star(r) {
  return Array.from({ length: 10 }, (_, i) => {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const d = i % 2 ? r * 0.45 : r;
    return `${(10 + d * Math.cos(a)).toFixed(2)},${(10 + d * Math.sin(a)).toFixed(2)}`;
  }).join(' ');
}

// SHAPES draw into a 20×20 box; each returns [tag, attributes].
const SHAPES = {
  circle: () => ['circle', { cx: 10, cy: 10, r: 7.5 }],
  square: () => ['rect', { x: 3.5, y: 3.5, width: 13, height: 13 }],
  diamond: () => ['polygon', { points: '10,1.5 18.5,10 10,18.5 1.5,10' }],
  triangleUp: () => ['polygon', { points: polygon(3, 9, -Math.PI / 2) }],
  triangleDown: () => ['polygon', { points: polygon(3, 9, Math.PI / 2) }],
  pentagon: () => ['polygon', { points: polygon(5, 8.5) }],
  hexagon: () => ['polygon', { points: polygon(6, 8.5, 0) }],
  star: () => ['polygon', { points: star(9.5) }],
  cross: () => ['polygon', { points: '4,1.5 10,7.5 16,1.5 18.5,4 12.5,10 18.5,16 16,18.5 10,12.5 4,18.5 1.5,16 7.5,10 1.5,4' }],
};

/**
 * shapeSVG returns the type's symbol as an SVG element of size px, filled with its colour
 * (or, for an incident known only as an area, outlined and dashed).
 */
export function shapeSVG(type, size = 16, { approx = false, className = 'type-shape' } = {}) {
  const { color, shape } = style(type);
  const root = svg('svg', {
    viewBox: '0 0 20 20', width: size, height: size, class: className, 'aria-hidden': 'true', focusable: 'false',
  });
  const [tag, attrs] = (SHAPES[shape] ?? SHAPES.circle)();
  const node = svg(tag, attrs);
  if (approx) {
    node.setAttribute('fill', color);
    node.setAttribute('fill-opacity', '0.25');
    node.setAttribute('stroke', color === '#F0E442' ? '#8a7d00' : color);
    node.setAttribute('stroke-width', '2');
    node.setAttribute('stroke-dasharray', '3 2');
  } else {
    node.setAttribute('fill', color);
    node.setAttribute('stroke', type === 'armed_attack' ? '#ffffff' : '#1b2733');
    node.setAttribute('stroke-width', '1.4');
    node.setAttribute('stroke-linejoin', 'round');
    node.setAttribute('paint-order', 'stroke');
  }
  root.append(node);
  root.dataset.type = type;
  return root;
}
