// The report page's DOM helpers (plain JavaScript, run in the page). Every piece of run data enters the
// page through textContent, createTextNode or setAttribute, never through HTML parsing, so a prompt
// holding "<img onerror=…>" or "</script>" shows as the characters it is.
export const DOM_SCRIPT = String.raw`
var SVG_NS = 'http://www.w3.org/2000/svg';

function append(el, children) {
  if (children === undefined || children === null || children === false) return el;
  if (!Array.isArray(children)) children = [children];
  children.forEach(function (c) {
    if (c === undefined || c === null || c === false) return;
    el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  });
  return el;
}

function setProps(el, props) {
  if (!props) return;
  Object.keys(props).forEach(function (k) {
    var v = props[k];
    if (v === undefined || v === null || v === false) return;
    if (k === 'text') el.textContent = String(v);
    else if (k === 'class') el.setAttribute('class', v);
    else if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, String(v));
  });
}

/** An HTML element: props are attributes, 'text' (textContent), 'class' and on<event> listeners. */
function h(tag, props, children) {
  var el = document.createElement(tag);
  setProps(el, props);
  return append(el, children);
}

function svg(tag, props, children) {
  var el = document.createElementNS(SVG_NS, tag);
  setProps(el, props);
  return append(el, children);
}

function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

function fmtScore(x) {
  return typeof x === 'number' && isFinite(x) ? x.toFixed(3) : '—';
}

/** A minibatch score (a sum over the minibatch): whole numbers as such, others to 3 decimals. */
function fmtSum(x) {
  if (typeof x !== 'number' || !isFinite(x)) return '—';
  return Math.round(x) === x ? String(x) : x.toFixed(3);
}

function fmtInt(n) {
  return typeof n === 'number' && isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—';
}

function fmtUsd(x) {
  if (typeof x !== 'number' || !isFinite(x)) return '—';
  return x < 0.01 && x > 0 ? '$' + x.toFixed(4) : '$' + x.toFixed(2);
}

/** Red (0) through amber to green (1). */
function scoreColor(x) {
  var v = typeof x === 'number' && isFinite(x) ? Math.max(0, Math.min(1, x)) : 0;
  return 'hsl(' + Math.round(v * 120) + ', 62%, ' + (44 - 6 * v) + '%)';
}

/** A pre element showing a word diff's parts ([op, text]: 0 kept, 1 added, -1 removed) as text. */
function diffView(parts, testId) {
  var pre = h('pre', { class: 'text', 'data-testid': testId });
  if (!parts.length) pre.appendChild(document.createTextNode('(empty)'));
  parts.forEach(function (p) {
    var tag = p[0] === 1 ? 'ins' : p[0] === -1 ? 'del' : 'span';
    pre.appendChild(h(tag, { text: p[1] }));
  });
  return pre;
}

function textView(text, testId) {
  return h('pre', { class: 'text', 'data-testid': testId, text: text === '' ? '(empty)' : text });
}

/** Prev / next over pages of pageSize items; onPage(page) draws one. Returns the element and its setter. */
function pager(pageSize, onPage) {
  var state = { page: 0, total: 0 };
  var label = h('span', { 'data-testid': 'pager-label' });
  var prev = h('button', { type: 'button', text: '‹ Prev', onclick: function () { go(state.page - 1); } });
  var next = h('button', { type: 'button', text: 'Next ›', onclick: function () { go(state.page + 1); } });
  function pages() {
    return Math.max(1, Math.ceil(state.total / pageSize));
  }
  function go(page) {
    state.page = Math.max(0, Math.min(pages() - 1, page));
    prev.disabled = state.page === 0;
    next.disabled = state.page >= pages() - 1;
    var from = state.total ? state.page * pageSize + 1 : 0;
    var to = Math.min(state.total, (state.page + 1) * pageSize);
    label.textContent =
      from + '–' + to + ' of ' + fmtInt(state.total) + ' (page ' + (state.page + 1) + ' of ' + pages() + ')';
    onPage(state.page);
  }
  return {
    el: h('span', { class: 'pager' }, [prev, label, next]),
    reset: function (total, page) {
      state.total = total;
      go(page || 0);
    },
    page: function () {
      return state.page;
    },
  };
}

function section(id, title, note) {
  var el = h('section', { id: id, 'data-testid': 'section-' + id }, [h('h2', { text: title })]);
  if (note) el.appendChild(h('p', { class: 'note', text: note }));
  return el;
}

function kv(pairs) {
  var dl = h('dl', { class: 'kv' });
  pairs.forEach(function (p) {
    if (p[1] === undefined || p[1] === null) return;
    dl.appendChild(h('dt', { text: p[0] }));
    dl.appendChild(h('dd', null, p[1]));
  });
  return dl;
}
`;
