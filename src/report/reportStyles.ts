// The report page's styles, inlined into its <style> element: no fonts or images to fetch, system fonts
// only, so the file looks the same offline. Scores use one red→amber→green scale (set by the script).
export const REPORT_STYLES = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa; --accent: #0969da;
  --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
  background: #fff; }
header.top { padding: 14px 24px 10px; border-bottom: 1px solid var(--line); background: var(--bg); }
header.top h1 { margin: 0 0 6px; font-size: 20px; }
.facts { display: flex; flex-wrap: wrap; gap: 6px 18px; color: var(--muted); }
.facts b { color: var(--fg); font-weight: 600; }
nav.sections { display: flex; gap: 14px; margin-top: 8px; flex-wrap: wrap; }
nav.sections a { color: var(--accent); text-decoration: none; }
main { padding: 0 24px 40px; max-width: 1600px; }
section { margin-top: 22px; }
section h2 { font-size: 16px; margin: 0 0 8px; }
.note { color: var(--muted); font-size: 13px; margin: 4px 0 8px; }
pre.text { white-space: pre-wrap; word-break: break-word; margin: 0; padding: 8px 10px; background: var(--bg);
  border: 1px solid var(--line); border-radius: 6px; font: 12.5px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace;
  max-height: 360px; overflow: auto; }
pre.text ins { background: #dafbe1; text-decoration: none; }
pre.text del { background: #ffebe9; color: #82071e; }
button, select, input { font: inherit; }
button { border: 1px solid var(--line); background: #fff; border-radius: 6px; padding: 2px 10px; cursor: pointer; }
button:hover:not(:disabled) { background: var(--bg); }
button:disabled { color: #aaa; cursor: default; }
.toolbar { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; margin-bottom: 6px; }
.toolbar input[type=number] { width: 80px; }
.toolbar input[type=search] { width: 220px; }
.legend { display: inline-flex; gap: 12px; color: var(--muted); font-size: 12px; align-items: center; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 4px;
  vertical-align: -1px; }
.tree-wrap { display: grid; grid-template-columns: minmax(0, 1fr) 400px; gap: 12px; }
.tree-box { position: relative; height: 520px; border: 1px solid var(--line); border-radius: 6px; overflow: hidden;
  background: #fff; cursor: grab; touch-action: none; }
.tree-box.dragging { cursor: grabbing; }
.tree-box svg { width: 100%; height: 100%; display: block; user-select: none; }
.tree-box .node { cursor: pointer; }
.tree-box .node circle { stroke: #fff; stroke-width: 1.5; }
.tree-box .node.best circle { stroke: #1f2328; stroke-width: 3; }
.tree-box .node.selected circle { stroke: var(--accent); stroke-width: 4; }
/* zoomed out over 1,000 nodes, rings keep their screen width so the best and the selected one stay visible */
.tree-box .node.best circle, .tree-box .node.selected circle { vector-effect: non-scaling-stroke; }
.tree-box .node text { font-size: 9px; fill: #fff; pointer-events: none; font-weight: 600; }
.tree-box path.edge { fill: none; stroke: #afb8c1; stroke-width: 1; }
.tree-box path.edge.merge { stroke-dasharray: 4 3; }
.tree-box path.edge.lit { stroke: var(--accent); stroke-width: 2.5; }
.detail { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; max-height: 520px; overflow: auto;
  align-self: start; }
.detail h3 { margin: 0 0 6px; font-size: 15px; }
.detail .comp { font-weight: 600; margin: 10px 0 4px; }
.links button { margin: 0 4px 4px 0; padding: 0 6px; }
.strip { display: flex; flex-wrap: wrap; gap: 1px; margin-top: 4px; }
.strip span { width: 9px; height: 14px; display: inline-block; }
.chart-box svg { width: 100%; height: 280px; display: block; border: 1px solid var(--line); border-radius: 6px; }
.chart-box .axis { stroke: #8c959f; stroke-width: 1; }
.chart-box .grid { stroke: #eaeef2; stroke-width: 1; }
.chart-box text { font-size: 11px; fill: var(--muted); }
.chart-box .dot { cursor: pointer; }
.texts { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 10px; }
.texts h3 { font-size: 13px; margin: 0 0 4px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--bg); font-weight: 600; font-size: 13px; position: sticky; top: 0; }
table.proposals tbody tr.row { cursor: pointer; }
table.proposals tbody tr.row:hover { background: #f3f6fa; }
table.proposals tr.open { background: #eef4fd; }
table.proposals td.clip { max-width: 520px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.status { font-weight: 600; }
.status.accepted { color: var(--ok); } .status.rejected { color: var(--bad); } .status.skipped { color: var(--warn); }
tr.more > td { background: #fbfcfd; padding: 10px 12px 14px; }
details { margin-top: 8px; } summary { cursor: pointer; color: var(--accent); }
.matrix-wrap { overflow: auto; max-height: 640px; border: 1px solid var(--line); border-radius: 6px; }
table.matrix { width: auto; }
table.matrix td, table.matrix th { padding: 0; border: 0; }
table.matrix th { padding: 2px 6px; font-size: 11px; font-weight: 500; white-space: nowrap; }
table.matrix th.col { min-width: 14px; max-width: 14px; text-align: center; padding: 2px 0; }
table.matrix td.cell { width: 14px; height: 14px; min-width: 14px; border: 1px solid #fff; cursor: pointer; }
table.matrix td.cell.front::after { content: ''; display: block; width: 4px; height: 4px; margin: auto;
  border-radius: 50%; background: #fff; }
table.matrix th.col { font-size: 10px; overflow: visible; }
table.matrix td.cell.picked { outline: 2px solid var(--accent); }
.pager { display: inline-flex; gap: 6px; align-items: center; }
.kv { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; }
.kv dt { color: var(--muted); } .kv dd { margin: 0; }
.cols2 { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 14px; }
@media (max-width: 900px) { .tree-wrap, .texts, .cols2 { grid-template-columns: 1fr; } }
`;
