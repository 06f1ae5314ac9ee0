import { useTranslation } from 'react-i18next';
import type { PublishingProgress } from '../../../../shared/domain/publishing';
import { progressView, type ProgressView } from './progressText';

/**
 * A bar with what happens now in words ("Laster opp bilde 2 av 3"): with a value when the step
 * has a count, indeterminate when it has none. Not a live region: the bar changes too often to
 * be read aloud; the finish is announced once instead.
 */
export function ProgressBar({ view, label }: { readonly view: ProgressView; readonly label: string }) {
  const percent = view.now !== null && view.max ? Math.round((view.now / view.max) * 100) : null;
  return (
    <div className="publishing-progress">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={view.max === null ? undefined : 0}
        aria-valuemax={view.max ?? undefined}
        aria-valuenow={view.now ?? undefined}
        aria-valuetext={view.text}
        className={`publishing-progress-track${percent === null ? ' is-indeterminate' : ''}`}
      >
        <div className="publishing-progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
      <span className="publishing-progress-text" aria-hidden="true">
        {view.text}
      </span>
    </div>
  );
}

/** One job being sent. */
export function PublishingProgressBar({ progress, label }: { readonly progress: PublishingProgress; readonly label: string }) {
  const { t } = useTranslation();
  return <ProgressBar view={progressView(t, progress)} label={label} />;
}
