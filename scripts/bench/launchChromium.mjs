import { access, constants } from 'node:fs/promises';
import { chromium } from '@playwright/test';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

/** Null when Chromium is there and executable, else a message that says what to do. */
export async function chromiumProblem() {
  try {
    await access(CHROMIUM_PATH, constants.X_OK);
    return null;
  } catch {
    return `Chromium was not found at ${CHROMIUM_PATH}. Install it (apt-get install chromium) or set MELDING_CHROMIUM to the path of a Chromium binary.`;
  }
}

/**
 * Launches Chromium through Playwright (talking over a pipe: no debugging port is opened). The
 * bench runner owns the signals: Playwright's own handlers would exit the process before the
 * runner had stopped its servers and removed its temp folders.
 */
export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}
