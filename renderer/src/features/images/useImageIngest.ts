import { useCallback, useEffect, useRef, useState } from 'react';
import type { MediaInfo } from '../../../../shared/domain/media';
import { MEDIA_MAX_BYTES } from '../../../../shared/domain/mediaPaths';
import { err, type AppError, type Result } from '../../../../shared/ipc/result';
import { api } from '../../lib/api';
import { fileToBase64 } from '../../lib/download';

/** A file that could not be added, and why. */
export interface IngestFailure {
  readonly fileName: string;
  readonly error: AppError;
}

/** Where a batch of files is: the file being added (1-based) and how many there are. */
export interface IngestProgress {
  readonly current: number;
  readonly total: number;
}

/** What the writer gets back when a batch is done: how many were added, and which failed. */
export interface IngestReport {
  readonly added: number;
  readonly failures: readonly IngestFailure[];
}

interface IngestHandlers {
  readonly onAdded: (media: MediaInfo) => void;
  /** After the batch's last file, whether it was added or not. */
  readonly onFinished?: () => void;
}

interface Job {
  readonly file: File;
  readonly handlers: IngestHandlers;
  readonly last: boolean;
}

/** One file into the media store; a file over the limit is refused before it is read into memory. */
async function ingestFile(file: File): Promise<Result<{ media: MediaInfo; duplicate: boolean }>> {
  if (file.size > MEDIA_MAX_BYTES) return err('media_too_large', `${file.size} bytes`);
  let data: string;
  try {
    data = await fileToBase64(file);
  } catch (error) {
    return err('media_corrupt', error instanceof Error ? error.message : 'unreadable file');
  }
  return api.media.ingest({ fileName: fileNameOf(file), data });
}

/** The contract wants 1–500 characters; a pasted image often has no name at all. */
function fileNameOf(file: File): string {
  return (file.name || 'image').slice(0, 500);
}

/**
 * Adds files to the media store one at a time (so ten large photos never sit in memory together),
 * with progress for the whole queue. Each file that fails is reported with its name; the others
 * go on. Files given while a batch runs join its queue.
 */
export function useImageIngest(onReport: (report: IngestReport) => void) {
  const reportTo = useRef(onReport);
  useEffect(() => {
    reportTo.current = onReport;
  });
  const queue = useRef<Job[]>([]);
  const running = useRef(false);
  const mounted = useRef(true);
  const tally = useRef({ done: 0, total: 0, added: 0, failures: [] as IngestFailure[] });
  const [progress, setProgress] = useState<IngestProgress | null>(null);
  const [report, setReport] = useState<IngestReport | null>(null);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const finish = useCallback((done: IngestReport) => {
    setReport(done);
    reportTo.current(done);
  }, []);

  const run = useCallback(async () => {
    running.current = true;
    for (let job = queue.current.shift(); job; job = queue.current.shift()) {
      const t = tally.current;
      setProgress({ current: t.done + 1, total: t.total });
      const result = await ingestFile(job.file);
      // A document closed meanwhile keeps its own images: nothing is added to another one.
      if (!mounted.current) return;
      t.done += 1;
      if (result.ok) {
        t.added += 1;
        job.handlers.onAdded(result.value.media);
      } else t.failures.push({ fileName: fileNameOf(job.file), error: result.error });
      if (job.last) job.handlers.onFinished?.();
    }
    running.current = false;
    setProgress(null);
    finish({ added: tally.current.added, failures: tally.current.failures });
  }, [finish]);

  /** Adds files; `onAdded` is called for each stored image, in the order given. */
  const add = useCallback(
    (files: readonly File[], handlers: IngestHandlers) => {
      if (files.length === 0) {
        handlers.onFinished?.();
        return;
      }
      if (!running.current) {
        tally.current = { done: 0, total: 0, added: 0, failures: [] };
        setReport(null);
      }
      tally.current.total += files.length;
      queue.current.push(...files.map((file, i) => ({ file, handlers, last: i === files.length - 1 })));
      if (!running.current) void run();
      else setProgress({ current: tally.current.done + 1, total: tally.current.total });
    },
    [run],
  );

  /** What a native file dialog (Electron's `media:pick`) already stored, reported like a batch. */
  const addPicked = useCallback(
    (items: readonly ({ fileName: string; outcome: 'ok'; media: MediaInfo } | { fileName: string; outcome: 'error'; error: AppError })[], handlers: IngestHandlers) => {
      const failures: IngestFailure[] = [];
      let added = 0;
      for (const item of items) {
        if (item.outcome === 'ok') {
          added += 1;
          handlers.onAdded(item.media);
        } else failures.push({ fileName: item.fileName, error: item.error });
      }
      handlers.onFinished?.();
      finish({ added, failures });
    },
    [finish],
  );

  return { progress, report, add, addPicked, dismissReport: useCallback(() => setReport(null), []) };
}
