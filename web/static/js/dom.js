// Small DOM builders. Text always goes in as text nodes: nothing here parses HTML, so
// summaries, place names and source titles from the API can never become markup.

/**
 * el creates an element. attrs sets properties (className, textContent, hidden…) except
 * keys starting with "aria-", "data-" or "on" handled as attributes / listeners; children
 * are nodes or strings (strings become text nodes).
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (k.startsWith('aria-') || k.startsWith('data-') || k === 'role' || k === 'lang'
      || k === 'dir' || k === 'for') node.setAttribute(k, String(v));
    else node[k] = v;
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false || c === '') continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** svg creates an SVG element with the given attributes. */
export function svg(tag, attrs = {}) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** safeURL returns url if it is an absolute http(s) URL, else null (javascript:, data:…). */
export function safeURL(url) {
  if (typeof url !== 'string' || url === '') return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * isolated is text from the data to be shown beside other text in one string (an
 * attribute, where no element can isolate it): between U+2068 (first strong isolate) and
 * U+2069, so that it takes its own direction and any embedding or override it opens and
 * never closes (a stored U+202E) ends with it, rather than turning the text after it
 * around ("Saraqib\u202e, Idlib" read "bildI"). In the page's text, a <bdi> does the same.
 */
export const isolated = (text) => (text ? `\u2068${text}\u2069` : '');

/** clear removes every child of node. */
export const clear = (node) => node.replaceChildren();
