import { meterFigures, nynorskIsBehind, osloYear, type MeterItem } from '../../../shared/domain/maalformMeter';
import type { MeterAnswer, MeterQuery, MeterSiteState, NynorskNudge } from '../../../shared/domain/maalformMeterSchema';
import { ok, type Result } from '../../../shared/ipc/result';
import type { Logger } from '../logger';
import { LibraryMeterItems, type MeterLibrary } from './libraryMeterItems';
import type { SiteItem, SiteLanguageSource } from './siteLanguageSource';

export interface MaalformMeterDeps {
  readonly library: MeterLibrary;
  /**
   * The site of the active backend, or null when it has none to count (the local site, whose
   * items are the library's own). Asked on every call, so a change of backend applies at once.
   */
  readonly site: () => SiteLanguageSource | null;
  readonly now: () => Date;
  readonly logger: Logger;
  /** The year the user dismissed the Nynorsk suggestion for (settings), if any. */
  readonly nudgeDismissedYear: () => number | null;
}

/** How long the site's answer is reused by the nudge, which must never wait for the network. */
const SITE_FRESH_MS = 15 * 60 * 1000;

/**
 * The målform meter's figures from the library and, where the active backend is a site, from
 * what is published there. A site that cannot be reached never breaks the meter: the library's
 * figures come back with the reason.
 */
export class MaalformMeterService {
  readonly #library: LibraryMeterItems;
  #lastSite: { backendId: string; year: number; at: number; items: SiteItem[] } | null = null;

  constructor(private readonly deps: MaalformMeterDeps) {
    this.#library = new LibraryMeterItems(deps.library);
  }

  async figures(query: MeterQuery): Promise<Result<MeterAnswer>> {
    const now = this.deps.now();
    const { items, drafts } = await this.#library.collect();
    const all: MeterItem[] = [...items];
    let site: MeterSiteState = { state: 'off' };
    const available = this.deps.site();
    const source = query.includeSite ? available : null;
    if (source) {
      const listed = await source.list(query.year);
      if (listed.ok) {
        this.#lastSite = { backendId: source.backendId, year: query.year, at: now.getTime(), items: listed.value };
        all.push(...toMeterItems(source.backendId, listed.value));
        site = { state: 'ok', backendId: source.backendId, items: listed.value.length };
      } else {
        this.deps.logger.warn('meter.site_unavailable', { backendId: source.backendId, message: listed.error.message });
        site = { state: 'unreachable', backendId: source.backendId, code: listed.error.code, message: listed.error.message };
      }
    }
    return ok({ figures: meterFigures({ year: query.year, types: query.types, items: all, drafts, now }), site, siteAvailable: available !== null, currentYear: osloYear(now) });
  }

  /**
   * Whether a new document should suggest Nynorsk: this year's published Nynorsk share is under
   * 25 % and the user has not said "not again this year". Counts the library and the site's last
   * answer when it is recent; it never waits for the network.
   */
  async nudge(): Promise<Result<NynorskNudge>> {
    const now = this.deps.now();
    const year = osloYear(now);
    const { items } = await this.#library.collect();
    const all: MeterItem[] = [...items];
    const source = this.deps.site();
    const last = this.#lastSite;
    if (source && last && last.backendId === source.backendId && last.year === year && now.getTime() - last.at < SITE_FRESH_MS) {
      all.push(...toMeterItems(last.backendId, last.items));
    }
    const { total } = meterFigures({ year, types: [], items: all, drafts: [], now });
    const suggest = nynorskIsBehind(total) && this.deps.nudgeDismissedYear() !== year;
    return ok({ year, suggest, nnShare: total.nnShare, published: total.total });
  }
}

function toMeterItems(backendId: string, items: readonly SiteItem[]): MeterItem[] {
  return items.map((item) => ({ ...item, source: 'site' as const, remoteKey: `${backendId}:${item.id}` }));
}
