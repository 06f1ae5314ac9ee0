import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsPatch, TranslationSettings as TranslationChoices } from '../../../../shared/domain/settings';
import type { TranslationStatus, TranslationTest } from '../../../../shared/domain/translation';
import type { AppError, Result } from '../../../../shared/ipc/result';
import { ErrorText } from '../../app/ErrorText';
import { api } from '../../lib/api';

interface TranslationSettingsProps {
  readonly settings: Settings | null;
  readonly onUpdate: (patch: SettingsPatch) => Promise<Result<Settings>>;
}

const ENGINES = ['auto', 'cli', 'apy'] as const;
const VARIANTS = ['e', 'a'] as const;

/**
 * Settings → rewriting between Bokmål and Nynorsk: where Apertium runs (this machine or an
 * apertium-apy service), the service's address, the Nynorsk variant, which engine is in use
 * (or what is missing), and a test translation.
 */
export function TranslationSettings({ settings, onUpdate }: TranslationSettingsProps) {
  const { t } = useTranslation();
  const id = useId();
  // A choice shows as made at once; it is rolled back if saving fails.
  const [pending, setPending] = useState<Partial<TranslationChoices> | null>(null);
  const saved = settings?.translation;
  const choices = saved ? { ...saved, ...pending } : undefined;
  // What is being typed into the address field; null shows the saved address.
  const [draftUrl, setDraftUrl] = useState<string | null>(null);
  const url = draftUrl ?? choices?.apyUrl ?? '';
  const statusKey = `${saved?.engine}|${saved?.apyUrl}`;
  const [checked, setChecked] = useState<{ key: string; status: TranslationStatus } | null>(null);
  const status = checked?.key === statusKey ? checked.status : null;
  const [test, setTest] = useState<{ kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; value: TranslationTest } | { kind: 'error'; error: AppError }>({ kind: 'idle' });
  const [error, setError] = useState<AppError | null>(null);

  // What is in use follows every change of the choices.
  useEffect(() => {
    let live = true;
    void api.translation.status().then((r) => {
      if (live && r.ok) setChecked({ key: statusKey, status: r.value });
    });
    return () => {
      live = false;
    };
  }, [statusKey]);

  if (!choices) return null;

  const update = async (patch: Partial<TranslationChoices>) => {
    setTest({ kind: 'idle' });
    setPending(patch);
    const result = await onUpdate({ translation: { ...choices, ...patch } });
    setPending(null);
    setError(result.ok ? null : result.error);
    if (result.ok) setDraftUrl(null);
  };

  const runTest = async () => {
    setTest({ kind: 'busy' });
    const result = await api.translation.test();
    setTest(result.ok ? { kind: 'done', value: result.value } : { kind: 'error', error: result.error });
  };

  return (
    <fieldset className="field-group translation-settings">
      <legend>{t('translate.settings.legend')}</legend>
      <fieldset className="field-group-inner">
        <legend className="form-label">{t('translate.settings.engine')}</legend>
        {ENGINES.map((engine) => (
          <label key={engine} className="radio">
            <input type="radio" name={`${id}-engine`} value={engine} checked={choices.engine === engine} onChange={() => void update({ engine })} />
            <span>{t(`translate.settings.${engine}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="form-field">
        <label className="form-label" htmlFor={`${id}-url`}>
          {t('translate.settings.apyUrl')}
        </label>
        <input
          id={`${id}-url`}
          className="input"
          type="url"
          inputMode="url"
          spellCheck={false}
          value={url}
          placeholder="http://127.0.0.1:2737"
          aria-describedby={`${id}-url-hint`}
          onChange={(e) => setDraftUrl(e.target.value)}
          onBlur={() => (url.trim() !== choices.apyUrl ? void update({ apyUrl: url.trim() }) : undefined)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (url.trim() !== choices.apyUrl) void update({ apyUrl: url.trim() });
            }
          }}
        />
        <span id={`${id}-url-hint`} className="hint">
          {t('translate.settings.apyHint')}
        </span>
      </div>
      <fieldset className="field-group-inner">
        <legend className="form-label">{t('translate.settings.variant')}</legend>
        {VARIANTS.map((variant) => (
          <label key={variant} className="radio">
            <input
              type="radio"
              name={`${id}-variant`}
              value={variant}
              checked={choices.nynorskInfinitive === variant}
              onChange={() => void update({ nynorskInfinitive: variant })}
            />
            <span lang="nn">{t(`translate.variant.${variant}`)}</span>
          </label>
        ))}
      </fieldset>
      <p className="hint" aria-live="polite">
        {status === null
          ? t('translate.settings.checking')
          : status.available
            ? status.engine === 'apy'
              ? t('translate.settings.inUseApy', { detail: status.detail })
              : t('translate.settings.inUseCli', { detail: status.detail })
            : t(`translate.unavailable.${status.problem ?? 'cli_not_found'}`)}
      </p>
      <div className="translation-test">
        <button type="button" className="button button-secondary button-small" disabled={test.kind === 'busy'} onClick={() => void runTest()}>
          {test.kind === 'busy' ? t('translate.settings.testing') : t('translate.settings.test')}
        </button>
        <span aria-live="polite">
          {test.kind === 'done' ? t('translate.settings.testResult', { source: test.value.source, translated: test.value.translated, ms: Math.round(test.value.ms) }) : null}
        </span>
      </div>
      {test.kind === 'error' || error ? (
        <p className="feedback feedback-error" role="alert">
          <ErrorText error={test.kind === 'error' ? test.error : (error as AppError)} />
        </p>
      ) : null}
    </fieldset>
  );
}
