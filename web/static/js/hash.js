// The whole view lives in the URL hash, so a copied link reproduces it:
//   #map=ZOOM/LAT/LON&from=YYYY-MM-DD&to=YYYY-MM-DD&types=arrest,bombing&lang=ar&incident=7
//   &gov=SY07&district=SY0703&killed=1&q=words&show=governorates|districts&shade=killed
// bbox=W,S,E,N is accepted instead of map= (the map fits it). Unknown keys are ignored.

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** TYPES is the incident_type vocabulary of the API, in legend order. */
export const TYPES = ['airstrike', 'shelling', 'bombing', 'armed_attack', 'clash', 'kidnapping',
  'arrest', 'weapons_seizure', 'other'];

const num = (s) => {
  const n = Number(s);
  return s !== '' && Number.isFinite(n) ? n : null;
};

function parseCenter(s) {
  const [z, lat, lon] = (s || '').split('/').map(num);
  if (z === null || lat === null || lon === null || z === undefined) return null;
  if (Math.abs(lat) > 90 || !lonOK(lon) || z < 0 || z > 20) return null;
  return { zoom: z, lat, lon };
}

// A longitude within 540° of Greenwich, as a map panned over the antimeridian shows it;
// past that a link is no view (bbox=1e308,… made Leaflet ask for infinitely many tiles).
const lonOK = (x) => Math.abs(x) <= 540;

function parseBBox(s) {
  const v = (s || '').split(',').map(num);
  if (v.length !== 4 || v.some((n) => n === null)) return null;
  const [w, south, e, n] = v;
  return south <= n && Math.abs(south) <= 90 && Math.abs(n) <= 90 && lonOK(w) && lonOK(e)
    ? [w, south, e, n] : null;
}

// OCHA P-codes the API takes: governorates SY01..SY14 and their districts.
const GOV = /^SY(0[1-9]|1[0-4])$/;
const DISTRICT = /^SY(0[1-9]|1[0-4])\d{2}$/;

/** parseHash reads a view from a location hash ("#..."); missing parts are null. */
export function parseHash(hash) {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  const types = q.has('types')
    ? q.get('types').split(',').filter((x) => TYPES.includes(x))
    : null;
  const id = q.get('incident');
  const killed = Number(q.get('killed'));
  return {
    gov: GOV.test(q.get('gov') || '') ? q.get('gov') : '',
    district: DISTRICT.test(q.get('district') || '') ? q.get('district') : '',
    killed: Number.isInteger(killed) && killed > 0 && killed <= 1000000 ? killed : 0,
    q: (q.get('q') || '').slice(0, 200),
    show: ['governorates', 'districts'].includes(q.get('show')) ? q.get('show') : '',
    shade: q.get('shade') === 'killed' ? 'killed' : 'count',
    center: parseCenter(q.get('map')),
    bbox: parseBBox(q.get('bbox')),
    from: isoDate.test(q.get('from') || '') ? q.get('from') : '',
    to: isoDate.test(q.get('to') || '') ? q.get('to') : '',
    types,
    lang: ['en', 'ar'].includes(q.get('lang')) ? q.get('lang') : null,
    incident: /^\d+$/.test(id || '') ? id : null,
  };
}

/** formatHash writes a view as a location hash; types null means all types. */
export function formatHash(v) {
  const parts = [];
  if (v.center) {
    const p = v.center.zoom >= 10 ? 5 : 4;
    parts.push(`map=${v.center.zoom}/${v.center.lat.toFixed(p)}/${v.center.lon.toFixed(p)}`);
  }
  if (v.from) parts.push(`from=${v.from}`);
  if (v.to) parts.push(`to=${v.to}`);
  if (v.types && v.types.length < TYPES.length) parts.push(`types=${v.types.join(',')}`);
  if (v.lang && v.lang !== 'en') parts.push(`lang=${v.lang}`);
  if (v.gov) parts.push(`gov=${v.gov}`);
  if (v.district) parts.push(`district=${v.district}`);
  if (v.killed) parts.push(`killed=${v.killed}`);
  if (v.q) parts.push(`q=${encodeURIComponent(v.q)}`);
  if (v.show) parts.push(`show=${v.show}`);
  if (v.show && v.shade === 'killed') parts.push('shade=killed');
  if (v.incident) parts.push(`incident=${v.incident}`);
  return `#${parts.join('&')}`;
}
