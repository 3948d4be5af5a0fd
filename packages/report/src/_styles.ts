/** The report's own stylesheet: system fonts only (no web fonts), readable from phone width to 1280 px. */
export const REPORT_CSS = `
:root { color-scheme: light; --fg: #202124; --muted: #5f6368; --line: #dadce0; --bg: #fff; --panel: #f8f9fa; --link: #1a4fa0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--link); }
a:focus-visible, [tabindex]:focus-visible, summary:focus-visible { outline: 3px solid #e37400; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 8px; }
.skip:focus { left: 8px; z-index: 10; }
header, main, footer { max-width: 1240px; margin: 0 auto; padding: 0 20px; }
header h1 { margin: 20px 0 4px; font-size: 1.6rem; }
h2 { font-size: 1.3rem; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1.1rem; margin: 0 0 6px; }
small, .muted { color: var(--muted); }
.small { font-size: 0.85em; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 14px; padding: 0; margin: 12px 0; }
.runs { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr)); gap: 0 24px; }
dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 12px; margin: 8px 0; }
dl.facts div { display: contents; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; margin: 8px 0 16px; }
table.results { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
table.results caption { text-align: left; color: var(--muted); padding-bottom: 4px; }
table.results th, table.results td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
table.results thead th { background: var(--panel); white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 0.85em; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
.rating-excellent { background: #e6f4ea; color: #0d652d; border-color: #81c995; }
.rating-good { background: #e8f0fe; color: #174ea6; border-color: #8ab4f8; }
.rating-needs_work { background: #fce8e6; color: #a50e0e; border-color: #f28b82; }
.rating-unrated, .verdict-unchanged, .status-skipped { background: #f1f3f4; color: #3c4043; border-color: #bdc1c6; }
.verdict-slower, .status-failed { background: #fce8e6; color: #a50e0e; border-color: #f28b82; }
.verdict-faster { background: #e6f4ea; color: #0d652d; border-color: #81c995; }
.verdict-inconclusive { background: #fef7e0; color: #7a4f01; border-color: #fdd663; }
.diag { display: inline-block; font-size: 0.85em; color: #7a4f01; white-space: nowrap; }
article.bench { border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; margin: 14px 0; background: var(--bg); }
.what { margin: 4px 0; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 340px), 1fr)); gap: 12px; margin: 10px 0; }
figure { margin: 0; min-width: 0; }
figcaption { font-size: 0.85em; color: var(--muted); }
.chart { min-width: 0; min-height: 220px; overflow: hidden; }
ul.diagnostics { padding-left: 0; list-style: none; color: #7a4f01; }
details pre { background: var(--panel); padding: 8px; overflow-x: auto; font-size: 0.8em; }
footer { color: var(--muted); font-size: 0.85em; padding-bottom: 24px; }
@media (max-width: 600px) {
  body { font-size: 14px; }
  header, main, footer { padding: 0 10px; }
  dl.facts { grid-template-columns: minmax(0, 1fr); }
  dl.facts dt { margin-top: 4px; }
}
`;
