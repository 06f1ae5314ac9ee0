// The browser the tests and the bench drive: Debian's Chromium (Playwright's own download is
// not reachable here), with the flags that keep it quiet on a closed network.
export const CHROMIUM_PATH = process.env.MELDING_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
