// The report page's run facts (plain JavaScript): the header (status, best and seed scores, counts,
// metric calls, cost), the best and seed texts with the changes between them, and the run's config
// (without secrets or dataset rows) next to its usage by role.
export const INFO_SCRIPT = String.raw`
function renderHeader(data, ctx) {
  var run = data.run, best = ctx.candidate(run.bestIdx), seed = ctx.candidate(0);
  var accepted = data.proposals.filter(function (p) { return p.status === 'accepted'; }).length;
  var fact = function (label, value) { return h('span', null, [label + ' ', h('b', { text: value })]); };
  var facts = [
    fact('Status', run.status + (run.statusMessage ? ' (' + run.statusMessage + ')' : '')),
    fact('Best', best ? '#' + best.idx + ', ' + fmtScore(best.score) : '—'),
    fact('Seed', seed ? fmtScore(seed.score) : '—'),
    fact('Candidates', fmtInt(data.candidates.length)),
  ];
  if (data.sections.indexOf('proposals') >= 0)
    facts.push(fact('Proposals', fmtInt(data.proposals.length) + ' (' + accepted + ' accepted)'));
  facts.push(fact('Metric calls', fmtInt(run.metricCalls) + (run.cap ? ' of ' + fmtInt(run.cap) : '')));
  facts.push(fact('Iterations', fmtInt(run.iterations)));
  if (data.usage)
    facts.push(fact('Cost', fmtUsd(data.usage.total.costUsd) + (data.usage.total.unpricedCalls ? ' + unpriced' : '')));
  var links = data.sections.map(function (s) {
    return h('a', { href: '#' + s, text: SECTION_TITLES[s] });
  });
  return h('header', { class: 'top' }, [
    h('h1', { 'data-testid': 'report-title', text: data.title }),
    h('div', { class: 'facts', 'data-testid': 'report-facts' }, facts),
    h('div', { class: 'note', text: 'GEPA Studio report, generated ' + new Date(data.generatedAt).toLocaleString() +
      (run.runId ? ' · run ' + run.runId : '') + (data.cut ? ' · ' + data.cut + ' long LM texts shortened' : '') }),
    links.length > 1 ? h('nav', { class: 'sections' }, links) : null,
  ]);
}

var SECTION_TITLES = { tree: 'Lineage', chart: 'Score', texts: 'Best and seed', proposals: 'Proposals',
  matrix: 'Per example', config: 'Config and usage' };

function renderTexts(data, ctx) {
  var best = ctx.candidate(data.run.bestIdx), seed = ctx.candidate(0);
  var el = section('texts', 'Best and seed texts', best && seed && best.idx !== seed.idx
    ? 'Candidate #' + best.idx + ' (' + fmtScore(best.score) + ') against the seed (' + fmtScore(seed.score) + ').'
    : 'The best candidate is the seed: no proposal beat it on the validation set.');
  if (!best || !seed) return el;
  Object.keys(best.texts).forEach(function (k) {
    el.appendChild(h('div', { class: 'comp', text: k }));
    el.appendChild(h('div', { class: 'texts' }, [
      h('div', null, [h('h3', { text: 'Best (#' + best.idx + ')' }), textView(best.texts[k], 'best-text-' + k)]),
      h('div', null, [h('h3', { text: 'Seed (#0)' }),
        textView(seed.texts[k] === undefined ? '' : seed.texts[k], 'seed-text-' + k)]),
      h('div', null, [h('h3', { text: 'Changes, seed → best' }), diffView(data.bestDiff[k] || [], 'best-diff-' + k)]),
    ]));
  });
  return el;
}

function usageTable(usage) {
  var rows = Object.keys(usage.byRole).map(function (role) { return [role, usage.byRole[role]]; });
  rows.push(['total', usage.total]);
  var num = function (v) { return h('td', { class: 'num', text: v }); };
  return h('table', { 'data-testid': 'usage-table' }, [
    h('thead', null, h('tr', null, ['role', 'calls', 'cached', 'prompt tokens', 'completion tokens', 'cost']
      .map(function (t, i) { return h('th', { class: i ? 'num' : null, text: t }); }))),
    h('tbody', null, rows.map(function (r) {
      var u = r[1];
      return h('tr', null, [h('td', { text: r[0] }), num(fmtInt(u.calls)), num(fmtInt(u.cachedCalls)),
        num(fmtInt(u.promptTokens)), num(fmtInt(u.completionTokens)),
        num(fmtUsd(u.costUsd) + (u.unpricedCalls ? ' (' + u.unpricedCalls + ' unpriced)' : ''))]);
    })),
  ]);
}

function renderConfig(data) {
  var el = section('config', 'Config and usage',
    'The run configuration without API keys, tokens or the dataset’s rows, and the tokens and cost it used.');
  var s = data.summary;
  var right = [h('h3', { text: 'Usage' })];
  if (data.usage) {
    right.push(usageTable(data.usage));
    right.push(h('p', { class: 'note',
      text: fmtInt(data.usage.cacheHits) + ' cache hits saved ' + fmtUsd(data.usage.cacheSavedUsd) }));
  } else right.push(h('p', { class: 'note', text: 'No usage was recorded.' }));
  if (s) {
    right.push(h('h3', { text: 'Summary' }));
    right.push(kv([['Stop reason', s.stopReason], ['Iterations', fmtInt(s.totalIterations)],
      ['Candidates', fmtInt(s.totalCandidates)], ['Metric calls', fmtInt(s.totalMetricCalls)],
      ['Best', '#' + s.bestCandidateIdx + ', ' + fmtScore(s.bestValsetScore)]]));
  }
  el.appendChild(h('div', { class: 'cols2' }, [
    h('div', null, [h('h3', { text: 'Config' }),
      textView(data.config ? JSON.stringify(data.config, null, 2) : 'No config was recorded.', 'config-json')]),
    h('div', null, right),
  ]));
  return el;
}
`;
