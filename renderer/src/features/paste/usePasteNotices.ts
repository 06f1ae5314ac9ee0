import type { Editor } from '@tiptap/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PASTE_LIMITS } from '../../../../shared/editor/paste/pasteLimits';
import { PASTE_NOTICE_EVENT, type PasteNotice } from './PasteCleaning';

/** Shows the message for a refused or simplified paste in the body editor. */
export function usePasteNotices(editor: Editor | null, onMessage: (message: string) => void): void {
  const { t } = useTranslation();
  useEffect(() => {
    if (!editor) return;
    // Listened for on the window: the editor's DOM may not exist yet when this runs.
    const onNotice = (event: Event) => {
      if (editor.isDestroyed || event.target !== editor.view.dom) return;
      const notice = (event as CustomEvent<PasteNotice>).detail;
      const words = Math.round(PASTE_LIMITS.textChars / 6_000) * 1_000;
      onMessage(notice === 'tooLarge' ? t('paste.tooLarge', { words }) : t('paste.htmlTooLarge'));
    };
    window.addEventListener(PASTE_NOTICE_EVENT, onNotice);
    return () => window.removeEventListener(PASTE_NOTICE_EVENT, onNotice);
  }, [editor, onMessage, t]);
}
