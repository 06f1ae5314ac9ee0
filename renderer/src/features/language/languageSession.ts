import type { BlockStats } from '../../../../shared/domain/language';
import type { IssueSpec } from './languageState';

/** What the panel and the banner show about the body: figures only, updated when answers arrive. */
export interface LanguageSummary {
  readonly spelling: number;
  readonly maalform: number;
  readonly longSentences: number;
  readonly stats: BlockStats;
  /** The check could not run (dictionary missing); the panel says so once. */
  readonly unavailable: boolean;
  /** Changed text is waiting for its check (shown as aria-busy on the summary). */
  readonly busy: boolean;
}

/** The menu for one marked word, opened by the mouse or the keyboard. */
export interface MenuRequest extends IssueSpec {
  readonly from: number;
  readonly to: number;
}

const EMPTY: LanguageSummary = { spelling: 0, maalform: 0, longSentences: 0, stats: { words: 0, thisForm: 0, otherForm: 0 }, unavailable: false, busy: false };

/**
 * The bridge between the editor plugin (which must not re-render React on a keystroke) and the
 * components around the editor: a tiny external store for useSyncExternalStore. One per editor.
 */
export class LanguageSession {
  private summary = EMPTY;
  private menu: MenuRequest | null = null;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSummary = (): LanguageSummary => this.summary;
  readonly getMenu = (): MenuRequest | null => this.menu;

  setSummary(next: Omit<LanguageSummary, 'unavailable' | 'busy'>): void {
    const s = this.summary;
    if (
      s.spelling === next.spelling &&
      s.maalform === next.maalform &&
      s.longSentences === next.longSentences &&
      s.stats.words === next.stats.words &&
      s.stats.thisForm === next.stats.thisForm &&
      s.stats.otherForm === next.stats.otherForm
    )
      return;
    this.summary = { ...next, unavailable: s.unavailable, busy: s.busy };
    this.emit();
  }

  setUnavailable(unavailable: boolean): void {
    if (this.summary.unavailable === unavailable) return;
    this.summary = { ...this.summary, unavailable };
    this.emit();
  }

  setBusy(busy: boolean): void {
    if (this.summary.busy === busy) return;
    this.summary = { ...this.summary, busy };
    this.emit();
  }

  openMenu(menu: MenuRequest): void {
    this.menu = menu;
    this.emit();
  }

  closeMenu(): void {
    if (!this.menu) return;
    this.menu = null;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
