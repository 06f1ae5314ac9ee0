import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DocumentContent } from '../../../../shared/domain/document';
import { api } from '../../lib/api';
import { AutosaveController } from './autosaveController';

import type { SaveState } from './autosaveController';

export type { SaveState };

/**
 * The save state, for the few components that show it. The editor itself does not subscribe: a
 * save every second while typing must not re-render the whole document form (typing latency).
 */
export function useSaveState(controller: AutosaveController): SaveState {
  return useSyncExternalStore(
    (listener) => controller.subscribe(listener),
    () => controller.state,
  );
}

/**
 * One AutosaveController per open document, wired to the contract and to the window: leaving
 * the document saves, and closing the window with unsaved text holds the close until it is stored.
 */
export function useAutosave(id: string, revision: number, updatedAt: string, readContent: () => DocumentContent): AutosaveController {
  const [controller] = useState(() => new AutosaveController(id, revision, updatedAt, readContent, (request) => api.documents.save(request)));

  // Leaving the document: store what is there. (No dispose: a retry after a failed save must
  // go on even when the editor is gone — that is the user's text.)
  useEffect(
    () => () => {
      void controller.flush();
    },
    [controller],
  );

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!controller.hasUnsaved) return;
      event.preventDefault();
      void controller.flush().then((stored) => {
        // In Electron the window is ours to close once the text is safe.
        if (stored && window.melding) window.close();
      });
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [controller]);

  return controller;
}
