import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../shared/domain/profile';
import { ROLES, type Role } from '../../../../shared/domain/vocabulary';
import type { AppError } from '../../../../shared/ipc/result';
import { InlineError } from '../../app/ErrorText';
import { api } from '../../lib/api';
import { GrantSummary } from './GrantSummary';
import { useProfile } from './ProfileContext';

interface ProfileDialogProps {
  /** null: a new profile. */
  readonly profile: Profile | null;
  /** `message` is what to announce after a save; undefined when cancelled. */
  readonly onClose: (message?: string) => void;
}

/**
 * "Ny profil" / "Endre profil": name, e-mail and roles as checkboxes, with what the website
 * grants shown beside them. A modal <dialog>: focus stays inside, Escape cancels.
 */
export function ProfileDialog({ profile, onClose }: ProfileDialogProps) {
  const { t } = useTranslation();
  const { grant } = useProfile();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(profile?.name ?? '');
  const [email, setEmail] = useState(profile?.email ?? '');
  const [roles, setRoles] = useState<readonly Role[]>(profile?.roles ?? ['skribent']);
  const [problem, setProblem] = useState<'name' | 'roles' | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
    nameInput.current?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setProblem('name');
      nameInput.current?.focus();
      return;
    }
    if (roles.length === 0) {
      setProblem('roles');
      dialog.current?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
      return;
    }
    setProblem(null);
    const result = await api.profiles.save({ id: profile?.id ?? null, name: name.trim(), email: email.trim(), roles: [...roles] });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    // A new profile is made active: whoever creates it is about to work as it.
    if (!profile) {
      const activated = await api.profiles.activate({ id: result.value.id });
      if (!activated.ok) {
        setError(activated.error);
        return;
      }
    }
    dialog.current?.close();
    onClose(t('profile.dialog.saved'));
  };

  return (
    <dialog
      ref={dialog}
      className="dialog profile-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        // Close first: focus cannot leave a dialog that is still modal.
        event.preventDefault();
        dialog.current?.close();
        onClose();
      }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="dialog-header">
          <h2 id={`${id}-title`}>{profile ? t('profile.dialog.titleEdit') : t('profile.dialog.titleNew')}</h2>
        </div>
        <div className="dialog-content">
          <div className="form-field">
            <label className="form-label" htmlFor={`${id}-name`}>
              {t('profile.dialog.name')}
            </label>
            <input
              ref={nameInput}
              id={`${id}-name`}
              className="input"
              value={name}
              maxLength={200}
              autoComplete="name"
              aria-invalid={problem === 'name' || undefined}
              aria-describedby={problem === 'name' ? `${id}-name-problem` : undefined}
              onChange={(e) => setName(e.target.value)}
            />
            {problem === 'name' ? (
              <p id={`${id}-name-problem`} className="field-error" role="alert">
                {t('profile.dialog.nameRequired')}
              </p>
            ) : null}
          </div>
          <div className="form-field">
            <label className="form-label" htmlFor={`${id}-email`}>
              {t('profile.dialog.email')}
            </label>
            <input id={`${id}-email`} className="input" type="email" value={email} maxLength={200} autoComplete="email" onChange={(e) => setEmail(e.target.value)} />
          </div>
          <fieldset className="role-fieldset" aria-describedby={`${id}-roles-hint${problem === 'roles' ? ` ${id}-roles-problem` : ''}`}>
            <legend className="form-label">{t('profile.dialog.roles')}</legend>
            <p id={`${id}-roles-hint`} className="hint">
              {t('profile.dialog.rolesHint')}
            </p>
            {ROLES.map((role) => (
              <div key={role} className="role-choice">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={roles.includes(role)}
                    aria-describedby={`${id}-help-${role}`}
                    onChange={(e) => setRoles(e.target.checked ? ROLES.filter((r) => r === role || roles.includes(r)) : roles.filter((r) => r !== role))}
                  />
                  <span className="role-name">{t(`profile.roles.${role}`)}</span>
                </label>
                <span id={`${id}-help-${role}`} className="hint role-help">
                  {t(`profile.roleHelp.${role}`)}
                </span>
              </div>
            ))}
            {problem === 'roles' ? (
              <p id={`${id}-roles-problem`} className="field-error" role="alert">
                {t('profile.dialog.rolesRequired')}
              </p>
            ) : null}
          </fieldset>
          <GrantSummary grant={grant} />
          <InlineError error={error} />
        </div>
        <div className="dialog-footer">
          <button type="button" className="button button-quiet" onClick={() => {
              dialog.current?.close();
              onClose();
            }}>
            {t('profile.dialog.cancel')}
          </button>
          <button type="submit" className="button">
            {t('profile.dialog.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
