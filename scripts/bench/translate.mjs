// Translate: a 600-word press release (tests/fixtures/translation/press-release-nb.json:
// headings, lists, links, bold and italic, a caption, an alt text, a contact role) from Bokmål
// into Nynorsk (nob-nno_e) through Apertium's command line and through apertium-apy, which this
// section starts on 127.0.0.1 (through scripts/apertium/apyLocal.py: apy itself has no bind
// option) and checks that it listens nowhere else. Beside each, a baseline measured in the same
// run: the bare `apertium -f html` call on the same text, and one bare POST /translate.
// Also Melding's whole action (read, translate, snapshots, save) through the command line.
// Needs the Debian packages apertium, apertium-nno-nob and apertium-apy.
import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startApy } from '../apertium/startApy.mjs';
import { formatTable } from './formatTable.mjs';
import { buildHarness, runHarnessStep } from './harness.mjs';
import { summarize } from './summarize.mjs';

export const translate = {
  id: 'translate',
  title: 'Translate (Apertium, Bokmål → Nynorsk)',
  needs: { build: false, chromium: false },

  async run(ctx) {
    const fixture = join(ctx.root, 'tests/fixtures/translation/press-release-nb.json');
    const outDir = join(ctx.root, 'node_modules/.cache/melding-bench/translate');
    ctx.defer(() => rm(outDir, { recursive: true, force: true }));
    const harness = await buildHarness(ctx, { name: 'translate', outDir });
    const runs = Math.max(5, ctx.runs);
    const warmups = Math.max(1, ctx.warmups);
    const args = (mode, url) => [mode, fixture, String(runs), String(warmups), ...(url ? [url] : [])];
    const load = [loadavg()[0]];

    ctx.log(`translate: command line, ${runs} runs`);
    const cli = await runHarnessStep(ctx, harness, args('cli'));
    const bareCli = await runHarnessStep(ctx, harness, args('bare-cli'));
    const service = await runHarnessStep(ctx, harness, args('service'));

    ctx.log('translate: starting apertium-apy on 127.0.0.1');
    const apy = await startApy();
    const stopApy = ctx.defer(() => apy.stop());
    if (apy.addresses.length === 0 || apy.addresses.some((a) => a !== '127.0.0.1')) {
      throw new Error(`apertium-apy listens on ${apy.addresses.join(', ') || 'nothing'}, not only 127.0.0.1`);
    }
    ctx.log(`translate: apertium-apy on ${apy.url} (listening on ${apy.addresses.join(', ')}), ${runs} runs`);
    const viaApy = await runHarnessStep(ctx, harness, args('apy', apy.url));
    const bareApy = await runHarnessStep(ctx, harness, args('bare-apy', apy.url));
    await stopApy();
    load.push(loadavg()[0]);

    const ms = (v) => `${Math.round(v)} ms`;
    const row = (what, r) => {
      const s = summarize(r.samples);
      return { what, median: ms(s.median), p95: ms(s.p95), min: ms(s.min), n: s.n };
    };
    const text = formatTable(
      [
        { key: 'what', label: `${cli.words}-word press release, ${cli.pieces} texts, ${cli.bytes} bytes of Apertium HTML` },
        { key: 'median', label: 'median' },
        { key: 'p95', label: 'p95' },
        { key: 'min', label: 'min' },
        { key: 'n', label: 'n' },
      ],
      [
        row('Melding, command line: one `apertium -f html` call for the whole document', cli),
        row('baseline: bare `apertium -f html nob-nno_e file` on the same text', bareCli),
        row('Melding, whole action (read, translate, snapshots, save) via the command line', service),
        row(`Melding, apertium-apy (warm; requests of ≤ 3000 bytes)`, viaApy),
        row('baseline: one bare POST /translate with the same text (warm)', bareApy),
      ],
    );
    return {
      tables: [
        {
          title: `Translation time (apertium-apy on 127.0.0.1 only; its first request, which starts the pipeline: ${ms(viaApy.first)}; load average ${load.map((l) => l.toFixed(2)).join(' → ')})`,
          text,
        },
      ],
      results: {
        words: cli.words,
        pieces: cli.pieces,
        cliMs: summarize(cli.samples),
        bareCliMs: summarize(bareCli.samples),
        serviceMs: summarize(service.samples),
        apyMs: summarize(viaApy.samples),
        apyFirstMs: viaApy.first,
        bareApyMs: summarize(bareApy.samples),
        apyListens: apy.addresses,
        loadavg: load,
      },
    };
  },
};
