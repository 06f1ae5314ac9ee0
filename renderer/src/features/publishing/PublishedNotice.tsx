import { useEffect, useId, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxJob } from '../../../../shared/domain/outboxJob';
import type { PublishingProgress } from '../../../../shared/domain/publishing';
import { ErrorText } from '../../app/ErrorText';
import { api } from '../../lib/api';
import { JobControls } from './JobControls';
import { actionFromStatus, isAnnounced, jobFate, siteName, webUrl, type FinishedNotice, type JobFate } from './finishedNotice';
import { windowProgressStore as progressStore } from './windowProgressStore';
import { backendFor, useBackends, type BackendsState } from './useBackends';

/** How long to wait for the outbox to record a finished job before giving up on telling. */
const SETTLE_TRIES = 20;
const SETTLE_PAUSE_MS = 250;

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The job as the outbox holds it after the runner said it finished (gone when done). */
async function settle(progress: PublishingProgress): Promise<{ fate: JobFate; job: OutboxJob | undefined }> {
  for (let i = 0; i < SETTLE_TRIES; i++) {
    const answer = await api.outbox.list({ documentId: progress.documentId });
    if (!answer.ok) return { fate: { kind: 'unknown' }, job: undefined };
    const job = answer.value.find((j) => j.id === progress.jobId);
    const fate = jobFate(job);
    if (fate.kind !== 'unknown') return { fate, job };
    await pause(SETTLE_PAUSE_MS);
  }
  return { fate: { kind: 'unknown' }, job: undefined };
}

/**
 * Says once, politely, when a job being sent has finished: "Publisert på <nettsted>" with a link
 * to the item where the site gave one, or for the local site a button that opens it (and its
 * path where it cannot be opened). A failure is said too; what to do about it stays in the
 * document's list. Not a dialog: nothing here stops the writing.
 */
export function PublishedNotice() {
  const { t } = useTranslation();
  const id = useId();
  const backends = useBackends();
  const backendsRef = useRef<BackendsState | null>(null);
  const jobs = useRef(new Map<string, OutboxJob>());
  const [notice, setNotice] = useState<FinishedNotice | null>(null);
  const [localPath, setLocalPath] = useState<string | null>(null);

  useEffect(() => {
    backendsRef.current = backends;
  }, [backends]);

  // What each job was for (its step and backend) is known only while it waits: remember it.
  useEffect(() => {
    let live = true;
    const load = () =>
      void api.outbox.list({ documentId: null }).then((answer) => {
        if (!live || !answer.ok) return;
        for (const job of answer.value) jobs.current.set(job.id, job);
        // A stopped job someone has dealt with (retried, resolved, dropped) is no longer news.
        setNotice((current) => (current?.kind === 'failed' && !answer.value.some((j) => j.id === current.job.id && j.state === 'blocked') ? null : current));
      });
    load();
    const off = api.onOutboxChanged(load);
    // A job can be queued and under way between two looks at the outbox: ask for its document's
    // jobs as soon as its first progress arrives, so its step is known when it finishes.
    const asked = new Set<string>();
    const offProgress = progressStore.subscribe(() => {
      for (const progress of progressStore.snapshot().values()) {
        if (jobs.current.has(progress.jobId) || asked.has(progress.jobId)) continue;
        asked.add(progress.jobId);
        void api.outbox.list({ documentId: progress.documentId }).then((answer) => {
          if (live && answer.ok) for (const job of answer.value) jobs.current.set(job.id, job);
        });
      }
    });
    return () => {
      live = false;
      off();
      offProgress();
    };
  }, []);

  useEffect(
    () =>
      progressStore.onFinished((progress) => {
        void settle(progress).then(async ({ fate, job }) => {
          const seen = job ?? jobs.current.get(progress.jobId);
          // A failed attempt that will be retried on its own is not news; one that needs a person is.
          if (fate.kind === 'unknown' || (fate.kind === 'failed' && !fate.blocked)) return;
          if (fate.kind === 'done' && seen && !isAnnounced(seen.action)) return;
          const answer = await api.documents.get({ id: progress.documentId });
          const doc = answer.ok ? answer.value.document : null;
          // Untranslated: the fallbacks are worded when shown, so they follow a change of UI language.
          const title = doc?.title.trim() ?? '';
          if (fate.kind === 'failed') return job ? setNotice({ kind: 'failed', title, code: fate.code, job }) : undefined;
          const action = seen && isAnnounced(seen.action) ? seen.action : doc ? actionFromStatus(doc.status) : null;
          if (!action) return;
          const backend = backendFor(backendsRef.current, seen?.backendId ?? doc?.remote?.backend ?? null);
          const localSite = backend?.config.kind === 'local-site';
          setLocalPath(null);
          setNotice({
            kind: 'done',
            action,
            title,
            site: siteName(backend),
            url: localSite ? null : webUrl(doc?.remote?.url),
            localSite,
          });
        });
      }),
    [t],
  );

  const openLocal = async () => {
    const answer = await api.publishing.openLocalSite();
    if (answer.ok && !answer.value.opened) setLocalPath(answer.value.path);
  };

  const openLink = (event: MouseEvent<HTMLAnchorElement>, url: string) => {
    // The item goes to the user's browser; the window itself never navigates away. The site
    // may be plain http on this machine (a test site): the services allow the configured site's origin.
    if (url.startsWith('https://') || url.startsWith('http://')) {
      event.preventDefault();
      void api.shell.openExternal({ url });
    }
  };

  return (
    <div className="publishing-notice-region" role="status" aria-live="polite">
      {notice ? (
        <div className={`publishing-notice${notice.kind === 'failed' ? ' is-failed' : ''}`}>
          {notice.kind === 'done' ? (
            <>
              <span>{t(`publishing.notice.${notice.action}`, { site: notice.site || (notice.localSite ? t('publishing.notice.localSite') : t('publishing.notice.theSite')), title: notice.title || t('workflow.outbox.untitled') })}</span>
              {notice.url ? (
                <a href={notice.url} target="_blank" rel="noopener noreferrer" onClick={(e) => openLink(e, notice.url ?? '')}>
                  {t('publishing.notice.openItem')}
                </a>
              ) : null}
              {notice.localSite ? (
                <button type="button" className="button button-small button-secondary" onClick={() => void openLocal()}>
                  {t('publishing.notice.openSite')}
                </button>
              ) : null}
              {localPath ? (
                <span className="publishing-notice-path">
                  {t('publishing.notice.sitePath')} <code>{localPath}</code>
                </span>
              ) : null}
            </>
          ) : (
            <>
              <span id={`${id}-failed`}>
                {t('publishing.notice.blocked', { title: notice.title || t('workflow.outbox.untitled') })} <ErrorText error={{ code: notice.code, message: '' }} />
              </span>
              <JobControls job={notice.job} describedBy={`${id}-failed`} />
            </>
          )}
          <button
            type="button"
            className="button button-small button-quiet"
            onClick={(event) => {
              // The notice goes with the button: focus goes on to the document, not to the page.
              const hadFocus = event.currentTarget === document.activeElement;
              setNotice(null);
              if (hadFocus) document.getElementById('main')?.focus();
            }}
          >
            {t('publishing.notice.dismiss')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
