import type { DocumentType, Maalform } from '../../../shared/domain/vocabulary';
import type { Result } from '../../../shared/ipc/result';

/** One item published on a site, as the målform meter needs it. */
export interface SiteItem {
  /** The site's id for the item (a WordPress post id). */
  readonly id: string;
  /** Publication instant, UTC ISO. */
  readonly publishedAt: string;
  /** null when the site has no language for it: counted as Bokmål, as WordPress does. */
  readonly maalform: Maalform | null;
  readonly type: DocumentType | null;
}

/**
 * What a site has published in a year (Oslo time, give or take a day at the ends: the meter
 * sorts items into months itself). Implemented per backend kind; WordPress over REST.
 */
export interface SiteLanguageSource {
  /** The backend this source reads, so site items and library links (`remote.backend`) match up. */
  readonly backendId: string;
  list(year: number): Promise<Result<SiteItem[]>>;
}
