import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DocumentContent } from '../../../../shared/domain/document';
import type { WorkflowStatus } from '../../../../shared/domain/vocabulary';
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

type SavedListener = (saved: { readonly status: WorkflowStatus; readonly revoked: boolean }) => void;

/** Hands each save's workflow outcome to the current listener (the one of the latest render). */
class SavedRelay {
  #listener: SavedListener | undefined;
  listen(listener: SavedListener | undefined): () => void {
    this.#listener = listener;
    return () => {
      if (this.#listener === listener) this.#listener = undefined;
    };
  }
  notify(saved: { readonly status: WorkflowStatus; readonly revoked: boolean }): void {
    this.#listener?.(saved);
  }
}

/**
 * One AutosaveController per open document, wired to the contract and to the window: leaving
 * the document saves, and closing the window with unsaved text holds the close until it is stored.
 */
export function useAutosave(
  id: string,
  revision: number,
  updatedAt: string,
  readContent: () => DocumentContent,
  /** Each stored save's workflow outcome: the status after it, and whether it revoked an approval. */
  onSaved?: SavedListener,
): AutosaveController {
  const [relay] = useState(() => new SavedRelay());
  useEffect(() => relay.listen(onSaved), [relay, onSaved]);
  const [controller] = useState(
    () =>
      new AutosaveController(id, revision, updatedAt, readContent, async (request) => {
        const result = await api.documents.save(request);
        if (result.ok) relay.notify(result.value);
        return result;
      }),
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
