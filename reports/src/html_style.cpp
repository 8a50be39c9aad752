#include "html_assets.hpp"

namespace upspec::reports::detail {

std::string_view html_style() {
  return R"css(
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;--hover:#eef3f9;
--pass:#1f883d;--nonstrict:#b08800;--fail:#cf222e;--info:#0969da;--unsupported:#6e7781;
--error:#8250df;--none:#d1d9e0}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;
--bg:#0d1117;--soft:#151b23;--hover:#1c2430;--none:#3d444d}}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
color:var(--fg);background:var(--bg)}
header{background:var(--soft);border-bottom:1px solid var(--line);padding:14px 24px}
main{padding:0 24px}
h1{font-size:21px;margin:0 0 4px}
h2{font-size:17px;margin:22px 0 8px}
.run{color:var(--muted);margin:0}
code,pre,.cid b,table.hdr{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{white-space:pre-wrap;word-break:break-all;background:var(--soft);border:1px solid var(--line);
border-radius:6px;padding:8px;max-height:24em;overflow:auto;font-size:12px;margin:6px 0}
.muted{color:var(--muted)}
.v-pass{--v:var(--pass)}.v-nonstrict{--v:var(--nonstrict)}.v-fail{--v:var(--fail)}
.v-info{--v:var(--info)}.v-unsupported{--v:var(--unsupported)}.v-error{--v:var(--error)}
.b{display:inline-block;min-width:2.4em;padding:1px 8px;border-radius:10px;font-size:12px;
font-weight:600;text-align:center;color:#fff;background:var(--v,var(--none))}
.b.zero{opacity:.3}
table.totals{border-collapse:collapse}
table.totals th,table.totals td{padding:5px 10px;border-bottom:1px solid var(--line);
text-align:left;vertical-align:top}
table.totals td.n{text-align:center}
.state-failing{color:var(--fail);font-weight:600}.state-passing{color:var(--pass);font-weight:600}
.state-incomplete{color:var(--error);font-weight:600}
.targets{margin:8px 0}.targets table{border-collapse:collapse;margin:6px 0}
.targets th,.targets td{padding:3px 10px;border-bottom:1px solid var(--line);text-align:left;
vertical-align:top}.targets td pre{max-width:60rem}
.filters{display:none;gap:8px 14px;align-items:center;flex-wrap:wrap;padding:6px 0 10px}
html.js .filters{display:flex}
.filters label{cursor:pointer;white-space:nowrap}
.filters input[type=search]{padding:4px 8px;min-width:18em;border:1px solid var(--line);
border-radius:6px;background:var(--bg);color:var(--fg)}
.filters button{padding:3px 10px;border:1px solid var(--line);border-radius:6px;
background:var(--soft);color:var(--fg);cursor:pointer}
.matrix{min-width:min-content}
.row{display:grid;align-items:stretch}
.head{position:sticky;top:0;z-index:2;background:var(--bg);border-bottom:2px solid var(--line);
font-weight:600}
.head span{padding:6px 3px;overflow:hidden;overflow-wrap:anywhere;text-align:center;
line-height:1.2;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;
align-self:end}
.head span:first-child{text-align:left}
.cat>h3{font-size:14px;margin:14px 0 2px;padding:4px 8px;background:var(--soft);
border-left:4px solid var(--line)}
details.case{border-bottom:1px solid var(--line)}
details.case>summary{cursor:pointer;list-style:none}
details.case>summary::-webkit-details-marker{display:none}
details.case>summary:hover{background:var(--hover)}
.cid{padding:3px 6px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
.cid::before{content:"\25B8  ";color:var(--muted)}
details[open]>summary .cid::before{content:"\25BE  "}
.cid .t{color:var(--muted);margin-left:8px}
.c{align-self:center;margin:2px;border-radius:3px;color:#fff;font-size:11px;font-weight:600;text-align:center;
line-height:20px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;
background:var(--v,var(--none))}
.c.v-none,.b.v-none{color:var(--fg)}
.c.poisoned{background-image:repeating-linear-gradient(45deg,transparent 0 5px,
rgba(0,0,0,.3) 5px 9px)}
.cb{padding:8px 14px 14px 26px;max-width:110rem;contain:inline-size}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:6px 0}
dt{color:var(--muted)}
dd{margin:0}
dd,.findings li,.res h4,.targets td{overflow-wrap:anywhere}
.res{border-left:4px solid var(--v,var(--none));padding:2px 0 2px 12px;margin:12px 0}
.res h4{margin:4px 0;font-size:14px;font-weight:600}
.res h4 .muted{font-weight:normal;margin-left:6px}
.poison{color:var(--fail);font-weight:600;margin:4px 0}
.findings{margin:4px 0;padding-left:20px}
.bulk>summary{cursor:pointer;color:var(--muted)}
table.hdr{border-collapse:collapse;font-size:12px;margin:4px 0}
table.hdr th{text-align:left;padding:1px 12px 1px 0;color:var(--muted);font-weight:normal}
footer{color:var(--muted);padding:18px 24px 30px;font-size:12px}
[hidden]{display:none!important}
)css";
}

}  // namespace upspec::reports::detail
