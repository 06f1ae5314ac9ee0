// The media bench's worker: scripts/bench/media.mjs builds this file with Vite's SSR build and
// runs each step in a fresh Node process, so every peak RSS belongs to that step alone. Each step
// prints one line `BENCH_JSON={...}` on stdout.
//
//   node mediaHarness.mjs generate <dir> <count>        24 MP JPEGs photo-0.jpg … (distinct bytes)
//   node mediaHarness.mjs time <dir> <runs> <warmups>   ingest (all renditions) vs a bare sharp resize
//   node mediaHarness.mjs memory <dir> <count> <limit>  peak RSS ingesting <count> photos at once
//
//   BENCH_MEDIA_SHARP_CACHE=1  turn libvips' operation cache back on (the store turns it off), to
//                              measure what turning it off saves
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { silentLogger } from '../../electron/services/logger';
import { MediaStore } from '../../electron/services/media/mediaStore';

const WIDTH = 6000;
const HEIGHT = 4000;

function out(value: unknown): void {
  process.stdout.write(`BENCH_JSON=${JSON.stringify(value)}\n`);
}

/**
 * A photo-like 24 MP JPEG: smooth gradients with fine noise (pure noise would make a 30 MB
 * file no camera writes; a flat colour would make one that is too easy). About 8–12 MB.
 */
async function generate(dir: string, count: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const files: { name: string; bytes: number }[] = [];
  for (let i = 0; i < count; i++) {
    const small = Buffer.alloc(300 * 200 * 3);
    let x = (i + 1) * 2654435761;
    for (let p = 0; p < small.length; p++) {
      x = (x * 1103515245 + 12345) >>> 0;
      small[p] = (x >>> 16) & 0xff;
    }
    // A blurred, enlarged field of colour blobs, then grain: stands in for a real scene.
    const scene = await sharp(small, { raw: { width: 300, height: 200, channels: 3 } }).blur(3).resize(WIDTH, HEIGHT, { kernel: 'cubic' }).raw().toBuffer();
    for (let p = 0; p < scene.length; p++) {
      x = (x * 1103515245 + 12345) >>> 0;
      scene[p] = Math.max(0, Math.min(255, (scene[p] as number) + (((x >>> 16) & 0x1f) - 16)));
    }
    const name = `photo-${i}.jpg`;
    const info = await sharp(scene, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } }).jpeg({ quality: 90 }).toFile(join(dir, name));
    files.push({ name, bytes: info.size });
  }
  out({ files });
}

async function time(dir: string, runs: number, warmups: number): Promise<void> {
  const ingest: number[] = [];
  const bare: number[] = [];
  const photo = await readFile(join(dir, 'photo-0.jpg'));
  for (let i = 0; i < warmups + runs; i++) {
    // A fresh store each run: the same bytes in the same store would be a duplicate.
    const store = await MediaStore.open({ dir: join(dir, `store-${process.pid}-${i}`), logger: silentLogger, now: () => new Date() });
    let began = performance.now();
    const result = await store.ingest('photo.jpg', photo);
    const ingestMs = performance.now() - began;
    if (!result.ok) throw new Error(`ingest failed: ${result.error.code} ${result.error.message}`);
    began = performance.now();
    await sharp(photo).resize(2400).webp().toBuffer();
    const bareMs = performance.now() - began;
    if (i >= warmups) {
      ingest.push(ingestMs);
      bare.push(bareMs);
    }
  }
  out({ ingest, bare, photoBytes: photo.length });
}

async function memory(dir: string, count: number, limit: number): Promise<void> {
  const photos = await Promise.all(Array.from({ length: count }, (_, i) => readFile(join(dir, `photo-${i}.jpg`))));
  const store = await MediaStore.open({ dir: join(dir, `store-mem-${process.pid}`), logger: silentLogger, now: () => new Date(), concurrency: limit });
  if (process.env.BENCH_MEDIA_SHARP_CACHE === '1') sharp.cache(true);
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;
  let sampledPeak = rssBefore;
  const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss)), 10);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const began = performance.now();
  const results = await Promise.all(photos.map((bytes, i) => store.ingest(`photo-${i}.jpg`, bytes)));
  const wallMs = performance.now() - began;
  loop.disable();
  clearInterval(sampler);
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) throw new Error(`${failed.length} ingests failed`);
  out({
    rssBefore,
    sampledPeak,
    // The kernel's high-water mark of the whole process, in bytes (resourceUsage gives KiB).
    maxRss: process.resourceUsage().maxRSS * 1024,
    wallMs,
    loopDelayMaxMs: loop.max / 1e6,
    loopDelayP99Ms: loop.percentile(99) / 1e6,
    sharpCache: sharp.cache(),
    sharpConcurrency: sharp.concurrency(),
  });
}

const [command, dir, a, b] = process.argv.slice(2);
if (!dir) throw new Error('usage: mediaHarness.mjs generate|time|memory <dir> …');
const run = command === 'generate' ? generate(dir, Number(a ?? 10)) : command === 'time' ? time(dir, Number(a ?? 7), Number(b ?? 1)) : command === 'memory' ? memory(dir, Number(a ?? 10), Number(b ?? 2)) : Promise.reject(new Error(`unknown step ${command}`));
run.catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
