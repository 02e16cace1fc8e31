// The report page's entry (plain JavaScript): reads the run's data from the JSON script element (text,
// never markup), draws the sections the report holds, and connects them: picking a candidate anywhere
// (the tree, the chart, a table) selects it in the tree and shows its details.
export const MAIN_SCRIPT = String.raw`
function main() {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var byIdx = {}, kids = {}, fromProposal = {};
  data.candidates.forEach(function (c) {
    byIdx[c.idx] = c;
    c.parents.forEach(function (p) { (kids[p] = kids[p] || []).push(c.idx); });
  });
  data.proposals.forEach(function (p) { if (p.candidate >= 0) fromProposal[p.candidate] = p; });
  var listeners = [], layouts = [];
  var ctx = {
    candidate: function (i) { return byIdx[i]; },
    children: function (i) { return kids[i] || []; },
    proposalFor: function (i) { return fromProposal[i] || null; },
    onSelect: function (fn) { listeners.push(fn); },
    select: function (i) {
      if (byIdx[i]) listeners.forEach(function (fn) { fn(i); });
    },
    afterLayout: function (fn) { layouts.push(fn); },
  };
  var renderers = { tree: renderTree, chart: renderChart, texts: renderTexts, proposals: renderProposals,
    matrix: renderMatrix, config: renderConfig };
  var app = document.getElementById('app');
  document.title = data.title + ' — GEPA Studio report';
  app.appendChild(renderHeader(data, ctx));
  var main = h('main');
  app.appendChild(main);
  data.sections.forEach(function (s) { main.appendChild(renderers[s](data, ctx)); });
  // sizes are known once the sections are in the document
  layouts.forEach(function (fn) { fn(); });
  ctx.select(byIdx[data.run.bestIdx] ? data.run.bestIdx : 0);
  document.body.setAttribute('data-ready', 'true');
}

try {
  main();
} catch (err) {
  var why = 'The report could not be drawn: ' + ((err && err.stack) || err);
  document.body.appendChild(h('pre', { class: 'text', text: why }));
}
`;
