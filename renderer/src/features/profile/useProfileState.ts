import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import { EMPTY_PROFILE_STATE, type ProfileState } from './ProfileContext';

/**
 * Loads the active profile, its backend grant and the profile list, and follows
 * `profiles:changed` (a switch, an edit, a new profile), settings changes (another backend) and
 * `backends:changed` (a test found other roles).
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
    // A connection test (or a changed backend) changes what the site grants.
    const offBackends = api.onBackendsChanged(() => void load());
    return () => {
      live = false;
      offProfiles();
      offSettings();
      offBackends();
    };
  }, []);
  return state;
}
