import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/domain/appInfo';
import type { Settings, SettingsPatch } from '../../../shared/domain/settings';
import { resolveUiLanguage } from '../../../shared/i18n/resolveUiLanguage';
import type { AppError, ErrorCode, Result } from '../../../shared/ipc/result';
import { DocumentPane } from '../features/editor/DocumentPane';
import { LibraryPane } from '../features/library/LibraryPane';
import { ProfileMenu } from '../features/profile/ProfileMenu';
import { PublishedNotice } from '../features/publishing/PublishedNotice';
import { MeterDialog } from '../features/meter/MeterDialog';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { StatusBar } from '../features/status/StatusBar';
import { api } from '../lib/api';
import { setUiLanguage } from '../lib/i18n';
import { GearIcon } from './icons';
import { Notices } from './Notices';
import { Toast, type ToastMessage } from './Toast';
import { useLibraryActions } from './useLibraryActions';
import { useGlobalShortcuts } from './useGlobalShortcuts';

interface AppProps {
  readonly initialSettings: Settings | null;
  readonly info: AppInfo | null;
  readonly bootError: ErrorCode | null;
}

export function App({ initialSettings, info, bootError }: AppProps) {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<Settings | null>(initialSettings);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [meterOpen, setMeterOpen] = useState(false);
  const meterButton = useRef<HTMLButtonElement>(null);
  const settingsButton = useRef<HTMLButtonElement>(null);
  const libraryRef = useRef<HTMLElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const statusRef = useRef<HTMLElement>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const showMessage = useCallback((text: string, undo?: () => void) => setToast({ id: Date.now(), text, undo }), []);
  const actions = useLibraryActions({ onOpen: setOpenId, onMessage: showMessage });

  useEffect(() => api.onSettingsChanged((next) => setSettings(next)), []);

  useEffect(() => {
    if (settings) void setUiLanguage(resolveUiLanguage(settings.uiLanguage, navigator.languages));
  }, [settings]);

  const updateSettings = useCallback(async (patch: SettingsPatch): Promise<Result<Settings>> => {
    const result = await api.settings.update(patch);
    if (result.ok) setSettings(result.value);
    return result;
  }, []);

  useGlobalShortcuts({
    openSettings: () => setSettingsOpen(true),
    newDocument: () => void actions.create(),
    regions: [libraryRef, mainRef, statusRef],
  });

  const bootProblem: AppError | null = bootError ? { code: bootError, message: '' } : null;

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToMain')}
      </a>
      <header className="topbar">
        <span className="brand" aria-hidden="false">
          <span className="brand-mark" aria-hidden="true" />
          {t('app.name')}
        </span>
        <div className="topbar-actions">
          <button ref={meterButton} type="button" className="button button-quiet" onClick={() => setMeterOpen(true)} aria-haspopup="dialog">
            {t('meter.open')}
          </button>
          <button
            ref={settingsButton}
            type="button"
            className="button button-quiet"
            onClick={() => setSettingsOpen(true)}
            aria-haspopup="dialog"
            aria-keyshortcuts="Control+Comma"
          >
            <GearIcon />
            {t('header.settings')}
          </button>
          {/* Last in the bar, where a desktop app keeps who is signed in. */}
          <ProfileMenu onMessage={showMessage} />
        </div>
      </header>
      <Notices notices={info?.notices ?? []} bootProblem={bootProblem} />
      <div className="workspace">
        <LibraryPane
          ref={libraryRef}
          selectedId={openId}
          onOpen={setOpenId}
          onCreate={() => void actions.create()}
          onAddSamples={() => void actions.addSamples()}
          onImport={(file) => void actions.importFile(file)}
          onEmptyBin={actions.askEmptyBin}
          onRestoreFromBin={(id) => void actions.restoreFromBin(id)}
        />
        <DocumentPane ref={mainRef} documentId={openId} onClosed={() => setOpenId(null)} onMessage={showMessage} />
      </div>
      <StatusBar ref={statusRef} />
      <Toast message={toast} onDone={() => setToast(null)} />
      <PublishedNotice />
      {actions.dialog}
      <MeterDialog
        open={meterOpen}
        onClose={() => {
          setMeterOpen(false);
          meterButton.current?.focus();
        }}
      />
      <SettingsDialog
        open={settingsOpen}
        onClose={() => {
          setSettingsOpen(false);
          settingsButton.current?.focus();
        }}
        settings={settings}
        info={info}
        onUpdate={updateSettings}
      />
    </div>
  );
}
