// The report page's per-example matrix (plain JavaScript): candidates × val examples, each cell coloured
// by the score, framed when the candidate is on that example's Pareto front. 50 candidates a page (sorted
// by score or by number), so a 1,000-candidate run draws a page at a time; a cell shows the example and
// the candidate's output below the matrix.
export const MATRIX_SCRIPT = String.raw`
var MATRIX_PAGE = 50;

function renderMatrix(data, ctx) {
  var el = section('matrix', 'Per-example scores',
    'Rows are candidates, columns val examples; a cell with a white dot: the candidate is on the Pareto front for ' +
    'that example (the best score there). Click a cell for the example and the output, a row label to show ' +
    'the candidate.');
  var examples = data.examples;
  var onFront = data.front.map(function (ps) {
    var set = {};
    (ps || []).forEach(function (p) { set[p] = 1; });
    return set;
  });
  var sort = h('select', { 'aria-label': 'sort', 'data-testid': 'matrix-sort' }, [
    h('option', { value: 'score', text: 'best score first' }), h('option', { value: 'index', text: 'by number' }),
  ]);
  var order = [];
  var body = h('tbody');
  var picked = h('div', { 'data-testid': 'matrix-cell-detail' });
  var pages = pager(MATRIX_PAGE, draw);
  var labels = [h('th', { text: 'candidate' }), h('th', { text: 'score' })];
  var head = h('tr', null, labels.concat(examples.map(function (e, j) {
    // two-digit numbers do not fit a 14-pixel column: every fifth is numbered, each has its id as tooltip
    return h('th', { class: 'col', title: e.id, text: j === 0 || (j + 1) % 5 === 0 ? String(j + 1) : '' });
  })));
  var table = h('table', { class: 'matrix', 'data-testid': 'matrix' }, [h('thead', null, head), body]);
  var wrap = h('div', { class: 'matrix-wrap' }, table);
  var pickedCell = null;

  function showCell(c, j, td) {
    if (pickedCell) pickedCell.classList.remove('picked');
    pickedCell = td;
    td.classList.add('picked');
    clear(picked);
    var e = examples[j] || { id: String(j), text: '' };
    picked.appendChild(h('h3', { text: 'Candidate #' + c.idx + ' on example ' + (j + 1) + ' (' + e.id + '): ' +
      fmtScore(c.scores[j]) +
      (onFront[j] && onFront[j][c.idx] ? ', on the Pareto front' : '') }));
    picked.appendChild(h('div', { class: 'cols2' }, [
      h('div', null, [h('div', { class: 'comp', text: 'Example' }), textView(e.text, 'matrix-example')]),
      h('div', null, [h('div', { class: 'comp', text: 'Output' }),
        textView(c.outputs[j] === undefined ? '' : c.outputs[j], 'matrix-output')]),
    ]));
  }
  function draw(page) {
    clear(body);
    order.slice(page * MATRIX_PAGE, (page + 1) * MATRIX_PAGE).forEach(function (c) {
      var tr = h('tr', null, [
        h('th', null, h('button', { type: 'button', text: '#' + c.idx + (c.idx === data.run.bestIdx ? ' best' : ''),
          onclick: function () { ctx.select(c.idx); } })),
        h('td', { class: 'num', text: fmtScore(c.score) }),
      ]);
      c.scores.forEach(function (s, j) {
        var td = h('td', { class: 'cell' + (onFront[j] && onFront[j][c.idx] ? ' front' : ''),
          title: '#' + c.idx + ' · ' + (examples[j] ? examples[j].id : j) + ' · ' + fmtScore(s) });
        td.style.background = scoreColor(s);
        td.addEventListener('click', function () { showCell(c, j, td); });
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }
  function resort() {
    order = data.candidates.slice();
    if (sort.value === 'score') order.sort(function (a, b) { return b.score - a.score || a.idx - b.idx; });
    pages.reset(order.length);
  }
  sort.addEventListener('change', resort);
  el.appendChild(h('div', { class: 'toolbar' }, [h('label', null, ['Sort ', sort]), pages.el,
    h('span', { class: 'note', text: examples.length + ' val examples' })]));
  el.appendChild(wrap);
  el.appendChild(picked);
  resort();
  return el;
}
`;
