/**
 * Runs in the page (pass it to page.evaluate with an element-timing identifier): the render time
 * of the element marked `elementtiming=<identifier>` and first-contentful-paint, in ms from the
 * page's time origin (null if missing after 10 s), and that origin in epoch ms.
 */
export function pagePaints(identifier) {
  const wait = (type, pick) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        observer.disconnect();
        resolve(null);
      }, 10_000);
      const observer = new PerformanceObserver((list) => {
        const entry = list.getEntries().find(pick);
        if (!entry) return;
        clearTimeout(timer);
        observer.disconnect();
        resolve(entry.renderTime || entry.startTime);
      });
      observer.observe({ type, buffered: true });
    });
  return Promise.all([wait('paint', (e) => e.name === 'first-contentful-paint'), wait('element', (e) => e.identifier === identifier)]).then(
    ([fcp, element]) => ({ fcp, element, timeOrigin: performance.timeOrigin }),
  );
}
