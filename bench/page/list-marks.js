// Injected by bench/lists.ts with page.addInitScript before any of the page's own scripts run. It marks, in the
// page's own clock (ms since navigation start), when the first list row is painted, and measures keystroke →
// rows-updated. "Painted" is approximated as the task after the next animation frame that follows the DOM change:
// rAF callbacks run just before the frame is rendered, and a message posted from one is handled after it.
(() => {
  // A virtualized grid row of the console, or a body row of the naive page's table.
  const ROW = '[role="grid"] [role="row"][data-index], table tbody tr';
  const afterNextPaint = (callback) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(performance.now());
      channel.port2.postMessage(null);
    });

  // firstRows: ms from `navStart` (0 = navigation start of the page load) to the first row painted; -1 while waiting
  // for that paint.
  const state = { firstRows: null, navStart: 0, longTasks: [] };
  window.__bench = state;
  // Every main-thread task over 50 ms, by duration; bench/lists.ts empties it before typing and reads the longest.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });

  const firstRowObserver = new MutationObserver(() => {
    if (state.firstRows !== null || !document.querySelector(ROW)) return;
    firstRowObserver.disconnect();
    state.firstRows = -1;
    afterNextPaint((now) => {
      state.firstRows = now - state.navStart;
    });
  });
  firstRowObserver.observe(document, { childList: true, subtree: true });

  /** For an in-app navigation back to the list: the clock starts now, and the next row to appear stops it. */
  state.armFirstRows = () => {
    state.firstRows = null;
    state.navStart = performance.now();
    firstRowObserver.observe(document, { childList: true, subtree: true });
  };

  /**
   * Resolves with the time from the next keydown to the paint after the last DOM change it caused (the list
   * settles when nothing has changed for `quietMs`), or null when the keystroke changed nothing.
   */
  state.measureNextKeystroke = (quietMs = 500, maxMs = 30_000) =>
    new Promise((resolve) => {
      let start = null;
      let lastPaint = null;
      let quietTimer;
      const root = document.getElementById('root') ?? document.body;
      const finish = () => {
        observer.disconnect();
        clearTimeout(giveUp);
        resolve(start !== null && lastPaint !== null ? lastPaint - start : null);
      };
      const rearm = () => {
        clearTimeout(quietTimer);
        quietTimer = setTimeout(finish, quietMs);
      };
      const observer = new MutationObserver(() => {
        if (start === null) return;
        afterNextPaint((now) => {
          lastPaint = now;
          rearm();
        });
        rearm();
      });
      observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
      document.addEventListener(
        'keydown',
        (event) => {
          start = event.timeStamp;
          rearm();
        },
        { capture: true, once: true },
      );
      const giveUp = setTimeout(finish, maxMs);
    });

  state.domNodes = () => document.getElementsByTagName('*').length;
})();
