import { useEffect, useRef, type RefObject } from 'react';

interface Shortcuts {
  readonly openSettings: () => void;
  readonly newDocument: () => void;
  /** Landmarks that F6 / Shift+F6 cycle through, in order. */
  readonly regions: readonly RefObject<HTMLElement | null>[];
}

/**
 * App-wide keys: Ctrl+, (Cmd+, on a Mac) opens Settings; Ctrl+N makes a new document; F6 and Shift+F6 move focus between
 * the big regions, as in Office, browsers and VS Code, so no one has to Tab through a list.
 */
export function useGlobalShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { openSettings, newDocument, regions } = latest.current;
      if ((event.ctrlKey || event.metaKey) && event.key === ',') {
        event.preventDefault();
        openSettings();
        return;
      }
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        newDocument();
        return;
      }
      if (event.key !== 'F6' || event.ctrlKey || event.altKey || event.metaKey) return;
      if (document.querySelector('dialog[open]')) return;
      const elements = regions.map((r) => r.current).filter((el): el is HTMLElement => el !== null);
      if (elements.length === 0) return;
      event.preventDefault();
      const current = elements.findIndex((el) => el.contains(document.activeElement));
      const step = event.shiftKey ? -1 : 1;
      const next = current === -1 ? (event.shiftKey ? elements.length - 1 : 0) : (current + step + elements.length) % elements.length;
      elements[next]?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
