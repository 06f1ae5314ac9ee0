import type { ReactNode } from 'react';
import { ProfileContext } from './ProfileContext';
import { useProfileState } from './useProfileState';

/** Makes the active profile and its grant available to the whole app (`useProfile()`). */
export function ProfileProvider({ children }: { readonly children: ReactNode }) {
  return <ProfileContext value={useProfileState()}>{children}</ProfileContext>;
}
