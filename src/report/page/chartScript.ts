// The report page's score chart (plain JavaScript): the best validation score and the Pareto front's
// aggregate over metric calls, as step lines, with a dot per candidate where it was found (click one to
// show it in the tree). Redrawn at the box's width when the window resizes, so labels never stretch.
export const CHART_SCRIPT = String.raw`
function renderChart(data, ctx) {
  var el = section('chart', 'Score over metric calls',
    'Best validation score so far (solid) and the Pareto front aggregate (dashed: the mean over val examples of ' +
    'the best score any candidate reaches); a dot per candidate at the metric calls spent when it was found.');
  var box = h('div', { class: 'chart-box' });
  el.appendChild(box);
  var points = data.scores.slice();
  if (!points.length) {
    // an export from before score points were recorded: the best so far from the candidates
    var best = -Infinity;
    data.candidates.slice().sort(function (a, b) { return a.calls - b.calls; }).forEach(function (c) {
      best = Math.max(best, c.score);
      points.push([c.calls, best, best]);
    });
  }
  function draw() {
    clear(box);
    var W = Math.max(320, box.clientWidth || 900), H = 280, L = 48, R = 16, T = 14, B = 34;
    var xs = points.map(function (p) { return p[0]; }).concat(data.candidates.map(function (c) { return c.calls; }));
    var ys = points.map(function (p) { return Math.max(p[1], p[2]); }).concat(data.candidates.map(function (c) {
      return c.score;
    }));
    var xMax = Math.max(1, data.run.metricCalls, Math.max.apply(null, xs.concat([0])));
    var yMin = Math.min(0, Math.min.apply(null, ys.concat([0])));
    var yMax = Math.max(1, Math.max.apply(null, ys.concat([0])));
    var X = function (v) { return L + (v / xMax) * (W - L - R); };
    var Y = function (v) { return T + (1 - (v - yMin) / (yMax - yMin)) * (H - T - B); };
    var chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, 'data-testid': 'score-chart' });
    for (var t = 0; t <= 5; t++) {
      var yv = yMin + ((yMax - yMin) * t) / 5, xv = (xMax * t) / 5;
      chart.appendChild(svg('line', { class: 'grid', x1: L, x2: W - R, y1: Y(yv), y2: Y(yv) }));
      chart.appendChild(svg('text', { x: L - 6, y: Y(yv) + 4, 'text-anchor': 'end', text: yv.toFixed(2) }));
      chart.appendChild(svg('text', { x: X(xv), y: H - B + 16, 'text-anchor': 'middle', text: fmtInt(xv) }));
    }
    chart.appendChild(svg('line', { class: 'axis', x1: L, x2: W - R, y1: H - B, y2: H - B }));
    chart.appendChild(svg('line', { class: 'axis', x1: L, x2: L, y1: T, y2: H - B }));
    chart.appendChild(svg('text', { x: (L + W - R) / 2, y: H - 4, 'text-anchor': 'middle', text: 'metric calls' }));
    function step(k) {
      var d = '';
      points.forEach(function (p, i) {
        d += (i ? 'H' + X(p[0]) + 'V' : 'M' + X(p[0]) + ' ') + Y(p[k]);
      });
      if (points.length) d += 'H' + X(Math.max(points[points.length - 1][0], data.run.metricCalls));
      return d;
    }
    chart.appendChild(svg('path', { d: step(2), fill: 'none', stroke: '#8250df', 'stroke-width': 1.5,
      'stroke-dasharray': '5 4' }));
    chart.appendChild(svg('path', { d: step(1), fill: 'none', stroke: '#0969da', 'stroke-width': 2.2,
      'data-testid': 'best-line' }));
    var colours = { seed: '#1f2328', reflective: '#1a7f37', merge: '#bf8700' };
    var dotR = data.candidates.length > 300 ? 2.5 : 4;
    data.candidates.forEach(function (c) {
      chart.appendChild(svg('circle', {
        class: 'dot', cx: X(c.calls), cy: Y(c.score), r: dotR, fill: colours[c.origin] || '#57606a',
        'fill-opacity': 0.75, onclick: function () { ctx.select(c.idx); },
      }, svg('title', { text: '#' + c.idx + ' · ' + fmtScore(c.score) + ' · found after ' + fmtInt(c.calls) +
        ' metric calls' })));
    });
    box.appendChild(chart);
  }
  el.appendChild(h('div', { class: 'legend' }, [
    h('span', { text: '━ best score' }), h('span', { text: '┅ Pareto aggregate' }),
    h('span', { text: 'dots: candidates (black seed, green reflective, amber merge)' }),
  ]));
  ctx.afterLayout(draw);
  var timer = null;
  window.addEventListener('resize', function () {
    clearTimeout(timer);
    timer = setTimeout(draw, 150);
  });
  return el;
}
`;
