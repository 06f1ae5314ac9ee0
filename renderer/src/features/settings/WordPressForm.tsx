import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackendView, ConnectionReport, WithdrawMode, WordPressConfig, WordPressDraft } from '../../../../shared/domain/publishing';
import type { AppError } from '../../../../shared/ipc/result';
import { ErrorText } from '../../app/ErrorText';
import { api } from '../../lib/api';
import { ConnectionReportView } from './ConnectionReportView';
import { WORDPRESS_FIELDS, checkWordPressForm, passwordForDraft, type WordPressFormProblems } from './wordPressFormCheck';

interface WordPressFormProps {
  /** The backend being changed, or null for a new one. */
  readonly editing: WordPressConfig | null;
  readonly onSaved: (saved: BackendView) => void;
  readonly onCancel: () => void;
}

type TestState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; report: ConnectionReport };
const WITHDRAW_MODES: readonly WithdrawMode[] = ['draft', 'trash'];

/**
 * Adds or changes a WordPress site: name, address, user name, application password (while
 * editing, empty keeps the stored one), what withdrawing does, "Test connection" on the form's
 * values before saving, and Save. Escape cancels the form, not the whole Settings dialog.
 */
export function WordPressForm({ editing, onSaved, onCancel }: WordPressFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [label, setLabel] = useState(editing?.label ?? '');
  const [siteUrl, setSiteUrl] = useState(editing?.siteUrl ?? '');
  const [userName, setUserName] = useState(editing?.userName ?? '');
  const [password, setPassword] = useState('');
  const [withdrawMode, setWithdrawMode] = useState<WithdrawMode>(editing?.withdrawMode ?? 'draft');
  const [problems, setProblems] = useState<WordPressFormProblems>({});
  const [test, setTest] = useState<TestState>({ kind: 'idle' });
  const testRun = useRef(0);
  const [saving, setSaving] = useState(false);
  /** What the last test or save answered when it failed, shown next to the buttons. */
  const [error, setError] = useState<AppError | null>(null);
  /** Saving failed because the platform could not seal the password (no OS keyring). */
  const [cannotSeal, setCannotSeal] = useState(false);

  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);

  const draft = (): WordPressDraft => ({ id: editing?.id ?? null, label, siteUrl, userName, password: passwordForDraft(password, editing !== null), withdrawMode });

  /** Checks the fields; on a problem, says so at each field and puts focus on the first. */
  const checked = (): WordPressDraft | null => {
    const value = draft();
    const found = checkWordPressForm(value);
    setProblems(found);
    const first = WORDPRESS_FIELDS.find((f) => found[f]);
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return null;
    }
    return value;
  };

  // A changed address, user or password makes an earlier result stale, and the field's own
  // problem is gone until the next check.
  const accessChanged = (name: 'siteUrl' | 'userName' | 'password') => {
    // A test still on its way answers for the old values: its answer is dropped.
    testRun.current++;
    setTest({ kind: 'idle' });
    setError(null);
    setCannotSeal(false);
    setProblems((previous) => ({ ...previous, [name]: undefined }));
  };

  const runTest = async () => {
    const value = checked();
    if (!value) return;
    const run = ++testRun.current;
    setTest({ kind: 'busy' });
    setError(null);
    setCannotSeal(false);
    const result = await api.backends.test({ id: value.id ?? 'new', draft: value });
    if (run !== testRun.current) return;
    setTest(result.ok ? { kind: 'done', report: result.value } : { kind: 'idle' });
    setError(result.ok ? null : result.error);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const value = checked();
    if (!value) return;
    setSaving(true);
    setError(null);
    setCannotSeal(false);
    const result = await api.backends.saveWordPress(value);
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else {
      setError(result.error);
      setCannotSeal(result.error.code === 'backend_secret_unavailable' && value.password !== null);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  const field = (name: 'siteUrl' | 'userName' | 'password') => {
    const problem = problems[name];
    const described = [name === 'userName' ? null : `${id}-${name}-hint`, problem ? `${id}-${name}-error` : null].filter(Boolean).join(' ');
    return {
      id: `${id}-${name}`,
      'aria-invalid': problem ? true : undefined,
      'aria-describedby': described || undefined,
    } as const;
  };
  const fieldError = (name: 'siteUrl' | 'userName' | 'password') => {
    const problem = problems[name];
    return problem ? (
      <p id={`${id}-${name}-error`} className="field-error">
        {t(`settings.publishing.form.${problem}`)}
      </p>
    ) : null;
  };

  const title = editing ? t('settings.publishing.form.titleEdit', { name: editing.label }) : t('settings.publishing.form.titleNew');
  return (
    <form ref={form} className="wordpress-form" aria-labelledby={`${id}-title`} onSubmit={(e) => void save(e)} onKeyDown={onKeyDown} noValidate>
      <h4 id={`${id}-title`}>{title}</h4>
      <div className="form-field">
        <label className="form-label" htmlFor={`${id}-label`}>
          {t('settings.publishing.form.label')}
        </label>
        <input id={`${id}-label`} className="input" value={label} aria-describedby={`${id}-label-hint`} onChange={(e) => setLabel(e.target.value)} />
        <span id={`${id}-label-hint`} className="hint">
          {t('settings.publishing.form.labelHint')}
        </span>
      </div>
      <div className="form-field">
        <label className="form-label" htmlFor={`${id}-siteUrl`}>
          {t('settings.publishing.form.siteUrl')}
        </label>
        <input
          {...field('siteUrl')}
          className="input"
          type="url"
          inputMode="url"
          spellCheck={false}
          autoComplete="url"
          placeholder="https://"
          value={siteUrl}
          onChange={(e) => {
            setSiteUrl(e.target.value);
            accessChanged('siteUrl');
          }}
        />
        <span id={`${id}-siteUrl-hint`} className="hint">
          {t('settings.publishing.form.siteUrlHint')}
        </span>
        {fieldError('siteUrl')}
      </div>
      <div className="form-field">
        <label className="form-label" htmlFor={`${id}-userName`}>
          {t('settings.publishing.form.userName')}
        </label>
        <input
          {...field('userName')}
          className="input"
          spellCheck={false}
          autoComplete="username"
          value={userName}
          onChange={(e) => {
            setUserName(e.target.value);
            accessChanged('userName');
          }}
        />
        {fieldError('userName')}
      </div>
      <div className="form-field">
        <label className="form-label" htmlFor={`${id}-password`}>
          {t('settings.publishing.form.password')}
        </label>
        <input
          {...field('password')}
          className="input"
          type="password"
          spellCheck={false}
          autoComplete="new-password"
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            accessChanged('password');
          }}
        />
        <span id={`${id}-password-hint`} className="hint">
          {editing ? t('settings.publishing.form.passwordHintEdit') : t('settings.publishing.form.passwordHintNew')}
        </span>
        {fieldError('password')}
      </div>
      <fieldset className="field-group-inner">
        <legend className="form-label">{t('settings.publishing.form.withdraw')}</legend>
        {WITHDRAW_MODES.map((mode) => (
          <label key={mode} className="radio">
            <input type="radio" name={`${id}-withdraw`} value={mode} checked={withdrawMode === mode} onChange={() => setWithdrawMode(mode)} />
            <span>{t(mode === 'draft' ? 'settings.publishing.form.withdrawDraft' : 'settings.publishing.form.withdrawTrash')}</span>
          </label>
        ))}
      </fieldset>
      <div className="wordpress-form-actions">
        {/* aria-disabled, not disabled: a disabled button drops focus to the page while it works. */}
        <button type="button" className="button button-secondary" aria-disabled={test.kind === 'busy'} onClick={() => (test.kind === 'busy' ? undefined : void runTest())}>
          {test.kind === 'busy' ? t('settings.publishing.form.testing') : t('settings.publishing.form.test')}
        </button>
        <button type="submit" className="button" aria-disabled={saving}>
          {saving ? t('settings.publishing.form.saving') : t('settings.publishing.form.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('settings.publishing.form.cancel')}
        </button>
      </div>
      {error ? (
        <p className="feedback feedback-error" role="alert">
          {cannotSeal ? t('settings.publishing.form.cannotSeal') : <ErrorText error={error} />}
        </p>
      ) : null}
      {/* The test's outcome is announced; the details stay readable below. */}
      <div className="wordpress-form-outcome" aria-live="polite">
        {test.kind === 'done' ? (
          <>
            <h4 className="connection-ok">
              <span aria-hidden="true">✓ </span>
              {t('settings.publishing.report.heading')}
            </h4>
            <ConnectionReportView report={test.report} />
          </>
        ) : null}
      </div>
    </form>
  );
}
