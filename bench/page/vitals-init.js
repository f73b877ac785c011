// Injected by bench/vitals.ts after web-vitals' IIFE build (which defines the global `webVitals`). Every change of
// LCP, CLS and INP is kept, so the last one is the page's value when the bench reads it after hiding the page.
/* global webVitals -- defined by web-vitals' IIFE build, injected just before this script */
(() => {
  const values = { lcp: null, cls: null, inp: null, lcpElement: null };
  window.__vitals = values;
  const options = { reportAllChanges: true };
  webVitals.onLCP((metric) => {
    values.lcp = metric.value;
    const element = metric.entries.at(-1)?.element;
    values.lcpElement = element
      ? `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}"`
      : null;
  }, options);
  webVitals.onCLS((metric) => {
    values.cls = metric.value;
  }, options);
  // 16 ms is the lowest threshold the Event Timing API allows: quick interactions still count.
  webVitals.onINP(
    (metric) => {
      values.inp = metric.value;
    },
    { ...options, durationThreshold: 16 },
  );

  /** What a user leaving the tab does: web-vitals reports its final values when the page is hidden. */
  window.__hidePage = () => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('pagehide'));
    return values;
  };
})();
