import type { Editor } from '@tiptap/core';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Maalform } from '../../../../shared/domain/vocabulary';
import { LONG_SENTENCE_WORDS, readability } from '../../../../shared/language/readability';
import { goToNextIssue, showLongSentences } from './languageCommands';
import { useLanguageSummary } from './useLanguageCheck';

interface LanguagePanelProps {
  readonly editor: Editor | null;
  readonly maalform: Maalform;
  /** Title, ingress and body as plain text (updated when typing pauses). */
  readonly text: string;
}

/**
 * Klarspråk under the body: one calm line with the counts and "go to next" (always there, so a
 * screen reader user finds the summary), and, folded away until asked for, readability (LIX),
 * long sentences and how to reach the marked words from the keyboard.
 */
export function LanguagePanel({ editor, maalform, text }: LanguagePanelProps) {
  const { t } = useTranslation();
  const summary = useLanguageSummary(editor);
  const id = useId();
  const [open, setOpen] = useState(false);
  const [markLong, setMarkLong] = useState(false);
  const figures = useMemo(() => (open ? readability(text) : null), [open, text]);
  const issues = summary.spelling + summary.maalform;
  return (
    <section className="lang-panel" aria-labelledby={`${id}-title`} aria-busy={summary.busy}>
      <div className="lang-panel-bar">
        <button type="button" className="button button-quiet button-small lang-panel-toggle" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen(!open)}>
          <span id={`${id}-title`}>{t('language.panel.title')}</span>
        </button>
        {summary.unavailable ? (
          <p className="lang-summary">{t('language.panel.unavailable')}</p>
        ) : (
          <ul className="lang-summary">
            {issues === 0 ? <li>{t('language.panel.noIssues')}</li> : null}
            {summary.spelling > 0 ? <li>{t('language.panel.spelling', { count: summary.spelling })}</li> : null}
            {summary.maalform > 0 ? <li>{t(`language.panel.otherForm.${maalform}`, { count: summary.maalform })}</li> : null}
          </ul>
        )}
        {issues > 0 ? (
          <button type="button" className="button button-secondary button-small" aria-keyshortcuts="F7" onClick={() => editor && goToNextIssue(editor)}>
            {t('language.panel.next')}
          </button>
        ) : null}
      </div>
      <div id={`${id}-body`} className="lang-panel-body" hidden={!open}>
        {figures ? (
          <>
            <p>
              <strong>{t('language.panel.lix', { lix: figures.lix.toLocaleString('nb-NO'), band: t(`language.panel.band.${figures.band}`) })}</strong>
            </p>
            <p className="lang-panel-help">{t('language.panel.lixHelp')}</p>
            <p>{t('language.panel.longSentences', { count: figures.longSentences.length, limit: LONG_SENTENCE_WORDS })}</p>
          </>
        ) : null}
        <label className="lang-check">
          <input
            type="checkbox"
            checked={markLong}
            onChange={(e) => {
              setMarkLong(e.target.checked);
              if (editor) showLongSentences(editor, e.target.checked);
            }}
          />
          <span>{t('language.panel.markLong')}</span>
        </label>
        <ul className="lang-legend">
          <li>
            <span className="lang-sample lang-spelling" aria-hidden="true">abc</span> {t('language.panel.legendSpelling')}
          </li>
          <li>
            <span className="lang-sample lang-maalform" aria-hidden="true">abc</span> {t('language.panel.legendMaalform')}
          </li>
        </ul>
        <p className="lang-panel-help">{t('language.panel.keys')}</p>
      </div>
    </section>
  );
}
