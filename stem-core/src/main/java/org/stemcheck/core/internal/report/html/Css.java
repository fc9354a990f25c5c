package org.stemcheck.core.internal.report.html;

/**
 * The page's style sheet, inlined into every report. Severity colours come from the Okabe-Ito
 * palette (vermillion, orange, blue; bluish green for a pass), and every severity is also
 * written out as a word and drawn with its own badge style (filled, outlined, thin), so colour
 * is never the only cue, on screen or on a greyscale print.
 */
final class Css {

    static final String STYLE = """
            :root{--err:#D55E00;--err-ink:#9A3B00;--warn:#E69F00;--warn-ink:#7A5200;--info:#0072B2;--ok:#009E73;
            --ok-ink:#00684F;--ink:#1b1f24;--muted:#59636e;--line:#d6dbe0;--paper:#fff;--wash:#f5f7f9}
            *{box-sizing:border-box}
            html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
            body{margin:0;background:var(--wash);color:var(--ink);font:15px/1.45 system-ui,-apple-system,"Segoe UI",
            Roboto,"Helvetica Neue",Arial,"Liberation Sans","DejaVu Sans",sans-serif}
            main{max-width:1320px;margin:0 auto;padding:24px 24px 40px}
            h1{font-size:20px;margin:0;word-break:break-all}
            h2{font-size:19px;margin:30px 0 12px;padding-bottom:4px;border-bottom:2px solid var(--ink)}
            h3{font-size:16px;margin:18px 0 8px}
            code{font:13px/1.3 ui-monospace,"DejaVu Sans Mono","Liberation Mono",Menlo,Consolas,monospace}
            .verdict{display:flex;flex-wrap:wrap;align-items:center;gap:12px 22px;background:var(--paper);border:1px solid var(--line);
            border-left:12px solid var(--ok);padding:16px 20px;border-radius:6px}
            .verdict.failed{border-left-color:var(--err)}
            .verdict .word{font-size:34px;font-weight:800;letter-spacing:.04em;color:var(--ok-ink)}
            .verdict.failed .word{color:var(--err-ink)}
            .verdict .what{flex:1 1 260px;min-width:0}
            .verdict .what p{margin:4px 0 0;color:var(--muted)}
            .counts{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:10px}
            .counts li{min-width:88px;text-align:center;padding:6px 10px;border-radius:6px;border:2px solid;font-size:13px}
            .counts b{display:block;font-size:24px;line-height:1.1}
            .counts .error{border-color:var(--err);color:var(--err-ink)}
            .counts .warning{border-color:var(--warn);color:var(--warn-ink);border-style:dashed}
            .counts .info{border-color:var(--info);color:var(--info);border-width:1px}
            .counts .zero{border-color:var(--line);color:var(--muted)}
            nav{margin:10px 2px 0;font-size:14px}
            nav a{color:var(--info);margin-right:18px}
            .group{display:flex;align-items:center;gap:8px}
            .group .n{font-size:13px;color:var(--muted);font-weight:600}
            .group.error{color:var(--err-ink)}.group.warning{color:var(--warn-ink)}.group.info{color:var(--info)}
            .finding{background:var(--paper);border:1px solid var(--line);border-left:6px solid var(--info);
            border-radius:5px;padding:9px 14px;margin:0 0 8px;break-inside:avoid}
            .finding.error{border-left-color:var(--err)}
            .finding.warning{border-left-color:var(--warn);border-left-style:double}
            .finding header{display:flex;flex-wrap:wrap;align-items:center;gap:6px 8px}
            .finding .file{font-size:13px;background:var(--wash);border:1px solid var(--line);border-radius:3px;
            padding:0 6px;word-break:break-all}
            .finding .msg{margin:6px 0 4px;font-size:15px;font-weight:550}
            .finding .fix,.finding .where{margin:3px 0;font-size:14px}
            .finding .fix b{color:var(--ok-ink)}
            .nums{display:flex;flex-wrap:wrap;gap:4px 14px;margin:4px 0;font-size:13px}
            .nums div{display:flex;gap:5px}.nums dt{color:var(--muted)}.nums dd{margin:0;font-weight:600;
            font-variant-numeric:tabular-nums}
            .badge{display:inline-block;font-size:11px;font-weight:700;letter-spacing:.05em;padding:1px 7px;
            border-radius:3px;border:2px solid}
            .badge.error{background:var(--err);border-color:var(--err);color:#fff}
            .badge.warning{background:#fff3d6;border-color:var(--warn);color:var(--warn-ink);border-style:dashed}
            .badge.info{background:#fff;border-color:var(--info);color:var(--info);border-width:1px}
            .badge.small{font-size:10.5px;letter-spacing:0;margin:1px 0;white-space:nowrap}
            .clean{background:var(--paper);border:1px solid var(--line);border-left:6px solid var(--ok);padding:10px 14px}
            .scroll{overflow-x:auto}
            table.files{border-collapse:collapse;width:100%;background:var(--paper);font-size:13px;
            font-variant-numeric:tabular-nums}
            .files th,.files td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
            .files th{background:var(--wash);font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
            .files td.r,.files th.r{text-align:right;white-space:nowrap}.files td.fc{min-width:96px}
            .files td.name{font-weight:600;min-width:190px;max-width:280px}.files td.name small{font-weight:400}.files td.fmt{white-space:nowrap}
            .files small{color:var(--muted)}
            .files tr.error td:first-child{box-shadow:inset 5px 0 var(--err)}
            .files tr.warning td:first-child{box-shadow:inset 5px 0 var(--warn)}
            .okword{color:var(--ok-ink);font-weight:600}
            .plot{background:var(--paper);border:1px solid var(--line);border-radius:6px;margin:0 0 14px;padding:10px 14px;
            break-inside:avoid;overflow-x:auto}
            .plot h3{margin:0}.plot figcaption p{margin:2px 0 6px;color:var(--muted);font-size:13.5px}
            .note{color:var(--muted);font-size:13px;margin:4px 0}
            .missing{color:var(--muted);font-style:italic;border:1px dashed var(--line);padding:14px;margin:4px 0;
            text-align:center;background:var(--wash)}
            .plot figcaption{position:sticky;left:0}
            svg.chart{display:block;width:100%;min-width:840px;height:auto;font-family:system-ui,"Liberation Sans","DejaVu Sans",
            Arial,sans-serif}
            .chart .grid line{stroke:#e3e7eb;stroke-width:1}
            .chart .frame{fill:none;stroke:#9aa3ad;stroke-width:1}
            .chart text{fill:#3d4650;font-size:12px}
            .chart .tx{text-anchor:middle}.chart .ty{text-anchor:end}
            .chart .axis{text-anchor:end;fill:var(--muted);font-size:12px;font-style:italic}
            .chart .lg{font-size:13px;fill:var(--ink)}
            .chart .leadin{fill:#eef1f4}.chart .leadin-label{font-size:12px;font-style:italic;fill:var(--muted)}
            .chart .name{font-size:13px;font-weight:700;fill:var(--ink);paint-order:stroke;stroke:#fff;stroke-width:4px;
            stroke-linejoin:round}
            footer{margin-top:26px;color:var(--muted);font-size:12px;text-align:center}
            @media (max-width:640px){main{padding:12px 10px 30px}.verdict{padding:12px 14px;gap:8px 16px}
            .verdict .word{font-size:26px}.counts{width:100%}.counts li{flex:1;min-width:0}nav a{margin-right:12px}}
            @media print{body{background:#fff;font-size:12px}main{max-width:none;padding:0}nav{display:none}
            svg.chart{min-width:0}
            .verdict,.finding,.plot,.clean{border-color:#999}h2{break-after:avoid}tr{break-inside:avoid}
            .scroll{overflow:visible}table.files{font-size:9.5px}.files th,.files td{padding:3px 4px}
            .files th{font-size:9px}.files td.name{min-width:0}.verdict .word{font-size:26px}.counts li{min-width:64px}}
            """;

    private Css() {
    }
}
