#include "report/stylesheet.h"

namespace uw::report {

std::string_view Stylesheet() {
  // Colours: a blue and a warm orange lead (they stay apart for colour-blind readers), then
  // six more categorical hues; each has a lighter twin for dark backgrounds.
  static constexpr std::string_view kCss = R"css(
:root {
  color-scheme: light dark;
  --bg: #f7f7f5; --panel: #ffffff; --fg: #1d1f23; --muted: #5d6470; --faint: #8a919c;
  --line: #e3e4e8; --grid: #eceef1; --accent: #2f5fd0; --note-bg: #fff6e0; --note-line: #f0c36a;
  --s0: #2f6fdb; --s1: #e07a2f; --s2: #2a9d78; --s3: #c4477f; --s4: #8667d6; --s5: #c29a12;
  --s6: #2c97b8; --s7: #a35a3a; --s-other: #b7bcc4; --cell: #2f6fdb;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #111317; --panel: #1a1d23; --fg: #e8eaee; --muted: #a4abb6; --faint: #7b828d;
    --line: #2c3038; --grid: #252930; --accent: #7aa2ff; --note-bg: #2b2416; --note-line: #8c6a2a;
    --s0: #6b9bff; --s1: #f39a5b; --s2: #4fc59e; --s3: #ec79ad; --s4: #ad95f2; --s5: #e2bd45;
    --s6: #58bddb; --s7: #d08866; --s-other: #59606b; --cell: #7aa2ff;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); }
body {
  margin: 0 auto; max-width: 980px; padding: 32px 24px 64px; color: var(--fg); background: var(--bg);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
  font-variant-numeric: tabular-nums;
}
header h1 { font-size: 2.1rem; line-height: 1.2; margin: 0 0 4px; letter-spacing: -0.01em; }
header .sub { color: var(--muted); margin: 0 0 16px; }
h2 { font-size: 1.35rem; margin: 0 0 4px; letter-spacing: -0.005em; }
h3 { font-size: 1rem; margin: 20px 0 6px; color: var(--muted); font-weight: 600; }
nav.toc { margin: 8px 0 24px; display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 0.9rem; }
nav.toc a { color: var(--accent); text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
section {
  background: var(--panel); border: 1px solid var(--line); border-radius: 12px;
  padding: 22px 24px 18px; margin: 0 0 20px;
}
.takeaway { font-size: 1.05rem; margin: 4px 0 14px; }
.hint { color: var(--muted); font-size: 0.9rem; margin: 4px 0 10px; }
.note {
  background: var(--note-bg); border-left: 4px solid var(--note-line); border-radius: 6px;
  padding: 10px 14px; margin: 10px 0 16px; font-size: 0.95rem;
}
code { font: 0.9em ui-monospace, "DejaVu Sans Mono", monospace; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(118px, 1fr)); gap: 10px; margin: 12px 0 18px; }
.cards div { border: 1px solid var(--line); border-radius: 10px; padding: 10px 12px; }
.cards dt { color: var(--muted); font-size: 0.82rem; }
.cards dd { margin: 2px 0 0; font-size: 1.35rem; font-weight: 650; }
figure.chart { margin: 10px 0 18px; }
figure.chart figcaption { font-weight: 600; font-size: 0.95rem; margin: 0 0 6px; }
figure.chart svg { display: block; width: 100%; height: auto; overflow: visible; }
details { margin-top: 6px; font-size: 0.85rem; color: var(--muted); }
details summary { cursor: pointer; }
details > table, .table-wrap { display: block; overflow-x: auto; }
table { border-collapse: collapse; margin: 8px 0; font-size: 0.85rem; color: var(--fg); }
th, td { padding: 3px 10px 3px 0; text-align: right; border-bottom: 1px solid var(--grid); white-space: nowrap; }
th[scope=row], thead th:first-child { text-align: left; font-weight: 500; }
thead th { color: var(--muted); font-weight: 600; }
ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 0; margin: 0 0 6px; font-size: 0.85rem; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 3px; margin-right: 6px; vertical-align: -1px; }
svg text { fill: var(--muted); font-size: 12px; font-family: inherit; }
svg text.label { fill: var(--fg); font-size: 13px; }
svg text.sublabel { fill: var(--faint); font-size: 11.5px; }
svg text.value { fill: var(--muted); font-size: 12px; }
svg text.tick { font-size: 11.5px; }
svg line.grid { stroke: var(--grid); stroke-width: 1; }
svg line.baseline { stroke: var(--line); stroke-width: 1; }
svg rect.cell { fill: var(--cell); }
svg path.line { fill: none; stroke-width: 2.5; stroke-linejoin: round; stroke-linecap: round; }
.s0 { fill: var(--s0); stroke: var(--s0); background: var(--s0); }
.s1 { fill: var(--s1); stroke: var(--s1); background: var(--s1); }
.s2 { fill: var(--s2); stroke: var(--s2); background: var(--s2); }
.s3 { fill: var(--s3); stroke: var(--s3); background: var(--s3); }
.s4 { fill: var(--s4); stroke: var(--s4); background: var(--s4); }
.s5 { fill: var(--s5); stroke: var(--s5); background: var(--s5); }
.s6 { fill: var(--s6); stroke: var(--s6); background: var(--s6); }
.s7 { fill: var(--s7); stroke: var(--s7); background: var(--s7); }
.s-other { fill: var(--s-other); stroke: var(--s-other); background: var(--s-other); }
svg rect.bar, svg rect[class^=s] { stroke: none; }
svg path.line { fill: none; }
footer { color: var(--faint); font-size: 0.85rem; margin-top: 28px; }
@media (max-width: 640px) {
  body { padding: 16px 10px 40px; }
  section { padding: 16px 14px; }
}
@media print {
  :root { --bg: #fff; --panel: #fff; --fg: #000; --muted: #444; --line: #ccc; --grid: #e6e6e6; }
  html, body { background: #fff; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav.toc, details { display: none; }
  section { border: none; border-top: 1px solid #ccc; border-radius: 0; padding: 12px 0; break-inside: auto; }
  figure.chart, .cards, h2 { break-inside: avoid; }
  h2 { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";
  return kCss;
}

}  // namespace uw::report
