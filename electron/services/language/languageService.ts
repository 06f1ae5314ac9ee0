import { join } from 'node:path';
import type { CheckedBlock, LanguageBlock, LanguageStatus } from '../../../shared/domain/language';
import { MAALFORMER, type Maalform } from '../../../shared/domain/vocabulary';
import { ok, type Result } from '../../../shared/ipc/result';
import type { EventBus } from '../eventBus';
import type { Logger } from '../logger';
import { LanguageWorkerClient } from './languageWorkerClient';
import { PersonalDictionary } from './personalDictionary';

export interface LanguageServiceOptions {
  readonly dataDir: string;
  /** The app's resources folder (dictionaries/, maalform/). */
  readonly resourcesDir: string;
  /** The built worker script, languageWorker.mjs. */
  readonly workerUrl: URL;
  readonly bus: EventBus;
  readonly logger: Logger;
}

/**
 * Spellchecking and målform checking in the document's målform, off the services' event loop:
 * one worker per målform, started on first use. The personal dictionaries live here and are
 * handed to the workers whenever they change.
 */
export class LanguageService {
  private constructor(
    private readonly personal: PersonalDictionary,
    private readonly workers: Readonly<Record<Maalform, LanguageWorkerClient>>,
    private readonly bus: EventBus,
  ) {}

  static async open(options: LanguageServiceOptions): Promise<LanguageService> {
    const { dataDir, resourcesDir, workerUrl, bus, logger } = options;
    const personal = await PersonalDictionary.open(join(dataDir, 'language', 'personal-words.json'), logger);
    const client = (maalform: Maalform) => new LanguageWorkerClient({ maalform, workerUrl, resourcesDir, logger, personal: () => personal.words(maalform) });
    return new LanguageService(personal, { nb: client('nb'), nn: client('nn') }, bus);
  }

  async check(maalform: Maalform, blocks: readonly LanguageBlock[]): Promise<Result<{ blocks: CheckedBlock[] }>> {
    if (blocks.length === 0) return ok({ blocks: [] });
    const checked = await this.workers[maalform].check(blocks);
    return checked.ok ? ok({ blocks: checked.value }) : checked;
  }

  async suggest(maalform: Maalform, word: string): Promise<Result<{ word: string; suggestions: string[] }>> {
    const suggested = await this.workers[maalform].suggest(word);
    return suggested.ok ? ok({ word, suggestions: suggested.value }) : suggested;
  }

  personalWords(maalform: Maalform): { words: string[] } {
    return { words: this.personal.words(maalform) };
  }

  addWord(maalform: Maalform, word: string): Promise<Result<{ words: string[] }>> {
    return this.changed(maalform, this.personal.add(maalform, word));
  }

  removeWord(maalform: Maalform, word: string): Promise<Result<{ words: string[] }>> {
    return this.changed(maalform, this.personal.remove(maalform, word));
  }

  status(): LanguageStatus {
    return { nb: this.workers.nb.status(), nn: this.workers.nn.status() };
  }

  async close(): Promise<void> {
    await Promise.all(MAALFORMER.map((maalform) => this.workers[maalform].close()));
  }

  private async changed(maalform: Maalform, change: Promise<Result<string[]>>): Promise<Result<{ words: string[] }>> {
    const result = await change;
    if (!result.ok) return result;
    this.workers[maalform].setPersonal(result.value);
    this.bus.emit('language:changed', { maalform });
    return ok({ words: result.value });
  }
}
