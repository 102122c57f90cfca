// Inline stylesheet of the HTML report. Colours come from the French State design system (DSFR)
// palette: blue France #000091, success #18753c, warning #b34000, error #ce0500, grey #3a3a3a;
// every text colour keeps at least 4.5:1 contrast on its background (WCAG 1.4.3).
// No `</` may appear in here: the text sits inside a <style> element.
export const STYLES = `
:root{--blue:#000091;--text:#161616;--muted:#595959;--line:#c8c8c8;--soft:#f6f6f6;--ok:#18753c;--warn:#b34000;--ko:#ce0500;--info:#0063cb}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{font-family:Marianne,"Segoe UI",Arial,"Liberation Sans","DejaVu Sans",sans-serif;color:var(--text);background:#fff;line-height:1.5;font-size:16px}
body{margin:0}
a{color:var(--blue)}
a:focus-visible,input:focus-visible,select:focus-visible,[tabindex]:focus-visible{outline:3px solid #0a76f6;outline-offset:2px}
.skip{position:absolute;left:-9999px;top:0}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem 1rem;z-index:10}
.masthead{border-bottom:1px solid var(--line);box-shadow:0 2px 0 var(--blue)}
.masthead .inner,main,.footer .inner{max-width:72rem;margin:0 auto;padding:0 1.5rem}
.masthead .inner{display:flex;align-items:baseline;justify-content:space-between;gap:1rem;padding-top:1rem;padding-bottom:.9rem;flex-wrap:wrap}
.brand{font-weight:700;font-size:1.25rem;color:var(--blue);letter-spacing:.01em}
.brand span{color:var(--text);font-weight:400;margin-left:.6rem;font-size:1rem}
.meta{color:var(--muted);font-size:.875rem}
h1{font-size:2rem;line-height:1.25;margin:2rem 0 1rem}
h2{font-size:1.5rem;line-height:1.3;margin:0 0 1rem}
h3{font-size:1.2rem;margin:2rem 0 .75rem}
h4{font-size:1rem;margin:0}
.verdict{border:1px solid var(--line);border-left:.4rem solid var(--ko);padding:1rem 1.25rem;margin:0 0 1.5rem;display:flex;gap:1rem;align-items:center}
.verdict.is-valid{border-left-color:var(--ok)}
.verdict strong{font-size:1.4rem;display:block}
.verdict p{margin:0}
.verdict p+p{font-weight:700;margin-top:.25rem}
.verdict .mark{font-size:1.8rem;font-weight:700;width:2.6rem;height:2.6rem;border-radius:50%;display:flex;align-items:center;justify-content:center;color:#fff;background:var(--ko);flex:none}
.verdict.is-valid .mark{background:var(--ok)}
.verdict.is-incomplete{border-left-color:var(--warn)}
.verdict.is-incomplete .mark{background:var(--warn)}
.keys{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:1rem;margin:0 0 2rem;padding:0;list-style:none}
.keys li{border:1px solid var(--line);padding:.75rem 1rem}
.keys b{display:block;font-size:1.6rem;line-height:1.2}
.keys span{color:var(--muted);font-size:.875rem}
.alert{border:1px solid var(--ko);border-left-width:.4rem;padding:.75rem 1rem;margin:0 0 1.5rem}
.alert.is-warning{border-color:var(--warn)}
.alert ul{margin:.25rem 0 0;padding-left:1.25rem}
.scroll{overflow-x:auto;margin:0 0 1.5rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:700;padding:0 0 .5rem}
th,td{border-bottom:1px solid var(--line);padding:.45rem .6rem;text-align:left;vertical-align:top}
thead th{background:var(--soft);border-bottom:2px solid var(--text)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
code,.mono{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:.85em;word-break:break-all}
.value{background:var(--soft);padding:0 .25rem;white-space:pre-wrap}
.occurrences{table-layout:fixed}
.occurrences .rows{white-space:normal;display:inline-block}
.occurrences col.c-row{width:9rem}.occurrences col.c-column{width:18%}.occurrences col.c-value{width:28%}
.occurrences td,.occurrences th,.files th,.files td,.card,.facts dd,caption{overflow-wrap:anywhere}
.badge{display:inline-block;vertical-align:middle}
.tag{display:inline-block;border:1px solid currentColor;padding:0 .4rem;font-size:.8rem;font-weight:700;white-space:nowrap}
.sev-error{color:var(--ko)}.sev-warning{color:var(--warn)}.sev-info{color:var(--info)}
.risk-high{color:var(--ko)}.risk-medium{color:var(--warn)}.risk-low{color:var(--info)}.risk-none{color:var(--ok)}
.toc{border:1px solid var(--line);padding:.75rem 1.25rem;margin:0 0 2rem}
.toc h2{font-size:1.1rem;margin:0}
.toc ol{margin:.25rem 0 0;padding-left:1.25rem}
.file,.metadata,.audit{border-top:2px solid var(--text);padding-top:1.5rem;margin-top:2.5rem}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.25rem 1.5rem;margin:0 0 1.5rem}
.facts div{border-left:2px solid var(--line);padding-left:.6rem}
.facts dt{color:var(--muted);font-size:.8rem}
.facts dd{margin:0;font-weight:700;word-break:break-word}
.chart{max-width:100%;height:auto;display:block;margin:0 0 1rem}
.chart-label,.chart-value{font-size:12px;fill:var(--text)}
.axis{stroke:var(--text);stroke-width:1}
.bar-error{fill:var(--ko)}.bar-warning{fill:var(--warn)}.bar-info{fill:var(--info)}
.gauge-track{fill:none;stroke:#e3e3e3;stroke-width:14}
.gauge-value{fill:none;stroke:var(--blue);stroke-width:14}
.gauge-text{font-size:17px;font-weight:700;fill:var(--text)}
.toolbar{display:flex;flex-wrap:wrap;gap:1rem;align-items:end;background:var(--soft);padding:.75rem 1rem;margin:0 0 1rem}
.toolbar label{display:block;font-size:.85rem;font-weight:700}
.toolbar input,.toolbar select{font:inherit;padding:.3rem .5rem;border:1px solid var(--text);border-radius:0;background:#fff;min-width:16rem}
.toolbar select{min-width:8rem}
.toolbar [role=status]{color:var(--muted);font-size:.85rem}
.group{border:1px solid var(--line);margin:0 0 1rem}
.group-head{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:baseline;background:var(--soft);padding:.6rem 1rem;border-bottom:1px solid var(--line)}
.group-head .count{margin-left:auto;font-weight:700}
.group-body{padding:.5rem 1rem 0}
.fix{margin:.25rem 0 .75rem}
.more{color:var(--muted);font-style:italic;margin:0 0 .75rem}
.preview td.failing{outline:2px solid var(--ko);outline-offset:-2px;font-weight:700}
.preview td.failing::before{content:"⚠ "}
.preview th[scope=row]{background:var(--soft);color:var(--muted);font-weight:400}
.preview tr.failing-row th[scope=row]{color:var(--ko);font-weight:700}
.masked{color:var(--muted);letter-spacing:.1em}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1rem;margin:0 0 1.5rem}
.card{border:1px solid var(--line);border-top:.3rem solid var(--warn);padding:.75rem 1rem}
.card.is-error{border-top-color:var(--ko)}
.card h4 .tag{margin-left:.5rem}
.card dl{margin:.5rem 0 0}
.card dt{font-size:.8rem;color:var(--muted)}
.card dd{margin:0 0 .4rem}
.card ul{margin:0;padding-left:1.1rem}
.scores{display:flex;flex-wrap:wrap;gap:1rem 2rem;margin:0 0 1rem}
.score{text-align:center}
.score p{margin:0;font-weight:700}
tr.short th{border-left:3px solid var(--warn)}
.muted{color:var(--muted)}
pre{background:var(--soft);padding:.75rem 1rem;overflow-x:auto;font-size:.85rem;white-space:pre-wrap;word-break:break-all}
.footer{border-top:1px solid var(--line);margin-top:3rem;padding:1rem 0;color:var(--muted);font-size:.85rem}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media screen{.filtered{display:none}}
@media print{
@page{size:A4;margin:14mm 12mm}
html{font-size:11pt}
.skip,.toolbar,.toc{display:none!important}
.masthead{box-shadow:none;border-bottom:2px solid #000}
.file{break-before:page}
.metadata,.audit{break-before:page}
.group,.card,tr,.verdict,.keys li,svg{break-inside:avoid}
h2,h3,h4{break-after:avoid}
.scroll{overflow:visible}
thead{display:table-header-group}
a{color:#000}
.verdict,.card{border-color:#000}
.preview td.failing{outline:2px solid #000}
.value,thead th,.group-head,pre{background:#fff}
.badge,.verdict .mark,.bar,.gauge-value{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}
`;
