/**
 * Channel and event names, kept apart from the zod schemas so the preload can build
 * `window.melding` without bundling zod. `contract.ts` is checked against these lists by the
 * type system (every channel has exactly one schema pair) and by a unit test.
 */
export const CHANNELS = [
  'app:info',
  'settings:get',
  'settings:update',
  'shell:openExternal',
  'outbox:summary',
  'library:list',
  'library:addSamples',
  'library:emptyBin',
  'documents:create',
  'documents:get',
  'documents:save',
  'documents:snapshot',
  'documents:revisions',
  'documents:revision',
  'documents:restoreRevision',
  'documents:duplicate',
  'documents:trash',
  'documents:untrash',
  'documents:export',
  'documents:import',
  'contacts:list',
  'contacts:save',
  'contacts:remove',
  'language:check',
  'language:suggest',
  'language:addWord',
  'language:removeWord',
  'language:personalWords',
  'language:status',
  'media:ingest',
  'media:pick',
  'media:get',
  'media:unused',
  'media:removeUnused',
  // Workflow and profiles (issue 7)
  'outbox:list',
  'profiles:list',
  'profiles:save',
  'profiles:remove',
  'profiles:activate',
  'profiles:current',
  'workflow:transition',
  'workflow:preflight',
  'meter:figures',
  'meter:nudge',
  'translation:status',
  'translation:test',
  'translation:translateDocument',
  'translation:cancel',
  // Publishing (issue 8)
  'backends:list',
  'backends:saveWordPress',
  'backends:remove',
  'backends:activate',
  'backends:test',
  'publishing:status',
  'publishing:wake',
  'publishing:retry',
  'publishing:cancel',
  'publishing:conflict',
  'publishing:resolveConflict',
  'publishing:pullPending',
  'publishing:openLocalSite',
] as const;

export type Channel = (typeof CHANNELS)[number];

/** Events pushed from the services to the renderer; exposed as `onSettingsChanged(cb)` etc. */
export const EVENTS = ['settings:changed', 'outbox:changed', 'library:changed', 'app:notice', 'contacts:changed', 'language:changed', 'profiles:changed', 'translation:progress', 'backends:changed', 'publishing:progress', 'publishing:pullProgress'] as const;

export type EventName = (typeof EVENTS)[number];

/** `settings:changed` -> `onSettingsChanged`. */
export function eventListenerName(event: EventName): string {
  const words = event.split(/[:-]/);
  return 'on' + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/** `settings:update` -> ['settings', 'update']. */
export function splitChannel(channel: Channel): readonly [string, string] {
  const [namespace, verb] = channel.split(':');
  if (!namespace || !verb) throw new Error(`Malformed channel name: ${channel}`);
  return [namespace, verb];
}
