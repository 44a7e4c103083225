// Loads one of our native exports into @recogito/text-annotator, paragraph for paragraph
// as our app renders it, and reports when its highlights are on screen.
(() => {
  const layer = () => document.querySelector('.r6o-span-highlight-layer');
  // Recogito draws inside its own animation-frame callbacks: check after each one.
  const waiters = [];
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => {
    cb(t);
    for (const w of [...waiters]) {
      if (w.test()) {
        waiters.splice(waiters.indexOf(w), 1);
        const channel = new MessageChannel();
        channel.port1.onmessage = () => w.resolve(performance.now());
        channel.port2.postMessage(0);
      }
    }
  });
  // Resolves at the paint after `test()` first holds; keeps a frame loop alive meanwhile.
  const paintedWhen = (test) => new Promise((resolve) => {
    waiters.push({ test, resolve });
    const spin = () => { if (waiters.length) window.requestAnimationFrame(spin); };
    window.requestAnimationFrame(spin);
  });

  // Code points in our text → UTF-16 units in the container's text (lines without "\n").
  function offsetMap(text) {
    const map = [];
    let units = 0;
    for (const ch of text) {
      map.push(units);
      if (ch !== '\n') units += ch.length;
    }
    map.push(units);
    return map;
  }

  const toPeer = (a, map) => ({
    id: a.id,
    bodies: [],
    target: { annotation: a.id, selector: [{ quote: a.exact, start: map[a.start], end: map[a.end] }] },
  });

  let annotator;
  let map;
  window.peer = {
    /** Renders the export's text and spans; resolves at the paint that shows the highlights. */
    async open(url) {
      const file = await (await fetch(url)).json();
      const content = document.getElementById('content');
      for (const line of file.document.text.split('\n')) {
        const p = document.createElement('p');
        p.textContent = line;
        content.append(p);
      }
      map = offsetMap(file.document.text);
      annotator = window.RecogitoJS.createTextAnnotator(content);
      annotator.setAnnotations(file.annotations.map((a) => toPeer(a, map)));
      const done = await paintedWhen(() => file.annotations.length === 0 || layer()?.querySelector('.r6o-annotation'));
      return { ms: done, spans: file.annotations.length };
    },
    /** Adds a span over the `k`-th visible long word; resolves at the paint that shows it. */
    async add(k) {
      const ps = [...document.querySelectorAll('#content p')];
      const all = ps.map((p) => p.textContent).join('');
      const visible = ps.filter((p) => { const r = p.getBoundingClientRect(); return r.top > 0 && r.bottom < innerHeight; });
      const base = ps.indexOf(visible[0]);
      const before = ps.slice(0, base).reduce((n, p) => n + p.textContent.length, 0);
      const words = [...visible.map((p) => p.textContent).join('').matchAll(/\p{L}{4,}/gu)];
      const m = words[(k * 7) % words.length];
      const start = before + m.index;
      const id = `bench-${k}-${Math.random()}`;
      // As for our app (bench/lib/probe.js): from a settled page, at a point in the frame.
      await paintedWhen(() => true);
      await new Promise((resolve) => setTimeout(resolve, (k * 7) % 16));
      const t0 = performance.now();
      annotator.addAnnotation({ id, bodies: [], target: { annotation: id, selector: [{ quote: all.slice(start, start + m[0].length), start, end: start + m[0].length }] } });
      const painted = await paintedWhen(() => layer()?.querySelector(`[data-annotation="${id}"]`));
      // Left in place: removeAnnotation throws in 4.1.1 on annotations made without a
      // user ("reading 'created'"); 20 extra spans do not change the picture.
      return painted - t0;
    },
  };
})();
