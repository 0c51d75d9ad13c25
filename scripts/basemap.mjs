// Writes the offline base map's countries: Natural Earth's 1:10m admin-0 countries (npm
// world-atlas, TopoJSON) around Syria, as GeoJSON with coordinates rounded to 0.001°
// (about 100 m), for scripts/vendor.sh. Run: node scripts/basemap.mjs IN.json OUT.json
import { readFileSync, writeFileSync } from 'node:fs';
import { feature } from 'topojson-client';

const [input, output] = process.argv.slice(2);
// The region drawn: Syria, its neighbours and the eastern Mediterranean.
const REGION = { west: 27, south: 28.5, east: 49.5, north: 42.5 };

const topo = JSON.parse(readFileSync(input, 'utf8'));
const all = feature(topo, topo.objects.countries).features;

const round = (v) => Math.round(v * 1000) / 1000;
function ringOf(ring) {
  const out = [];
  for (const [lon, lat] of ring) {
    const p = [round(lon), round(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out.length >= 4 ? out : null;
}
// clip cuts a ring to the region (Sutherland–Hodgman, one edge of the box at a time),
// so that the countries around are drawn only as far as the map can be panned.
function clip(ring) {
  const edges = [
    [(p) => p[0] >= REGION.west, (a, b) => cross(a, b, 0, REGION.west)],
    [(p) => p[0] <= REGION.east, (a, b) => cross(a, b, 0, REGION.east)],
    [(p) => p[1] >= REGION.south, (a, b) => cross(a, b, 1, REGION.south)],
    [(p) => p[1] <= REGION.north, (a, b) => cross(a, b, 1, REGION.north)],
  ];
  let pts = ring.slice(0, -1);
  for (const [inside, at] of edges) {
    const out = [];
    for (let i = 0; i < pts.length; i++) {
      const a = pts[i];
      const b = pts[(i + 1) % pts.length];
      if (inside(b)) {
        if (!inside(a)) out.push(at(a, b));
        out.push(b);
      } else if (inside(a)) out.push(at(a, b));
    }
    pts = out;
    if (!pts.length) return [];
  }
  return [...pts, pts[0]];
}
function cross(a, b, axis, v) {
  const t = (v - a[axis]) / (b[axis] - a[axis]);
  return axis === 0 ? [v, a[1] + t * (b[1] - a[1])] : [a[0] + t * (b[0] - a[0]), v];
}
const meets = (ring) => ring.some(([lon, lat]) => lon >= REGION.west && lon <= REGION.east && lat >= REGION.south && lat <= REGION.north);

const features = [];
for (const f of all) {
  const polys = f.geometry?.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry?.type === 'MultiPolygon' ? f.geometry.coordinates : [];
  const kept = polys.filter((p) => meets(p[0])).map((p) => p.map((r) => ringOf(clip(r))).filter(Boolean))
    .filter((p) => p.length > 0);
  if (!kept.length) continue;
  features.push({
    type: 'Feature', id: f.id,
    properties: { id: f.id, name: f.properties.name },
    geometry: { type: 'MultiPolygon', coordinates: kept },
  });
}
writeFileSync(output, JSON.stringify({ type: 'FeatureCollection', source: 'Natural Earth 1:10m admin-0 countries (public domain), via world-atlas', features }));
console.log(`basemap.mjs: ${features.length} countries to ${output}`);
