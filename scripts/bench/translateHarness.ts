// Bench harness for the translate section (bundled by harness.mjs, run in a fresh Node process):
// `cli|apy|service|bare-cli|bare-apy <fixture.json> <runs> <warmups> [url]` prints one
// BENCH_JSON= line with the wall time of each measured run in ms.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DocumentContent } from '../../shared/domain/document';
import { plainText } from '../../shared/domain/plainText';
import { EventBus } from '../../electron/services/eventBus';
import { Library } from '../../electron/services/library/library';
import { silentLogger } from '../../electron/services/logger';
import { ApertiumApy } from '../../electron/services/translation/apertiumApy';
import { ApertiumCli } from '../../electron/services/translation/apertiumCli';
import { wrapPieces } from '../../electron/services/translation/apertiumMarkup';
import { collectTexts } from '../../electron/services/translation/documentTexts';
import { TranslationService } from '../../electron/services/translation/translationService';

const PAIR = 'nob-nno_e';
const [mode, fixturePath, runsArg, warmupsArg, url] = process.argv.slice(2);
const runs = Number(runsArg);
const warmups = Number(warmupsArg);

async function timeRuns(once: () => Promise<void>): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    await once();
    samples.push(performance.now() - began);
  }
  return samples;
}

function words(content: DocumentContent): number {
  const texts = [content.title, content.ingress, plainText(content.body), ...content.images.flatMap((i) => [i.caption, i.alt]), ...content.contacts.map((c) => c.roleNb)];
  return texts.join(' ').split(/\s+/).filter((w) => w !== '').length;
}

async function main(): Promise<void> {
  const content = JSON.parse(await readFile(fixturePath as string, 'utf8')) as DocumentContent;
  const { pieces } = collectTexts(content, 'nn');
  const htmls = pieces.map((p) => p.encoded.html);
  const options = { signal: new AbortController().signal, onProgress: () => undefined };
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  let samples: number[];
  let first: number | null = null;
  switch (mode) {
    case 'cli': {
      const cli = new ApertiumCli();
      samples = await timeRuns(async () => void must(await cli.translate(PAIR, htmls, options)));
      break;
    }
    case 'apy': {
      const apy = new ApertiumApy(url as string);
      // The first request after apy starts also starts the pair's pipeline.
      const began = performance.now();
      must(await apy.translate(PAIR, htmls, options));
      first = performance.now() - began;
      samples = await timeRuns(async () => void must(await apy.translate(PAIR, htmls, options)));
      break;
    }
    case 'service': {
      // The whole action: read, translate, snapshot before, save, snapshot after, read back.
      const dir = await mkdtemp(join(tmpdir(), 'melding-bench-translate-'));
      const library = await Library.open({ dir, bus: new EventBus(), logger: silentLogger, now: () => new Date(), newId: randomUUID, author: () => ({ name: 'Bench', email: '' }) }, []);
      const service = new TranslationService({ library, bus: new EventBus(), logger: silentLogger, settings: () => ({ engine: 'cli', apyUrl: '', nynorskInfinitive: 'e' }) });
      samples = await timeRuns(async () => {
        const created = must(await library.create({ type: content.type, maalform: 'nb' }));
        const saved = must(await library.save(created.id, created.revision, content));
        must(await service.translateDocument(created.id, saved.revision, 'nn'));
      });
      await library.close();
      await rm(dir, { recursive: true, force: true });
      break;
    }
    case 'bare-cli': {
      // Baseline: the same HTML through `apertium -f html` from a file, nothing else.
      const dir = await mkdtemp(join(tmpdir(), 'melding-bench-apertium-'));
      const file = join(dir, 'in.html');
      await writeFile(file, wrapPieces(htmls));
      samples = await timeRuns(async () => {
        const r = spawnSync('apertium', ['-f', 'html', PAIR, file], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(r.stderr);
      });
      await rm(dir, { recursive: true, force: true });
      break;
    }
    case 'bare-apy': {
      // Baseline: the same HTML in one POST /translate, as apy's own clients send it.
      const q = wrapPieces(htmls);
      samples = await timeRuns(async () => {
        const r = await fetch(`${url}/translate`, { method: 'POST', body: new URLSearchParams({ langpair: 'nob|nno_e', q }) });
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        await r.json();
      });
      break;
    }
    default:
      throw new Error(`unknown mode ${mode}`);
  }
  process.stdout.write(`BENCH_JSON=${JSON.stringify({ samples, first, words: words(content), pieces: pieces.length, bytes: Buffer.byteLength(wrapPieces(htmls)) })}\n`);
}

await main();
