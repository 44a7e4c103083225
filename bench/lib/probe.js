// Injected into every benchmarked page before its own scripts (Playwright addInitScript).
// Times an interaction from just before its event to the paint that shows it: the next
// animation frame, then a message task, which runs after that frame is painted.
(() => {
  const longTasks = [];
  try {
    new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: 'longtask', buffered: true });
  } catch { /* no Long Tasks API: reported as none */ }

  // Resolves after the next frame is painted with { frame: when its animation-frame
  // callbacks ran (anything committed before then is in it), painted }.
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => {
    const frame = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve({ frame, painted: performance.now() });
    channel.port2.postMessage(0);
  }));
  const afterPaint = async () => (await frame()).painted;

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
      // Start from a settled page (whatever the set-up changed is painted), then let the
      // event land somewhere in the frame, as real input does: 0–15 ms after a paint,
      // a different point on each call.
      await afterPaint();
      window.__phase = ((window.__phase ?? 0) + 7) % 16;
      await new Promise((resolve) => setTimeout(resolve, window.__phase));
      let touched = 0;
      const observer = new MutationObserver((records) => {
        for (const r of records) touched += r.type === 'childList' ? r.addedNodes.length + r.removedNodes.length : 1;
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      const t0 = performance.now();
      act();
      // Frame by frame until one includes the app's commit (if it marks one). Not awaiting
      // the mark first: PerformanceObserver callbacks can come a frame late.
      const committedBy = (limit) => performance.getEntriesByName(awaitMark).find((e) => e.startTime >= t0 && e.startTime <= limit);
      let next = await frame();
      for (let frames = 1; awaitMark && !committedBy(next.frame); frames++) {
        if (frames > 120) throw new Error(`no ${awaitMark} within 120 frames: the action changed nothing`);
        next = await frame();
      }
      const committed = awaitMark ? committedBy(next.frame).startTime : null;
      const painted = next.painted;
      for (const r of observer.takeRecords()) touched += r.type === 'childList' ? r.addedNodes.length + r.removedNodes.length : 1;
      observer.disconnect();
      return { ms: painted - t0, commit: committed === null ? null : committed - t0, touched };
    },
  };
})();
