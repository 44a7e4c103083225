// Injected into every benchmarked page before its own scripts (Playwright addInitScript).
// Times an interaction from just before its event to the paint that shows it: the next
// animation frame, then a message task, which runs after that frame is painted.
(() => {
  const longTasks = [];
  try {
    new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: 'longtask', buffered: true });
  } catch { /* no Long Tasks API: reported as none */ }

  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(0);
  }));

  // Resolves with the first mark or measure called `name` that starts after `since`.
  const entry = (name, since) => new Promise((resolve) => {
    const seen = () => performance.getEntriesByName(name).find((e) => e.startTime >= since);
    const found = seen();
    if (found) return resolve(found);
    const observer = new PerformanceObserver(() => {
      const e = seen();
      if (e) { observer.disconnect(); resolve(e); }
    });
    observer.observe({ entryTypes: ['mark', 'measure'] });
  });
  const mark = async (name, since) => (await entry(name, since)).startTime;

  window.__bench = {
    longTasks,
    afterPaint,
    entry,
    mark,
    /** Boot: from navigation start to the paint after the article first rendered. */
    firstPaint: mark('article:rendered', 0).then(afterPaint),
    /**
     * Runs `act`, then waits for `awaitMark` (if given) and the next paint. Returns the
     * milliseconds, the app's own commit time, and how many DOM nodes and attributes changed.
     */
    async time(act, awaitMark) {
      let touched = 0;
      const observer = new MutationObserver((records) => {
        for (const r of records) touched += r.type === 'childList' ? r.addedNodes.length + r.removedNodes.length : 1;
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      const t0 = performance.now();
      act();
      const committed = awaitMark ? await mark(awaitMark, t0) : null;
      const painted = await afterPaint();
      for (const r of observer.takeRecords()) touched += r.type === 'childList' ? r.addedNodes.length + r.removedNodes.length : 1;
      observer.disconnect();
      return { ms: painted - t0, commit: committed === null ? null : committed - t0, touched };
    },
  };
})();
