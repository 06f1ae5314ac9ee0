import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDataDir } from '../services/dataDir';
import { createDispatcher } from '../services/dispatcher';
import { createConsoleLogger } from '../services/logger';
import { createHandlers, createServices } from '../services/services';
import { NodePlatform } from './nodePlatform';
import { findResourcesDir } from './resourcesDir';
import { startDevhost } from './server';

declare const __MELDING_VERSION__: string;

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const inline = argv.find((a) => a.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const logger = createConsoleLogger();
  const here = dirname(fileURLToPath(import.meta.url));
  const rendererDir = resolve(option(argv, '--renderer-dir') ?? resolve(here, '../renderer'));
  const dataDir = resolveDataDir({ argv, env: process.env, platform: process.platform, homedir: homedir() });
  const port = Number(option(argv, '--port') ?? process.env.MELDING_DEVHOST_PORT ?? 0);
  const resourcesDir = findResourcesDir({ override: option(argv, '--resources-dir') ?? process.env.MELDING_RESOURCES_DIR, from: here });
  if (!resourcesDir) logger.warn('devhost.no_resources', { from: here });
  const platform = new NodePlatform(dataDir, __MELDING_VERSION__, logger, resourcesDir ?? resolve(here, '../../resources'));
  const freshMs = Number.parseInt(process.env.MELDING_MEDIA_FRESH_MS ?? '', 10);
  // MELDING_OUTBOX_RUNNER=paused: the outbox is never sent (workflow e2e specs look at waiting jobs).
  const outboxRunnerPaused = process.env.MELDING_OUTBOX_RUNNER === 'paused';
  const services = await createServices(platform, logger, { ...(Number.isFinite(freshMs) && freshMs >= 0 ? { mediaFreshMs: freshMs } : {}), outboxRunnerPaused });
  const dispatch = createDispatcher(createHandlers(services), logger);
  const token = randomBytes(24).toString('base64url');
  const devhost = await startDevhost({ rendererDir, dispatch, bus: services.bus, token, logger, port, mediaDir: services.media.dir });

  process.stdout.write(`Melding is running in the devhost. Open this address in a browser:\n\n  ${devhost.url}\n\n`);
  process.stdout.write(`Data folder: ${dataDir}\n`);
  // One machine-readable line for scripts and tests.
  process.stdout.write(`MELDING_DEVHOST_URL=${devhost.url}\n`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Finish pending saves and write the index before leaving.
    void devhost
      .close()
      .then(() => services.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Melding devhost could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
