import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveUiLanguage } from '../../shared/i18n/resolveUiLanguage';
import { App } from './app/App';
import { ProfileProvider } from './features/profile/ProfileProvider';
import { api } from './lib/api';
import { initI18n } from './lib/i18n';
import './app/app.css';
import './features/publishing/publishing.css';

async function boot(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const [settings, info] = await Promise.all([api.settings.get(), api.app.info()]);
  const chosen = settings.ok ? settings.value.uiLanguage : null;
  await initI18n(resolveUiLanguage(chosen, navigator.languages));
  root.render(
    <StrictMode>
      <ProfileProvider>
        <App initialSettings={settings.ok ? settings.value : null} info={info.ok ? info.value : null} bootError={settings.ok ? null : settings.error.code} />
      </ProfileProvider>
    </StrictMode>,
  );
}

void boot();
