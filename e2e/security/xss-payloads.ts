// Stored and reflected XSS payloads. Each one, if the console ever rendered it as HTML or evaluated it, sets the canary
// `window.__xss`, opens a dialog, or leaves an element with an event-handler attribute in the DOM: the three things
// the XSS specs look for. Printable ASCII unless a payload is about unicode on purpose.
export const XSS_PAYLOADS: readonly string[] = [
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload=window.__xss=1>',
  "'><img src=x onerror=window.__xss=1>",
  '<script>window.__xss=1</script>',
  '</script><script>window.__xss=1</script>',
  '</textarea><script>window.__xss=1</script>',
  '</title><script>window.__xss=1</script>',
  '<svg><script>window.__xss=1</script></svg>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<details open ontoggle=window.__xss=1>',
  '<input autofocus onfocus=window.__xss=1>',
  '<video><source onerror=window.__xss=1></video>',
  '<body onload=window.__xss=1>',
  '<a href="javascript:window.__xss=1">click</a>',
  'javascript:window.__xss=1',
  ' jav&#x09;ascript:window.__xss=1',
  '<form><button formaction=javascript:window.__xss=1>go</button></form>',
  '<object data="javascript:window.__xss=1"></object>',
  '<embed src="javascript:window.__xss=1">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<base href="javascript:window.__xss=1//">',
  '<svg><animate onbegin=window.__xss=1 attributeName=x dur=1s>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
  '<scr<script>ipt>window.__xss=1</scr</script>ipt>',
  '<IMG SRC=x OnErRoR=window.__xss=1>',
  '<img src=x onerror=&#119;indow.__xss=1>',
  '<img src="x" onerror="eval(atob(\'d2luZG93Ll9feHNzPTE=\'))">',
  '<x onpointerover=window.__xss=1 style=display:block;position:fixed;inset:0>hover</x>',
  '{{constructor.constructor("window.__xss=1")()}}',
  '${window.__xss=1}',
  '#{window.__xss=1}',
  '"};window.__xss=1;//',
  '%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D1%3E',
  '&lt;img src=x onerror=window.__xss=1&gt;',
  '\\u003cimg src=x onerror=window.__xss=1\\u003e',
  '\uFF1Cimg src=x onerror=window.__xss=1\uFF1E',
  '\u202E<img src=x onerror=window.__xss=1>',
  '<img\u0000 src=x onerror=window.__xss=1>',
  '<style>@import "javascript:window.__xss=1";</style>',
];

/** A payload that also names itself, so a page showing many can be checked for each one (n is its index). */
export function labelled(n: number): string {
  return `xss-${String(n).padStart(2, '0')} ${XSS_PAYLOADS[n] ?? ''}`;
}
