/// The report's stylesheet, inlined into every page: readable prose, quiet code, clear status,
/// light and dark colours from `prefers-color-scheme`, and a print layout without navigation.
///
/// Figures may use `currentColor` and the `--plot-*` custom properties to follow the theme.
package enum Stylesheet {
  package static let css = """
    :root {
      color-scheme: light dark;
      --bg: #fcfcfb; --surface: #f4f5f7; --surface-2: #eceef2; --text: #1f2328; --muted: #5d6772;
      --border: #dde1e6; --accent: #2a62c9; --accent-soft: #e5edfb;
      --ok: #176f30; --ok-soft: #e3f4e8; --fail: #c62828; --fail-soft: #fdecec;
      --skip: #5b6270; --skip-soft: #eef0f3; --cache: #7048b6; --cache-soft: #f0eafa;
      --syn-keyword: #a626a4; --syn-string: #3c7d22; --syn-number: #b35c00; --syn-comment: #7c858f;
      --syn-type: #0b7285; --syn-attribute: #c2410c;
      --plot-1: #2a62c9; --plot-2: #d9480f; --plot-3: #2b8a3e; --plot-4: #862e9c; --plot-grid: #e3e6ea;
      --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif;
      --math: "STIX Two Math", "Latin Modern Math", "Cambria Math", "Libertinus Math", "TeX Gyre Termes Math", "Noto Sans Math", "DejaVu Math TeX Gyre", math;
      --note: #0a58ca; --tip: #1a7f37; --important: #7a44c9; --warning: #8a5a00; --caution: #c0262d;
      --mono: ui-monospace, "SFMono-Regular", "JetBrains Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --bg: #14171b; --surface: #1b1f24; --surface-2: #23282f; --text: #e4e7eb; --muted: #9aa4af;
        --border: #2e353d; --accent: #7eaaff; --accent-soft: #1d2a40;
        --ok: #56c271; --ok-soft: #15291c; --fail: #ff7b72; --fail-soft: #3a1b1b;
        --skip: #9aa4af; --skip-soft: #23282f; --cache: #c3a6ff; --cache-soft: #2a2140;
        --syn-keyword: #d19cf5; --syn-string: #a5d98a; --syn-number: #f5a862; --syn-comment: #7f8a96;
        --syn-type: #6fd3e0; --syn-attribute: #ffb27a;
        --plot-1: #7eaaff; --plot-2: #ff9b6b; --plot-3: #74d18c; --plot-4: #d19cf5; --plot-grid: #2e353d;
        --note: #7eaaff; --tip: #56c271; --important: #c3a6ff; --warning: #e3b341; --caution: #ff7b72;
      }
    }
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: var(--bg); color: var(--text); font: 17px/1.65 var(--sans); }
    .page { display: grid; grid-template-columns: 14rem minmax(0, 47rem); gap: 3.5rem; justify-content: center; padding: 2.5rem 1.5rem 4rem; }
    .page.no-toc { grid-template-columns: minmax(0, 47rem); }
    main { min-width: 0; }

    .toc { position: sticky; top: 2rem; align-self: start; max-height: calc(100vh - 4rem); overflow-y: auto; font-size: 0.88rem; line-height: 1.4; }
    .toc-title { margin: 0 0 0.6rem; font-size: 0.75rem; font-weight: 650; letter-spacing: 0.08em; text-transform: uppercase; color: var(--muted); }
    .toc ol { list-style: none; margin: 0; padding: 0; border-left: 2px solid var(--border); }
    .toc li { margin: 0; }
    .toc a { display: block; padding: 0.28rem 0 0.28rem 0.9rem; margin-left: -2px; border-left: 2px solid transparent; color: var(--muted); text-decoration: none; }
    .toc a:hover { color: var(--accent); border-left-color: var(--accent); }
    .toc .toc-depth-1 a { padding-left: 1.8rem; font-size: 0.95em; }
    .toc .toc-depth-2 a { padding-left: 2.7rem; font-size: 0.9em; }

    .masthead { margin-bottom: 2.5rem; padding-bottom: 1.5rem; border-bottom: 1px solid var(--border); }
    .eyebrow { margin: 0 0 0.4rem; color: var(--muted); font-size: 0.85rem; }
    .eyebrow code { font-size: 0.95em; background: none; padding: 0; }
    .title { margin: 0 0 0.8rem; font-size: 2.3rem; line-height: 1.15; letter-spacing: -0.02em; }
    .run-facts { display: flex; flex-wrap: wrap; gap: 0.4rem 1.1rem; align-items: center; margin: 0 0 1.2rem; color: var(--muted); font-size: 0.9rem; }
    .fact-label { font-weight: 600; color: var(--text); }
    table.params { border-collapse: collapse; font-size: 0.9rem; margin: 0; min-width: 18rem; }
    table.params caption { text-align: left; font-size: 0.75rem; font-weight: 650; letter-spacing: 0.08em; text-transform: uppercase; color: var(--muted); padding-bottom: 0.4rem; }
    table.params th, table.params td { text-align: left; padding: 0.3rem 1.2rem 0.3rem 0; border-bottom: 1px solid var(--border); font-weight: normal; }
    table.params thead th { color: var(--muted); font-size: 0.8rem; }
    table.params td:last-child { color: var(--muted); }
    .overridden { color: var(--muted); font-size: 0.85em; }

    .prose h1, .prose h2, .prose h3, .prose h4 { line-height: 1.25; letter-spacing: -0.01em; margin: 2.2em 0 0.6em; scroll-margin-top: 1.5rem; }
    .prose h1 { font-size: 1.9rem; }
    .prose h2 { font-size: 1.5rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--border); }
    .prose h3 { font-size: 1.2rem; }
    .prose h4 { font-size: 1.05rem; }
    .prose > :first-child { margin-top: 0; }
    p, ul, ol, blockquote, table, pre, figure { margin: 0 0 1.1rem; }
    a { color: var(--accent); text-underline-offset: 0.15em; }
    blockquote { margin-left: 0; padding: 0.2rem 1.1rem; border-left: 4px solid var(--accent-soft); color: var(--muted); }
    hr { border: none; border-top: 1px solid var(--border); margin: 2.5rem 0; }
    img { max-width: 100%; }
    code { font-family: var(--mono); font-size: 0.86em; background: var(--surface); padding: 0.12em 0.35em; border-radius: 4px; }
    pre { font-family: var(--mono); font-size: 0.84rem; line-height: 1.55; background: var(--surface); border: 1px solid var(--border); border-radius: 8px; padding: 0.85rem 1rem; overflow-x: auto; tab-size: 4; }
    pre code { background: none; padding: 0; font-size: inherit; border-radius: 0; }
    .prose > table, .callout > table { border-collapse: collapse; display: block; overflow-x: auto; font-size: 0.94rem; }
    .prose > table th, .prose > table td, .callout > table th, .callout > table td { border: 1px solid var(--border); padding: 0.35rem 0.7rem; }
    .prose > table th, .callout > table th { background: var(--surface); }

    math { font-family: var(--math); font-size: 1.07em; }
    math[display="block"] { display: block math; margin: 0 0 1.1rem; padding: 0.3rem 0; overflow-x: auto; overflow-y: hidden; }
    code.math-error { color: var(--fail); background: var(--fail-soft); }
    .callout { margin: 0 0 1.1rem; padding: 0.55rem 1.1rem 0.05rem; border-left: 4px solid var(--callout); border-radius: 0 6px 6px 0; background: var(--surface); }
    .callout > :last-child { margin-bottom: 0.5rem; }
    .callout-title { margin: 0 0 0.35rem; font-weight: 650; color: var(--callout); }
    .callout-note { --callout: var(--note); }
    .callout-tip { --callout: var(--tip); }
    .callout-important { --callout: var(--important); }
    .callout-warning { --callout: var(--warning); }
    .callout-caution { --callout: var(--caution); }
    details.fold > summary { padding: 0.45rem 1rem; cursor: pointer; color: var(--muted); font-size: 0.85rem; }
    figure.numbered { margin: 0; }
    figure.numbered > figcaption { padding: 0.3rem 1rem 0.8rem; font-size: 0.9rem; color: var(--muted); }
    figure.numbered-table > figcaption { padding: 0.8rem 1rem 0; }
    .caption-number { font-weight: 650; color: var(--text); }
    .inline-value { font-variant-numeric: tabular-nums; }
    code.inline-error { color: var(--fail); background: var(--fail-soft); }

    .cell { margin: 1.6rem 0; border: 1px solid var(--border); border-left: 3px solid var(--accent); border-radius: 8px; background: var(--bg); overflow: hidden; }
    .cell-ok { border-left-color: var(--ok); }
    .cell-failed { border-left-color: var(--fail); }
    .cell-skipped { border-left-color: var(--skip); }
    .cell-cached { border-left-color: var(--cache); }
    .cell-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; padding: 0.4rem 0.9rem; background: var(--surface); border-bottom: 1px solid var(--border); font-size: 0.78rem; color: var(--muted); }
    .cell-name { font-family: var(--mono); font-weight: 600; color: var(--text); }
    .cell-line { margin-right: auto; }
    .cell-time { font-variant-numeric: tabular-nums; }
    .chip { font-family: var(--mono); padding: 0.05rem 0.45rem; border-radius: 999px; border: 1px solid var(--border); }
    .badge { display: inline-block; padding: 0.08rem 0.55rem; border-radius: 999px; font-size: 0.75rem; font-weight: 650; letter-spacing: 0.02em; }
    .badge.ok { color: var(--ok); background: var(--ok-soft); }
    .badge.failed, .badge.interrupted { color: var(--fail); background: var(--fail-soft); }
    .badge.skipped { color: var(--skip); background: var(--skip-soft); }
    .badge.cached { color: var(--cache); background: var(--cache-soft); }
    .cell pre.source { margin: 0; border: none; border-radius: 0; background: var(--bg); padding: 0.9rem 1rem; }
    .outputs { border-top: 1px solid var(--border); padding: 0.9rem 1rem 0.1rem; background: var(--bg); }
    .cell > .outputs:first-child { border-top: none; }
    .out { margin: 0 0 0.9rem; }
    pre.out-text { background: var(--surface); border: none; }
    pre.out-value { background: none; border: none; padding: 0.2rem 0; }
    .out-marker { color: var(--muted); user-select: none; }
    .out-error { border: 1px solid var(--fail); border-radius: 8px; background: var(--fail-soft); overflow: hidden; }
    .out-error p { margin: 0; padding: 0.6rem 1rem; font-family: var(--mono); font-size: 0.84rem; color: var(--fail); font-weight: 600; overflow-wrap: anywhere; }
    .out-error pre { margin: 0; padding: 0 1rem 0.7rem; background: none; border: none; border-radius: 0; color: var(--text); }
    .out-figure { margin-left: 0; margin-right: 0; color: var(--text); }
    .out-figure svg { display: block; max-width: 100%; height: auto; }
    .out-figure figcaption { margin-top: 0.4rem; font-size: 0.86rem; color: var(--muted); }
    .table-wrap { overflow-x: auto; }
    .table-wrap table { border-collapse: collapse; font-size: 0.86rem; font-variant-numeric: tabular-nums; margin: 0; }
    .table-wrap caption { text-align: left; font-size: 0.86rem; color: var(--muted); padding-bottom: 0.3rem; }
    .table-wrap th, .table-wrap td { padding: 0.28rem 0.8rem; border-bottom: 1px solid var(--border); text-align: left; }
    .table-wrap thead th { border-bottom: 2px solid var(--border); font-weight: 650; }
    .table-wrap .num { text-align: right; }
    .metrics { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 1.4rem; padding: 0.4rem 0.75rem; border: 1px solid var(--border); border-radius: 6px; background: var(--surface); }
    .metrics > dl { margin: 0; display: flex; align-items: baseline; gap: 0.45rem; }
    .metrics dt { font-family: var(--mono); font-size: 0.75rem; color: var(--muted); overflow-wrap: anywhere; }
    .metrics dd { margin: 0; display: flex; align-items: center; gap: 0.4rem; font-weight: 600; font-variant-numeric: tabular-nums; }
    .sparkline { flex: none; }
    .sparkline polyline { fill: none; stroke: var(--accent); stroke-width: 1.5; stroke-linejoin: round; }
    .series-count { font-size: 0.75rem; font-weight: normal; color: var(--muted); }

    .k { color: var(--syn-keyword); }
    .s { color: var(--syn-string); }
    .n { color: var(--syn-number); }
    .c { color: var(--syn-comment); font-style: italic; }
    .t { color: var(--syn-type); }
    .a { color: var(--syn-attribute); }

    .colophon { margin-top: 4rem; padding-top: 1rem; border-top: 1px solid var(--border); color: var(--muted); font-size: 0.8rem; }

    @media (max-width: 64rem) {
      .page { grid-template-columns: minmax(0, 47rem); gap: 0; padding-top: 1.5rem; }
      .toc { position: static; max-height: none; margin-bottom: 2rem; padding: 1rem 1.2rem; border: 1px solid var(--border); border-radius: 8px; }
    }
    @media print {
      :root { --bg: #fff; --surface: #f6f6f6; --text: #000; }
      body { font-size: 11pt; }
      .page { display: block; padding: 0; }
      .toc { display: none; }
      pre { white-space: pre-wrap; overflow-wrap: anywhere; }
      .cell, figure, table, pre { break-inside: avoid; }
      .prose h2, .prose h3 { break-after: avoid; }
      a { color: inherit; }
      .callout { background: none; border: 1px solid #999; border-left-width: 4px; }
      math[display="block"] { overflow: visible; }
    }

    """
}
