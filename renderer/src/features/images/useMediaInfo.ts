import { useEffect, useState } from 'react';
import type { MediaInfo } from '../../../../shared/domain/media';
import { api } from '../../lib/api';

/** Media are content-addressed, so what is known about an id never changes: keep it for the session. */
const known = new Map<string, MediaInfo>();

/** Remembers what the media store said about an image just added, so its card needs no request. */
export function rememberMedia(media: MediaInfo): void {
  known.set(media.id, media);
}

/** The stored image's file name and size, or null while unknown (or when the store has lost it). */
export function useMediaInfo(mediaId: string): MediaInfo | null {
  const [fetched, setFetched] = useState<MediaInfo | null>(null);
  const cached = known.get(mediaId) ?? null;
  useEffect(() => {
    if (known.has(mediaId)) return;
    let live = true;
    void api.media.get({ id: mediaId }).then((result) => {
      if (!result.ok) return;
      known.set(mediaId, result.value);
      if (live) setFetched(result.value);
    });
    return () => {
      live = false;
    };
  }, [mediaId]);
  return cached ?? (fetched?.id === mediaId ? fetched : null);
}
