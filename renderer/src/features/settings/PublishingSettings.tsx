import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackendView, WordPressConfig } from '../../../../shared/domain/publishing';
import type { AppError } from '../../../../shared/ipc/result';
import { ErrorText } from '../../app/ErrorText';
import { api } from '../../lib/api';
import { WordPressForm } from './WordPressForm';

interface BackendList {
  readonly backends: readonly BackendView[];
  readonly activeId: string;
}

type FormState = { kind: 'closed' } | { kind: 'new' } | { kind: 'edit'; config: WordPressConfig };
type Opened = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; path: string; url: string; opened: boolean };

/** Loads the backends and follows every change (a save, a test, another window, another backend in use). */
function useBackends(): [BackendList | null, (activeId: string) => void] {
  const [list, setList] = useState<BackendList | null>(null);
  useEffect(() => {
    let live = true;
    void api.backends.list().then((r) => {
      if (live && r.ok) setList(r.value);
    });
    const offBackends = api.onBackendsChanged((next) => setList(next));
    const offSettings = api.onSettingsChanged((settings) => setList((prev) => (prev ? { ...prev, activeId: settings.activeBackendId } : prev)));
    return () => {
      live = false;
      offBackends();
      offSettings();
    };
  }, []);
  const setActive = (activeId: string) => setList((prev) => (prev ? { ...prev, activeId } : prev));
  return [list, setActive];
}

/**
 * Settings → Publishing: which backend new steps go to ("Publish to"), the local site with its
 * folder and "Open the site", the WordPress sites with Edit and Remove, and the form to add or
 * change one.
 */
