/**
 * The console's one style sheet, inlined in every page: no build step and no extra request.
 * Plain, high-contrast, readable at 1366×768 and on a phone (tables scroll sideways there).
 */
export const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 "Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;color:#1f2328;background:#f6f7f9}
a{color:#0b57d0}
a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #f59e0b;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:9}
header{background:#8b1a1a;color:#fff}
header .bar{max-width:1280px;margin:0 auto;padding:8px 16px;display:flex;flex-wrap:wrap;align-items:center;gap:8px 24px}
header .brand{font-weight:700;font-size:18px}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
nav a{color:#fff;text-decoration:none;padding:4px 2px;border-bottom:2px solid transparent}
nav a[aria-current=page]{border-bottom-color:#fff;font-weight:700}
nav form{display:inline}
nav button{background:none;border:1px solid #fff;color:#fff;border-radius:4px;padding:2px 10px;cursor:pointer;font:inherit}
header .who{font-size:13px;opacity:.9;margin-left:auto}
main{max-width:1280px;margin:0 auto;padding:16px}
h1{font-size:22px;margin:8px 0 16px}
h2{font-size:18px;margin:20px 0 8px}
.panel{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:12px 16px;margin-bottom:16px}
form.filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-end}
label{display:flex;flex-direction:column;font-size:14px;gap:2px}
input,select,textarea{font:inherit;padding:4px 6px;border:1px solid #8c959f;border-radius:4px;background:#fff}
button,.button{font:inherit;padding:4px 14px;border-radius:4px;border:1px solid #0b57d0;background:#0b57d0;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary,.button.secondary{background:#fff;color:#0b57d0}
button.danger{background:#b42318;border-color:#b42318}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #d0d7de;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#eef1f4;white-space:nowrap}
td.num{text-align:right;white-space:nowrap}
.notice{padding:8px 12px;border-radius:4px;margin-bottom:12px;border:1px solid}
.notice.ok{background:#e6f4ea;border-color:#1a7f37}
.notice.error{background:#fdecea;border-color:#b42318}
.pager{display:flex;gap:12px;align-items:center;margin:12px 0}
.side{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
.side>*{flex:1 1 420px;min-width:0}
img{max-width:100%;height:auto}
.muted{color:#57606a;font-size:14px}
mark.ungrounded{background:#fde68a;color:#7c2d12;border-bottom:2px solid #b45309;padding:0 2px}
a.figure{font-weight:700}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
td.passage{white-space:pre-wrap}
ul.hits{list-style:none;padding-left:0}
blockquote{margin:4px 0 12px;padding:4px 12px;border-left:3px solid #d0d7de;background:#fff}
.wide textarea,.wide input[type=search],.wide input:not([type]){width:100%}
@media (max-width:640px){body{font-size:15px}main{padding:8px}header .who{margin-left:0}}
`;
