// The report page's proposals table (plain JavaScript): every proposal, accepted, rejected and skipped,
// filtered by status, component and text, a page of 25 rows at a time (so 5,000 proposals draw as fast as
// 25); a row opens its word diff against the parent text, the reason, and the reflection prompt and reply.
export const PROPOSALS_SCRIPT = String.raw`
var PROPOSALS_PAGE = 25;

function renderProposals(data, ctx) {
  var all = data.proposals;
  var count = function (s) { return all.filter(function (p) { return p.status === s; }).length; };
  var el = section('proposals', 'Proposals',
    all.length + ' proposals: ' + count('accepted') + ' accepted, ' + count('rejected') + ' rejected, ' +
    count('skipped') + ' skipped. Minibatch scores are sums over the reflection minibatch. Click a row for ' +
    'its diff against the parent, the reflection prompt and the reply.');
  // skipped rounds (every minibatch score already perfect) can outnumber the rest: shown on request only
  var statuses = count('skipped')
    ? ['tested', 'all', 'accepted', 'rejected', 'skipped']
    : ['all', 'accepted', 'rejected'];
  var status = h('select', { 'data-testid': 'proposal-status', 'aria-label': 'status' }, statuses.map(function (s) {
    return h('option', { value: s, text: s === 'tested' ? 'accepted and rejected' : s });
  }));
  var components = Object.keys(all.reduce(function (m, p) { m[p.component] = 1; return m; }, {}));
  var component = h('select', { 'aria-label': 'component' }, [h('option', { value: '', text: 'every component' })]
    .concat(components.map(function (c) { return h('option', { value: c, text: c }); })));
  var search = h('input', { type: 'search', placeholder: 'Search text and reasons', 'data-testid': 'proposal-search' });
  var body = h('tbody');
  var shown = all;
  var openId = null;
  var pages = pager(PROPOSALS_PAGE, draw);
  var table = h('table', { class: 'proposals', 'data-testid': 'proposals-table' }, [
    h('thead', null, h('tr', null, ['#', 'Iter', 'Status', 'Kind', 'Component', 'Parents', 'Child', 'Minibatch',
      'Calls', 'Change or reason'].map(function (t, i) {
      return h('th', { class: i === 0 || i === 1 || i === 8 ? 'num' : null, text: t });
    }))),
    body,
  ]);

  function firstAdded(p) {
    var added = p.diff.filter(function (d) { return d[0] === 1; }).map(function (d) { return d[1]; }).join(' ');
    return added.replace(/\s+/g, ' ').trim();
  }
  function matches(p, q) {
    if (!q) return true;
    return p.reason.toLowerCase().indexOf(q) >= 0 || p.diff.some(function (d) {
      return d[0] !== -1 && d[1].toLowerCase().indexOf(q) >= 0;
    });
  }
  function filter() {
    var s = status.value, c = component.value, q = search.value.trim().toLowerCase();
    shown = all.filter(function (p) {
      var wanted = s === 'all' || p.status === s || (s === 'tested' && p.status !== 'skipped');
      return wanted && (!c || p.component === c) && matches(p, q);
    });
    pages.reset(shown.length);
  }
  function candidateLink(i) {
    var pick = function (e) {
      e.stopPropagation();
      ctx.select(i);
    };
    return h('button', { type: 'button', text: '#' + i, onclick: pick });
  }
  function detailRow(p) {
    var cell = h('td', { colspan: 10, 'data-testid': 'proposal-detail' });
    cell.appendChild(kv([
      ['Status', p.status + (p.reason ? ': ' + p.reason : '')],
      ['Minibatch', fmtSum(p.before) + ' → ' + fmtSum(p.after)],
      ['Metric calls', fmtInt(p.calls)],
    ]));
    cell.appendChild(h('div', { class: 'comp', text: 'Proposed ' + p.component + ' against the parent’s' }));
    cell.appendChild(diffView(p.diff, 'proposal-diff'));
    cell.appendChild(h('details', null, [h('summary', { text: 'Reflection prompt' }),
      textView(p.prompt, 'proposal-prompt')]));
    cell.appendChild(h('details', null, [h('summary', { text: 'Reflection reply' }), textView(p.raw, 'proposal-raw')]));
    return h('tr', { class: 'more' }, cell);
  }
  function draw(page) {
    clear(body);
    shown.slice(page * PROPOSALS_PAGE, (page + 1) * PROPOSALS_PAGE).forEach(function (p) {
      var row = h('tr', { class: 'row' + (openId === p.id ? ' open' : ''), 'data-testid': 'proposal-row-' + p.id }, [
        h('td', { class: 'num', text: p.id }),
        h('td', { class: 'num', text: p.iteration }),
        h('td', null, h('span', { class: 'status ' + p.status, text: p.status })),
        h('td', { text: p.kind }),
        h('td', { text: p.component }),
        h('td', { class: 'links' }, p.parents.map(candidateLink)),
        h('td', { class: 'links' }, p.candidate >= 0 ? candidateLink(p.candidate) : '—'),
        h('td', { text: fmtSum(p.before) + ' → ' + fmtSum(p.after) }),
        h('td', { class: 'num', text: fmtInt(p.calls) }),
        h('td', { class: 'clip',
          text: p.status === 'accepted' ? firstAdded(p) || '(no change)' : p.reason || firstAdded(p) }),
      ]);
      row.addEventListener('click', function () {
        openId = openId === p.id ? null : p.id;
        draw(pages.page());
      });
      body.appendChild(row);
      if (openId === p.id) body.appendChild(detailRow(p));
    });
    if (!shown.length)
      body.appendChild(h('tr', null, h('td', { colspan: 10, class: 'note', text: 'No proposals match.' })));
  }
  [status, component].forEach(function (s) { s.addEventListener('change', filter); });
  var typing = null;
  search.addEventListener('input', function () { clearTimeout(typing); typing = setTimeout(filter, 150); });
  var tools = [h('label', null, ['Status ', status])];
  if (components.length > 1) tools.push(h('label', null, ['Component ', component]));
  tools.push(search, pages.el);
  el.appendChild(h('div', { class: 'toolbar' }, tools));
  el.appendChild(table);
  filter();
  return el;
}
`;
