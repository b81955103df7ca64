// A requestAnimationFrame clock for the browser benchmarks: pass these to page.evaluate
// (they run in the page, so they use nothing from this module).

/** In the page: starts recording animation-frame times (window.__frames). */
export function startFrameClock() {
  const w = /** @type {any} */ (window);
  w.__frames = [];
  w.__clock = true;
  // A clock started right after another stops must not share frames with its last tick.
  const generation = (w.__clockGeneration = (w.__clockGeneration ?? 0) + 1);
  const tick = (t) => {
    if (!w.__clock || w.__clockGeneration !== generation) return;
    w.__frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** In the page: stops the clock and returns the intervals between the frames it saw, in ms. */
export function stopFrameClock() {
  const w = /** @type {any} */ (window);
  w.__clock = false;
  const f = w.__frames;
  return f.slice(1).map((t, i) => t - f[i]);
}
