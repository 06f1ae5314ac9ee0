import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/domain/appInfo';
import type { Settings, SettingsPatch, UiLanguage } from '../../../../shared/domain/settings';
import { resolveUiLanguage } from '../../../../shared/i18n/resolveUiLanguage';
import type { AppError, Result } from '../../../../shared/ipc/result';
import { ErrorText } from '../../app/ErrorText';
import { ProfileSettingsSection } from '../profile/ProfileSettingsSection';
import { TranslationSettings } from '../translation/TranslationSettings';
import { PublishingSettings } from './PublishingSettings';
import { UnusedMedia } from './UnusedMedia';

interface SettingsDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly settings: Settings | null;
  readonly info: AppInfo | null;
  readonly onUpdate: (patch: SettingsPatch) => Promise<Result<Settings>>;
}

type LanguageChoice = UiLanguage | 'system';
const LANGUAGES: readonly UiLanguage[] = ['nb', 'nn', 'en'];

/**
 * A modal <dialog>: the browser traps focus inside it and closes it on Escape. Choices apply
 * at once and are saved; there is no separate Save button to forget.
 */
export function SettingsDialog({ open, onClose, settings, info, onUpdate }: SettingsDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [feedback, setFeedback] = useState<{ kind: 'saved' } | { kind: 'error'; error: AppError } | null>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      setFeedback(null);
      el.showModal();
      // Start on the current choice, so the arrow keys change it straight away.
      el.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
    } else if (!open && el.open) el.close();
  }, [open]);

  // The choice shows as made at once; it is rolled back if saving fails.
  const [pending, setPending] = useState<LanguageChoice | null>(null);
  const saved: LanguageChoice = settings?.uiLanguage ?? 'system';
  const current: LanguageChoice = pending ?? saved;
  const systemLanguage = resolveUiLanguage(null, navigator.languages);

  const choose = async (choice: LanguageChoice) => {
    setPending(choice);
    setFeedback(null);
    const result = await onUpdate({ uiLanguage: choice === 'system' ? null : choice });
    setPending(null);
    setFeedback(result.ok ? { kind: 'saved' } : { kind: 'error', error: result.error });
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <div className="dialog-header">
        <h2 id={titleId}>{t('settings.title')}</h2>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('settings.close')}
        </button>
      </div>
      <fieldset className="field-group">
        <legend>{t('settings.language.legend')}</legend>
        <p className="hint" id={`${titleId}-lang-hint`}>
          {t('settings.language.hint')}
        </p>
        {(['system', ...LANGUAGES] as const).map((choice) => (
          <label key={choice} className="radio">
            <input
              type="radio"
              name="uiLanguage"
              value={choice}
              checked={current === choice}
              aria-describedby={`${titleId}-lang-hint`}
              onChange={() => void choose(choice)}
            />
            <span lang={choice === 'system' ? undefined : choice}>
              {choice === 'system' ? t('settings.language.system', { language: t(`languages.${systemLanguage}`) }) : t(`languages.${choice}`)}
            </span>
          </label>
        ))}
        <p className="feedback" role="status">
          {feedback?.kind === 'saved' ? t('settings.language.saved') : null}
        </p>
        {feedback?.kind === 'error' ? (
          <p className="feedback feedback-error" role="alert">
            <ErrorText error={feedback.error} />
          </p>
        ) : null}
      </fieldset>
      <ProfileSettingsSection headingId={`${titleId}-profile`} />
      <TranslationSettings settings={settings} onUpdate={onUpdate} />
      <PublishingSettings headingId={`${titleId}-publishing`} />
      {info ? (
        <section className="about" aria-labelledby={`${titleId}-about`}>
          <h3 id={`${titleId}-about`}>{t('settings.about.heading')}</h3>
          <p>{t('settings.about.version', { version: info.version })}</p>
          <p>{t(`settings.about.host.${info.host}`)}</p>
          <dl>
            <dt>{t('settings.about.dataDir')}</dt>
            <dd>
              <code>{info.dataDir}</code>
            </dd>
          </dl>
        </section>
      ) : null}
      <UnusedMedia headingId={`${titleId}-media`} />
    </dialog>
  );
}