export function PublishingSettings({ headingId }: { readonly headingId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [list, setActive] = useBackends();
  const [form, setForm] = useState<FormState>({ kind: 'closed' });
  // Kept as what happened, not as text, so it follows a change of UI language.
  const [status, setStatus] = useState<{ readonly key: 'activated' | 'activatedLocal' | 'removed' | 'form.saved'; readonly view: BackendView } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);
  const [opened, setOpened] = useState<Opened>({ kind: 'idle' });
  // The choice shows as made at once; it is rolled back if it fails.
  const [pendingActive, setPendingActive] = useState<string | null>(null);
  const section = useRef<HTMLElement>(null);
  // Where focus goes once the list has re-rendered (after closing the form, removing, saving).
  const focusTarget = useRef<string | null>(null);
  const setFocusTarget = (selector: string) => {
    focusTarget.current = selector;
  };

  // After every render: the element asked for may only now exist.
  useEffect(() => {
    const selector = focusTarget.current;
    if (!selector) return;
    const target = section.current?.querySelector<HTMLElement>(selector);
    if (target) {
      target.focus();
      focusTarget.current = null;
    }
  });

  if (!list) return null;

  const nameOf = (view: BackendView) => (view.config.kind === 'local-site' ? t('settings.publishing.localName') : view.config.label);

  const activate = async (view: BackendView) => {
    setError(null);
    setPendingActive(view.config.id);
    const result = await api.backends.activate({ id: view.config.id });
    // Known now, whichever of the answer and the change event comes first.
    if (result.ok) setActive(result.value.activeBackendId);
    setPendingActive(null);
    if (result.ok) setStatus({ key: view.config.kind === 'local-site' ? 'activatedLocal' : 'activated', view });
    else setError(result.error);
  };

  const remove = async (view: BackendView) => {
    setError(null);
    const result = await api.backends.remove({ id: view.config.id });
    setConfirmRemove(null);
    if (result.ok) {
      setStatus({ key: 'removed', view });
      setFocusTarget('[data-add-backend]');
    } else setError(result.error);
  };

  const openSite = async () => {
    setOpened({ kind: 'busy' });
    const result = await api.publishing.openLocalSite();
    if (result.ok) setOpened({ kind: 'done', ...result.value });
    else {
      setOpened({ kind: 'idle' });
      setError(result.error);
    }
  };

  const closeForm = (focus: string) => {
    setForm({ kind: 'closed' });
    setFocusTarget(focus);
  };

  return (
    <section ref={section} className="field-group publishing-settings" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('settings.publishing.heading')}</h3>
      <p className="hint">{t('settings.publishing.hint')}</p>
      <fieldset className="field-group-inner">
        <legend className="form-label">{t('settings.publishing.activeLegend')}</legend>
        <ul className="backend-list">
          {list.backends.map((view) => {
            const { config } = view;
            const name = nameOf(view);
            return (
              <li key={config.id} className="backend-item">
                <label className="radio">
                  <input type="radio" name={`${id}-active`} value={config.id} checked={(pendingActive ?? list.activeId) === config.id} onChange={() => void activate(view)} />
                  <span className="backend-name">{name}</span>
                </label>
                {config.kind === 'local-site' ? (
                  <div className="backend-details">
                    <p className="hint">
                      {t('settings.publishing.localFolder')}: <code>{config.folder}</code>
                    </p>
                    <button type="button" className="button button-secondary button-small" aria-disabled={opened.kind === 'busy'} onClick={() => (opened.kind === 'busy' ? undefined : void openSite())}>
                      {opened.kind === 'busy' ? t('settings.publishing.opening') : t('settings.publishing.openSite')}
                    </button>
                    <div aria-live="polite">
                      {opened.kind === 'done' && opened.opened ? <p className="hint">{t('settings.publishing.opened')}</p> : null}
                      {opened.kind === 'done' && !opened.opened ? (
                        <p className="hint local-site-address">
                          {t('settings.publishing.notOpened')} <code>{opened.url}</code>
                        </p>
                      ) : null}
                    </div>
                  </div>
                ) : (
                  <div className="backend-details">
                    <p className="hint">{t('settings.publishing.wpSummary', { url: config.siteUrl, user: config.userName })}</p>
                    <p className="hint">
                      {!view.hasPassword
                        ? t('settings.publishing.noPassword')
                        : view.lastReport
                          ? t('settings.publishing.lastTest', {
                              name: view.lastReport.grant.displayName || config.userName,
                              roles: view.lastReport.grant.roles.join(', ') || t('settings.publishing.noRoles'),
                            })
                          : t('settings.publishing.notTested')}
                    </p>
                    {confirmRemove === config.id ? (
                      <div className="backend-confirm" role="group" aria-label={t('settings.publishing.removeLabel', { name })}>
                        <p>{t('settings.publishing.confirmRemove', { name })}</p>
                        <button type="button" className="button button-danger button-small" data-confirm-remove onClick={() => void remove(view)}>
                          {t('settings.publishing.remove')}
                        </button>{' '}
                        <button
                          type="button"
                          className="button button-quiet button-small"
                          onClick={() => {
                            setConfirmRemove(null);
                            setFocusTarget(`[data-remove="${config.id}"]`);
                          }}
                        >
                          {t('settings.publishing.form.cancel')}
                        </button>
                      </div>
                    ) : (
                      <div className="backend-actions">
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          data-edit={config.id}
                          aria-label={t('settings.publishing.editLabel', { name })}
                          onClick={() => setForm({ kind: 'edit', config })}
                        >
                          {t('settings.publishing.edit')}
                        </button>
                        <button
                          type="button"
                          className="button button-quiet button-small"
                          data-remove={config.id}
                          aria-label={t('settings.publishing.removeLabel', { name })}
                          onClick={() => {
                            setConfirmRemove(config.id);
                            setFocusTarget('[data-confirm-remove]');
                          }}
                        >
                          {t('settings.publishing.remove')}
                        </button>
                      </div>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <p className="feedback" aria-live="polite">
        {status ? t(`settings.publishing.${status.key}`, { name: nameOf(status.view) }) : null}
      </p>
      {error ? (
        <p className="feedback feedback-error" role="alert">
          <ErrorText error={error} />
        </p>
      ) : null}
      {form.kind === 'closed' ? (
        <button type="button" className="button button-secondary" data-add-backend onClick={() => setForm({ kind: 'new' })}>
          {t('settings.publishing.add')}
        </button>
      ) : (
        <WordPressForm
          key={form.kind === 'edit' ? form.config.id : 'new'}
          editing={form.kind === 'edit' ? form.config : null}
          onCancel={() => closeForm(form.kind === 'edit' ? `[data-edit="${form.config.id}"]` : '[data-add-backend]')}
          onSaved={(saved) => {
            setStatus({ key: 'form.saved', view: saved });
            setError(null);
            closeForm(`[data-edit="${saved.config.id}"]`);
          }}
        />
      )}
    </section>
  );
}
