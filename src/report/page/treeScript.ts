// The report page's lineage tree (plain JavaScript): the generator's layout drawn as SVG, panned by
// dragging and zoomed with the wheel or the buttons; clicking a node (or picking it anywhere else in the
// report) shows its texts, scores, parents and children beside the tree. Labels are drawn only while the
// tree is small enough to read them; every node has a tooltip.
export const TREE_SCRIPT = String.raw`
function renderTree(data, ctx) {
  var cands = data.candidates;
  var pos = data.tree.positions;
  var el = section('tree', 'Candidate lineage',
    'Each node is a candidate, coloured by its validation score; arrows run from parents to children, dashed for ' +
    'a merge. Drag to pan, scroll or use the buttons to zoom, click a node to see its texts and scores.');
  var r = cands.length > 300 ? 6 : 9;
  var viewport = svg('g', { class: 'viewport' });
  var edgesG = svg('g');
  var nodesG = svg('g');
  viewport.appendChild(edgesG);
  viewport.appendChild(nodesG);
  var root = svg('svg', { 'data-testid': 'tree-svg', role: 'img', 'aria-label': 'candidate lineage tree' }, viewport);
  var box = h('div', { class: 'tree-box', 'data-testid': 'tree-box' }, root);
  var detail = h('div', { class: 'detail', 'data-testid': 'node-detail' });

  var at = {};
  cands.forEach(function (c, i) { at[c.idx] = i; });
  var edgesOf = {};
  var nodeEls = {};
  cands.forEach(function (c, i) {
    c.parents.forEach(function (p) {
      var j = at[p];
      if (j === undefined) return;
      var a = pos[j], b = pos[i], mx = (a[0] + b[0]) / 2;
      var path = svg('path', {
        class: 'edge' + (c.parents.length > 1 ? ' merge' : ''),
        d: 'M' + a[0] + ' ' + a[1] + 'C' + mx + ' ' + a[1] + ' ' + mx + ' ' + b[1] + ' ' + b[0] + ' ' + b[1],
      });
      edgesG.appendChild(path);
      (edgesOf[c.idx] = edgesOf[c.idx] || []).push(path);
      (edgesOf[p] = edgesOf[p] || []).push(path);
    });
  });
  cands.forEach(function (c, i) {
    var g = svg('g', {
      class: 'node' + (c.idx === data.run.bestIdx ? ' best' : ''),
      transform: 'translate(' + pos[i][0] + ',' + pos[i][1] + ')',
      'data-idx': c.idx,
      'data-testid': 'tree-node-' + c.idx,
    }, [
      svg('circle', { r: r, fill: scoreColor(c.score) }),
      svg('title', { text: '#' + c.idx + ' · score ' + fmtScore(c.score) + ' · ' + c.origin +
        (c.idx === data.run.bestIdx ? ' · best' : '') }),
    ]);
    if (cands.length <= 300) g.appendChild(svg('text', { 'text-anchor': 'middle', dy: '0.35em', text: c.idx }));
    nodeEls[c.idx] = g;
    nodesG.appendChild(g);
  });

  // pan and zoom: one transform on the viewport group
  var view = { k: 1, x: 0, y: 0 };
  function apply() {
    viewport.setAttribute('transform', 'translate(' + view.x + ',' + view.y + ') scale(' + view.k + ')');
  }
  function size() {
    return { w: box.clientWidth || 800, h: box.clientHeight || 500 };
  }
  function fit() {
    var s = size(), pad = 24;
    var w = data.tree.width + 2 * pad, hh = data.tree.height + 2 * pad;
    view.k = Math.min(2, s.w / w, s.h / hh);
    view.x = (s.w - data.tree.width * view.k) / 2;
    view.y = s.h / 2;
    apply();
  }
  function zoomAt(factor, px, py) {
    var k = Math.max(0.05, Math.min(12, view.k * factor));
    view.x = px - (px - view.x) * (k / view.k);
    view.y = py - (py - view.y) * (k / view.k);
    view.k = k;
    apply();
  }
  function reveal(idx) {
    var i = at[idx];
    if (i === undefined) return;
    var s = size(), x = pos[i][0] * view.k + view.x, y = pos[i][1] * view.k + view.y;
    if (x < 20 || y < 20 || x > s.w - 20 || y > s.h - 20) {
      view.x += s.w / 2 - x;
      view.y += s.h / 2 - y;
      apply();
    }
  }
  root.addEventListener('wheel', function (e) {
    e.preventDefault();
    var b = root.getBoundingClientRect();
    zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - b.left, e.clientY - b.top);
  }, { passive: false });
  var drag = null;
  root.addEventListener('pointerdown', function (e) {
    var node = e.target.closest ? e.target.closest('.node') : null;
    drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, moved: false, node: node };
    root.setPointerCapture(e.pointerId);
  });
  root.addEventListener('pointermove', function (e) {
    if (!drag) return;
    var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    drag.moved = true;
    box.classList.add('dragging');
    view.x = drag.vx + dx;
    view.y = drag.vy + dy;
    apply();
  });
  function endDrag() {
    if (drag && !drag.moved && drag.node) ctx.select(Number(drag.node.getAttribute('data-idx')));
    drag = null;
    box.classList.remove('dragging');
  }
  root.addEventListener('pointerup', endDrag);
  root.addEventListener('pointercancel', function () { drag = null; box.classList.remove('dragging'); });

  var find = h('input', { type: 'number', min: 0, 'aria-label': 'candidate number', placeholder: '#',
    'data-testid': 'tree-find' });
  function goFind() {
    if (at[Number(find.value)] !== undefined && find.value !== '') ctx.select(Number(find.value));
  }
  find.addEventListener('keydown', function (e) { if (e.key === 'Enter') goFind(); });
  var center = function (f) { var s = size(); zoomAt(f, s.w / 2, s.h / 2); };
  el.appendChild(h('div', { class: 'toolbar' }, [
    h('button', { type: 'button', text: 'Fit', 'data-testid': 'tree-fit', onclick: fit }),
    h('button', { type: 'button', text: '+', 'aria-label': 'zoom in', onclick: function () { center(1.4); } }),
    h('button', { type: 'button', text: '−', 'aria-label': 'zoom out', onclick: function () { center(1 / 1.4); } }),
    h('label', null, ['Go to #', find]),
    h('button', { type: 'button', text: 'Show', onclick: goFind }),
    h('button', { type: 'button', text: 'Best', onclick: function () { ctx.select(data.run.bestIdx); } }),
    h('span', { class: 'legend' }, [
      h('span', { 'data-testid': 'tree-count', text: cands.length + ' candidates' }),
      h('span', { text: 'dark ring: best' }),
      h('span', { text: 'dashed: merge' }),
      h('span', { text: 'colour: score 0 (red) → 1 (green)' }),
    ]),
  ]));
  // a flat lineage (a chain, a few branches) needs less height than a wide one; the details keep theirs
  box.style.height = Math.max(320, Math.min(520, data.tree.height + 200)) + 'px';
  el.appendChild(h('div', { class: 'tree-wrap' }, [box, detail]));
  if (!cands.length) box.appendChild(h('p', { class: 'note', text: 'No candidates yet: the seed was never scored.' }));

  var lit = [];
  var selected = null;
  ctx.onSelect(function (idx) {
    if (selected !== null && nodeEls[selected]) nodeEls[selected].classList.remove('selected');
    lit.forEach(function (p) { p.classList.remove('lit'); });
    selected = idx;
    if (nodeEls[idx]) {
      nodeEls[idx].classList.add('selected');
      // drawn last, so the ring is not hidden under its neighbours
      nodesG.appendChild(nodeEls[idx]);
    }
    lit = edgesOf[idx] || [];
    lit.forEach(function (p) { p.classList.add('lit'); });
    reveal(idx);
    renderDetail(detail, data, ctx, idx);
  });
  ctx.afterLayout(fit);
  return el;
}

function renderDetail(detail, data, ctx, idx) {
  clear(detail);
  var c = ctx.candidate(idx);
  if (!c) return;
  var kids = ctx.children(idx);
  var rank = 1 + data.candidates.filter(function (o) { return o.score > c.score; }).length;
  var link = function (i) {
    return h('button', { type: 'button', text: '#' + i, onclick: function () { ctx.select(i); } });
  };
  var proposal = ctx.proposalFor(idx);
  detail.appendChild(h('h3', { 'data-testid': 'node-title', text: 'Candidate #' + idx +
    (idx === data.run.bestIdx ? ' — best' : idx === 0 ? ' — seed' : '') }));
  detail.appendChild(kv([
    ['Val score', fmtScore(c.score) + '  (rank ' + rank + ' of ' + data.candidates.length + ')'],
    ['Origin', c.origin + (proposal ? ', proposal #' + proposal.id : '')],
    ['Iteration', String(c.iteration)],
    ['Found after', fmtInt(c.calls) + ' metric calls'],
    ['Parents', c.parents.length ? h('span', { class: 'links' }, c.parents.map(link)) : 'none (seed)'],
    ['Children', kids.length ? h('span', { class: 'links' }, kids.slice(0, 60).map(link).concat(
      kids.length > 60 ? [' and ' + (kids.length - 60) + ' more'] : [])) : 'none'],
  ]));
  if (c.scores.length) {
    detail.appendChild(h('div', { class: 'comp', text: 'Per val example (' + c.scores.length + ')' }));
    var strip = h('div', { class: 'strip' });
    c.scores.forEach(function (s, j) {
      var cell = h('span', { title: (data.examples[j] ? data.examples[j].id : 'example ' + j) + ': ' + fmtScore(s) });
      cell.style.background = scoreColor(s);
      strip.appendChild(cell);
    });
    detail.appendChild(strip);
  }
  Object.keys(c.texts).forEach(function (k) {
    detail.appendChild(h('div', { class: 'comp', text: k }));
    detail.appendChild(textView(c.texts[k], 'node-text-' + k));
  });
  if (proposal && proposal.diff.length) {
    detail.appendChild(h('details', null, [
      h('summary', { text: 'What proposal #' + proposal.id + ' changed in ' + proposal.component }),
      diffView(proposal.diff),
    ]));
  }
}
`;
