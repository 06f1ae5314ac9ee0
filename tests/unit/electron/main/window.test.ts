import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../../electron/main/window';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/opt/melding/out/preload/index.cjs');
  const prefs = options.webPreferences;

  it('passes the preload path through unchanged', () => {
    expect(prefs?.preload).toBe('/opt/melding/out/preload/index.cjs');
  });

  it("keeps Electron's security checklist: isolated, sandboxed, no Node anywhere in the renderer", () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('states every security preference explicitly rather than relying on defaults', () => {
    // A default that flips in a future Electron must not silently weaken the window.
    for (const key of [
      'contextIsolation',
      'sandbox',
      'nodeIntegration',
      'nodeIntegrationInWorker',
      'nodeIntegrationInSubFrames',
      'webSecurity',
      'allowRunningInsecureContent',
      'webviewTag',
      'spellcheck',
    ] as const) {
      expect(typeof prefs?.[key], key).toBe('boolean');
    }
  });

  it('starts hidden, so the window appears only once it has painted', () => {
    expect(options.show).toBe(false);
  });
});
