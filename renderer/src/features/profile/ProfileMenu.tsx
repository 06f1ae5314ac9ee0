import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../shared/domain/profile';
import { api } from '../../lib/api';
import { ProfileDialog } from './ProfileDialog';
import { useProfile } from './ProfileContext';
import { roleList } from './roleList';

interface MenuItem {
  readonly key: string;
  readonly label: string;
  readonly checked?: boolean;
}

/**
 * The active profile in the top bar ("Kari Nordmann · skribent, redaktør") as a menu button:
 * switch to another profile, create one, or edit this one. A WAI-ARIA menu: arrows, Home/End,
 * Escape and Tab close it and focus goes back to the button.
 */
export function ProfileMenu({ onMessage }: { readonly onMessage: (text: string) => void }) {
  const { t } = useTranslation();
  const { profile, profiles } = useProfile();
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [editing, setEditing] = useState<Profile | 'new' | null>(null);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const items: MenuItem[] = [
    ...profiles.map((p) => ({ key: `p:${p.id}`, label: p.id === profile?.id ? t('profile.menu.current', { name: p.name }) : t('profile.menu.switchTo', { name: p.name }), checked: p.id === profile?.id })),
    { key: 'new', label: t('profile.menu.new') },
    ...(profile ? [{ key: 'edit', label: t('profile.menu.edit') }] : []),
  ];

  const run = (key: string) => {
    if (key === 'new' || key === 'edit') {
      close(false);
      setEditing(key === 'new' ? 'new' : profile);
      return;
    }
    close(true);
    const chosen = profiles.find((p) => `p:${p.id}` === key);
    if (!chosen || chosen.id === profile?.id) return;
    void api.profiles.activate({ id: chosen.id }).then((r) => {
      if (r.ok) onMessage(t('profile.menu.switched', { name: chosen.name }));
    });
  };

  useEffect(() => {
    if (open) menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]')[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onDown = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onDown);
    return () => window.removeEventListener('pointerdown', onDown);
  }, [open]);

  const openAt = (index: number) => {
    setActive((index + items.length) % items.length);
    setOpen(true);
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const go = (index: number) => setActive((index + items.length) % items.length);
    if (event.key === 'ArrowDown') go(active + 1);
    else if (event.key === 'ArrowUp') go(active - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(items.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') {
      close(false);
      return;
    } else return;
    event.preventDefault();
  };

  if (!profile) return null;
  const roles = roleList(t, profile.roles);
  return (
    <div className="profile-menu">
      <button
        ref={button}
        type="button"
        className="button button-quiet profile-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            openAt(event.key === 'ArrowDown' ? 0 : items.length - 1);
          }
        }}
      >
        <span className="profile-avatar" aria-hidden="true">
          {profile.name.trim().charAt(0).toUpperCase()}
        </span>
        {/* The visible text is the name, with what it is for in front for screen readers (WCAG 2.5.3). */}
        <span className="visually-hidden">{t('profile.menu.prefix')} </span>
        {t('profile.menu.button', { name: profile.name, roles })}
      </button>
      {open ? (
        <ul id={`${id}-menu`} ref={menu} role="menu" className="profile-menu-list" aria-label={t('profile.menu.label', { name: profile.name, roles })} onKeyDown={onMenuKey}>
          {items.map((item, index) => (
            <li
              key={item.key}
              role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
              aria-checked={item.checked}
              tabIndex={index === active ? 0 : -1}
              className={`profile-menu-item${item.key === 'new' ? ' is-separated' : ''}`}
              onClick={() => run(item.key)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  run(item.key);
                }
              }}
            >
              {item.label}
            </li>
          ))}
        </ul>
      ) : null}
      {editing ? (
        <ProfileDialog
          profile={editing === 'new' ? null : editing}
          onClose={(message) => {
            setEditing(null);
            button.current?.focus();
            if (message) onMessage(message);
          }}
        />
      ) : null}
    </div>
  );
}
