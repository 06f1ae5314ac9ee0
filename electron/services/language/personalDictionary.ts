import type { Low } from 'lowdb';
import { z } from 'zod';
import type { Maalform } from '../../../shared/domain/vocabulary';
import { err, ok, type Result } from '../../../shared/ipc/result';
import type { Logger } from '../logger';
import { openJsonStore } from '../storage/openJsonStore';

const PersonalFileSchema = z.object({
  version: z.literal(1),
  nb: z.array(z.string().max(100)),
  nn: z.array(z.string().max(100)),
});
type PersonalFile = z.infer<typeof PersonalFileSchema>;

const empty = (): PersonalFile => ({ version: 1, nb: [], nn: [] });
const collator = new Intl.Collator('nb');
/** A word: no spaces, no control characters (one word per entry, as the checker sees words). */
const ONE_WORD = /^[^\s\p{Cc}]+$/u;

/**
 * The words the user taught the spellchecker, one list per målform, in
 * `language/personal-words.json`. A damaged file is set aside and the lists start empty.
 */
export class PersonalDictionary {
  private constructor(
    private readonly db: Low<PersonalFile>,
    private readonly logger: Logger,
  ) {}

  static async open(file: string, logger: Logger, now = () => new Date()): Promise<PersonalDictionary> {
    const { db, setAsideTo, reason } = await openJsonStore(file, PersonalFileSchema, empty, now);
    if (setAsideTo) logger.warn('language.personal_corrupt', { movedTo: setAsideTo, reason });
    return new PersonalDictionary(db, logger);
  }

  words(maalform: Maalform): string[] {
    return [...this.db.data[maalform]];
  }

  add(maalform: Maalform, word: string): Promise<Result<string[]>> {
    const clean = word.normalize('NFC').trim();
    if (!ONE_WORD.test(clean)) return Promise.resolve(err('invalid_input', 'A personal dictionary entry is one word'));
    if (this.db.data[maalform].includes(clean)) return Promise.resolve(ok(this.words(maalform)));
    return this.write(maalform, [...this.db.data[maalform], clean].sort(collator.compare));
  }

  remove(maalform: Maalform, word: string): Promise<Result<string[]>> {
    const clean = word.normalize('NFC').trim();
    if (!this.db.data[maalform].includes(clean)) return Promise.resolve(ok(this.words(maalform)));
    return this.write(maalform, this.db.data[maalform].filter((w) => w !== clean));
  }

  private async write(maalform: Maalform, words: string[]): Promise<Result<string[]>> {
    const previous = this.db.data;
    this.db.data = { ...previous, [maalform]: words };
    try {
      await this.db.write();
    } catch (error) {
      this.db.data = previous;
      this.logger.error('language.personal_write_failed', { error: (error as Error).message });
      return err('storage_failed', `Could not save the personal dictionary: ${(error as Error).message}`);
    }
    return ok(this.words(maalform));
  }
}
