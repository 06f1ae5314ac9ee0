import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import { EMPTY_PROFILE_STATE, type ProfileState } from './ProfileContext';

/**
 * Loads the active profile, its backend grant and the profile list, and follows
 * `profiles:changed` (a switch, an edit, a new profile) and settings changes (another backend).
 */
export function useProfileState(): ProfileState {
  const [state, setState] = useState<ProfileState>(EMPTY_PROFILE_STATE);
  useEffect(() => {
    let live = true;
    const load = async () => {
      const [current, list] = await Promise.all([api.profiles.current(), api.profiles.list()]);
      if (!live) return;
      setState({
        profile: current.ok ? current.value.profile : null,
        grant: current.ok ? current.value.grant : null,
        profiles: list.ok ? list.value : [],
      });
    };
    void load();
    const offProfiles = api.onProfilesChanged(() => void load());
    const offSettings = api.onSettingsChanged(() => void load());
    return () => {
      live = false;
      offProfiles();
      offSettings();
    };
  }, []);
  return state;
}
