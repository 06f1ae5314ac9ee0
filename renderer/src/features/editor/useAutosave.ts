import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DocumentContent } from '../../../../shared/domain/document';
import { api } from '../../lib/api';
import { AutosaveController } from './autosaveController';

export type { SaveState } from './autosaveController';

/**
 * One AutosaveController per open document, wired to the contract and to the window: leaving
 * the document saves, and closing the window with unsaved text holds the close until it is stored.
 */
export function useAutosave(id: string, revision: number, updatedAt: string, readContent: () => DocumentContent): AutosaveController {
  const [controller] = useState(() => new AutosaveController(id, revision, updatedAt, readContent, (request) => api.documents.save(request)));
  useSyncExternalStore(
    (listener) => controller.subscribe(listener),
    () => controller.state,
  );

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
