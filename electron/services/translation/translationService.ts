import type { Document, DocumentContent, Maalform } from '../../../shared/domain/document';
import type { TranslationSettings } from '../../../shared/domain/settings';
import type { TranslateDocumentOutput, TranslationStatus, TranslationTest } from '../../../shared/domain/translation';
import { err, ok, type Result } from '../../../shared/ipc/result';
import type { EventBus } from '../eventBus';
import type { Library } from '../library/library';
import type { Logger } from '../logger';
import { ApertiumApy } from './apertiumApy';
import { ApertiumCli } from './apertiumCli';
import { encodePlain, decodePlain } from './apertiumMarkup';
import { applyTranslations, collectTexts, pairFor } from './documentTexts';
import type { TranslationEngine } from './translationEngine';

export interface TranslationDeps {
  readonly library: Library;
  readonly bus: EventBus;
  readonly logger: Logger;
  readonly settings: () => TranslationSettings;
  /** The environment `apertium` is looked up in (tests pass an empty PATH). */
  readonly env?: NodeJS.ProcessEnv;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

/** The sentence Settings' test translates. */
const TEST_SENTENCE = 'Regjeringen vil styrke sykehusene.';

function contentOf(doc: Document): DocumentContent {
  const { type, maalform, title, ingress, body, contacts, images, tags, embargoAt, internalNote } = doc;
  return { type, maalform, title, ingress, body, contacts, images, tags, embargoAt, internalNote };
}

/**
 * "Skriv om til nynorsk / bokmål": the document's texts through Apertium in one go, the result
 * stored as a new revision with snapshots before and after (so the original is one restore
 * away in the history), and the words Apertium did not know for the writer to check. Nothing
 * else in the app depends on it: without Apertium the action says what to install.
 */
export class TranslationService {
  readonly #running = new Map<string, AbortController>();

  constructor(private readonly deps: TranslationDeps) {}

  /** The engine the settings choose: the HTTP service when it has an address (or is chosen), else the command line. */
  engine(): TranslationEngine | null {
    const { engine, apyUrl } = this.deps.settings();
    const url = apyUrl.trim();
    if (engine === 'apy' || (engine === 'auto' && url !== '')) return url ? new ApertiumApy(url, this.deps.fetch) : null;
    return new ApertiumCli(this.deps.env);
  }

  async status(): Promise<TranslationStatus> {
    const engine = this.engine();
    if (!engine) return { engine: 'apy', available: false, detail: 'No address is set for apertium-apy', pairs: [], problem: 'apy_no_url' };
    return engine.probe();
  }

  /** Translates one sentence with the engine in use, for Settings' test button. */
  async test(): Promise<Result<TranslationTest>> {
    const engine = this.engine();
    if (!engine) return err('translation_unavailable', 'No address is set for apertium-apy');
    const status = await engine.probe();
    if (!status.available) return err('translation_unavailable', status.detail);
    const pair = pairFor('nn', this.deps.settings().nynorskInfinitive);
    const now = this.deps.now ?? (() => performance.now());
    const started = now();
    const encoded = encodePlain(TEST_SENTENCE);
    const result = await engine.translate(pair, [encoded.html], { signal: new AbortController().signal, onProgress: () => undefined });
    if (!result.ok) return result;
    const translated = decodePlain(result.value[0] ?? '', encoded).text;
    return ok({ engine: engine.kind, pair, source: TEST_SENTENCE, translated, ms: Math.max(0, now() - started) });
  }

  async translateDocument(id: string, baseRevision: number, target: Maalform): Promise<Result<TranslateDocumentOutput>> {
    if (this.#running.has(id)) return err('translation_busy', 'This document is being translated already');
    const controller = new AbortController();
    this.#running.set(id, controller);
    try {
      return await this.run(id, baseRevision, target, controller.signal);
    } finally {
      this.#running.delete(id);
    }
  }

  /** Stops a running translation of the document; answers whether one was running. */
  cancel(id: string): boolean {
    const controller = this.#running.get(id);
    controller?.abort();
    return controller !== undefined;
  }

  private async run(id: string, baseRevision: number, target: Maalform, signal: AbortSignal): Promise<Result<TranslateDocumentOutput>> {
    const { library, bus, logger } = this.deps;
    const loaded = await library.get(id);
    if (!loaded.ok) return loaded;
    const doc = loaded.value.document;
    if (doc.deletedAt) return err('document_in_bin', 'Documents in the bin cannot be edited');
    if (doc.revision !== baseRevision) return err('document_conflict', `Document is at revision ${doc.revision}, not ${baseRevision}`);
    if (doc.maalform === target) return err('invalid_input', `The document is in ${target} already`);
    const engine = this.engine();
    if (!engine) return err('translation_unavailable', 'No address is set for apertium-apy');
    if (engine instanceof ApertiumCli && !engine.locate()) return err('translation_unavailable', 'apertium is not on the PATH');

    const { draft, pieces } = collectTexts(contentOf(doc), target);
    const pair = pairFor(target, this.deps.settings().nynorskInfinitive);
    const started = Date.now();
    bus.emit('translation:progress', { id, done: 0, total: pieces.length });
    const translated = await engine.translate(
      pair,
      pieces.map((p) => p.encoded.html),
      { signal, onProgress: (done) => bus.emit('translation:progress', { id, done, total: pieces.length }) },
    );
    if (!translated.ok) {
      logger.warn('translation.failed', { id, engine: engine.kind, code: translated.error.code, message: translated.error.message });
      return translated;
    }
    if (signal.aborted) return err('translation_cancelled', 'Translation cancelled');
    const unknownWords = applyTranslations(draft, pieces, translated.value, target);

    // The original as it was, then the translation as a normal save (so whatever rules apply
    // to an edit apply to it too), then the result: both ends are in the history.
    const before = await library.snapshot(id, 'before-translate');
    if (!before.ok) return before;
    const saved = await library.save(id, baseRevision, draft);
    if (!saved.ok) return saved;
    const after = await library.snapshot(id, 'translate');
    if (!after.ok) return after;
    const stored = await library.get(id);
    if (!stored.ok) return stored;
    logger.info('translation.done', { id, engine: engine.kind, pair, pieces: pieces.length, unknown: unknownWords.length, ms: Date.now() - started });
    return ok({ document: stored.value.document, unknownWords });
  }
}
