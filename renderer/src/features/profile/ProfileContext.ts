import { createContext, useContext } from 'react';
import type { BackendGrant } from '../../../../shared/domain/backendGrant';
import type { Profile } from '../../../../shared/domain/profile';

export interface ProfileState {
  /** The active profile; null until the services answered (or when they could not). */
  readonly profile: Profile | null;
  /** What the active backend grants the profile; null when not known. */
  readonly grant: BackendGrant | null;
  /** Every profile on this machine, for the switcher. */
  readonly profiles: readonly Profile[];
}

export const EMPTY_PROFILE_STATE: ProfileState = { profile: null, grant: null, profiles: [] };

export const ProfileContext = createContext<ProfileState>(EMPTY_PROFILE_STATE);

/** Who is working now, and what the website lets them do. */
export function useProfile(): ProfileState {
  return useContext(ProfileContext);
}
