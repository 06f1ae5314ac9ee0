import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/ipc/result';
import { api } from '../lib/api';
import { ErrorText } from './ErrorText';

const NOTICE_CODES = ['settings_reset', 'library_index_rebuilt', 'document_lost', 'contacts_reset', 'outbox_reset', 'profiles_reset', 'backends_reset', 'backend_secrets_reset'] as const;
function isNoticeCode(code: string): code is (typeof NOTICE_CODES)[number] {
  return (NOTICE_CODES as readonly string[]).includes(code);
}

interface NoticesProps {
  readonly notices: readonly { code: string; detail: string }[];
  readonly bootProblem: AppError | null;
}

/**
 * Things the user must know about: a file set aside at start, a damaged document found later
 * (pushed as `app:notice` events), a service that did not answer.
 */
export function Notices({ notices, bootProblem }: NoticesProps) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState<ReadonlySet<number>>(new Set());
  const [live, setLive] = useState<readonly { code: string; detail: string }[]>([]);
  useEffect(() => api.onAppNotice((notice) => setLive((all) => [...all, notice])), []);
  const visible = [...notices, ...live].map((n, i) => ({ ...n, i })).filter((n) => !dismissed.has(n.i));
  if (visible.length === 0 && !bootProblem) return null;
  return (
    <div className="notices" role="alert">
      {bootProblem && (
        <p className="notice notice-error">
          <ErrorText error={bootProblem} />
        </p>
      )}
      {visible.map((notice) => (
        <p className="notice" key={notice.i}>
          <span>{isNoticeCode(notice.code) ? t(`notices.${notice.code}`, { detail: notice.detail }) : notice.detail}</span>
          <button type="button" className="button button-quiet" onClick={() => setDismissed(new Set([...dismissed, notice.i]))}>
            {t('notices.dismiss')}
          </button>
        </p>
      ))}
    </div>
  );
}
