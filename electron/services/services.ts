import { ok, err } from '../../shared/ipc/result';
import type { Handlers } from './dispatcher';
import { EventBus } from './eventBus';
import { isAllowedExternalUrl } from './externalLink';
import type { Logger } from './logger';
import { OutboxSummaryService } from './outboxSummaryService';
import type { Platform } from './platform';
import { SettingsService, type Notice } from './settingsService';

export interface Services {
  readonly platform: Platform;
  readonly bus: EventBus;
  readonly settings: SettingsService;
  readonly outbox: OutboxSummaryService;
  readonly notices: readonly Notice[];
}

/** Opens everything the app needs, the same way for Electron and the devhost. */
export async function createServices(platform: Platform, logger: Logger): Promise<Services> {
  const bus = new EventBus();
  const notices: Notice[] = [];
  const settings = await SettingsService.open(platform.dataDir, bus, logger, notices);
  return { platform, bus, settings, outbox: new OutboxSummaryService(), notices };
}

/** The contract's channels, bound to the services. */
export function createHandlers(services: Services): Handlers {
  const { platform, settings, outbox } = services;
  return {
    'app:info': async () =>
      ok({ name: 'Melding', version: platform.appVersion, host: platform.host, dataDir: platform.dataDir, notices: [...services.notices] }),
    'settings:get': async () => ok(settings.get()),
    'settings:update': async (patch) => settings.update(patch),
    'shell:openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) return err('invalid_url', 'Only https links can be opened');
      await platform.openExternal(url);
      return ok(null);
    },
    'outbox:summary': async () => ok(outbox.summary()),
  };
}
