type Listener = (documentId: string) => void;

const listeners = new Set<Listener>();

/**
 * A conflict resolution replaced a document's text (the site's version, or a merge), wherever
 * in the window it was resolved (the document's list, the outbox, the notice): an editor that has
 * the document open loads it again.
 */
export function announceDocumentReplaced(documentId: string): void {
  for (const listener of listeners) listener(documentId);
}

export function onDocumentReplaced(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
