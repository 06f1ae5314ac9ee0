import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meterCsv, osloYear, type MeterBucket } from '../../../../shared/domain/maalformMeter';
import type { MeterAnswer } from '../../../../shared/domain/maalformMeterSchema';
import { DOCUMENT_TYPES, isDocumentType, type DocumentType } from '../../../../shared/domain/vocabulary';
import type { AppError } from '../../../../shared/ipc/result';
import { InlineError } from '../../app/ErrorText';
import { api } from '../../lib/api';
import { burst } from '../../lib/burst';
import { downloadBase64 } from '../../lib/download';
import { MeterAdvice } from './MeterAdvice';
import { MeterChart } from './MeterChart';
import { MeterTable } from './MeterTable';
import { csvLabels, formatShare, meterLocale, monthName, utf8Base64 } from './meterFormat';

interface MeterDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
}

type Period = 'month' | 'quarter';
/** Years offered: this one and the five before it. */
const YEARS_BACK = 5;

/**
 * The målform meter as a modal <dialog> (the browser traps focus, Escape closes): the chart, the
 * same figures as a table, what the next items would need, the pipeline, and the CSV export.
 * Refreshes while open when the library changes.
 */
export function MeterDialog({ open, onClose }: MeterDialogProps) {
  const { t, i18n } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const locale = meterLocale(i18n.language);
  const thisYear = osloYear(new Date());
  const [year, setYear] = useState(thisYear);
  const [type, setType] = useState<DocumentType | 'all'>('all');
  const [period, setPeriod] = useState<Period>('month');
  const [includeSite, setIncludeSite] = useState(true);
  const [answer, setAnswer] = useState<MeterAnswer | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  /** The query the shown figures answer; a different current one means newer figures are on the way. */
  const [answered, setAnswered] = useState<string | null>(null);
  const queryKey = `${year}|${type}|${includeSite}`;

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      setExported(null);
      el.showModal();
    } else if (!open && el.open) el.close();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    let live = true;
    let latest = 0;
    const load = () => {
      // Only the newest answer counts: an older one arriving late must not put back old figures.
      const asked = ++latest;
      void api.meter.figures({ year, types: type === 'all' ? [] : [type], includeSite }).then((result) => {
        if (!live || asked !== latest) return;
        setAnswered(queryKey);
        if (result.ok) {
          setAnswer(result.value);
          setError(null);
        } else setError(result.error);
      });
    };
    load();
    // A burst of changes (a pull, autosaves) asks once: with the site included, each asking goes to the site.
    const refetch = burst(load, 250, 1000);
    const unsubscribe = api.onLibraryChanged(() => refetch.poke());
    return () => {
      live = false;
      refetch.cancel();
      unsubscribe();
    };
  }, [open, year, type, includeSite, queryKey]);
  const loading = answered !== queryKey;

  const figures = answer?.figures ?? null;
  const buckets = figures ? (period === 'month' ? figures.months : figures.quarters) : [];
  const shortLabel = (b: MeterBucket) => (period === 'month' ? monthName(locale, b.index, 'short') : t('meter.quarterName', { n: b.index }));
  const longLabel = (b: MeterBucket) => (period === 'month' ? monthName(locale, b.index, 'long') : t('meter.quarterName', { n: b.index }));

  const exportCsv = () => {
    if (!figures) return;
    const csv = meterCsv(figures, csvLabels(t, locale), i18n.language === 'en' ? '.' : ',');
    const typeSuffix = type === 'all' ? '' : `-${type}`;
    const fileName = t('meter.csv.fileName', { year: `${figures.year}${typeSuffix}` });
    downloadBase64(fileName, utf8Base64(csv), 'text/csv;charset=utf-8');
    setExported(t('meter.csv.done', { fileName }));
  };

  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYear - i);
  return (
    <dialog ref={dialog} className="dialog dialog-wide meter-dialog" aria-labelledby={titleId} aria-describedby={`${titleId}-intro`} onClose={onClose}>
      <div className="dialog-header">
        <h2 id={titleId}>{t('meter.title')}</h2>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('meter.close')}
        </button>
      </div>
      <div className="dialog-content meter-content">
        <p id={`${titleId}-intro`} className="hint">
          {t('meter.intro')}
        </p>
        <div className="meter-controls">
          <label className="select-label">
            <span>{t('meter.year')}</span>
            <select className="select" value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label className="select-label">
            <span>{t('meter.type')}</span>
            <select className="select" value={type} onChange={(e) => setType(isDocumentType(e.target.value) ? e.target.value : 'all')}>
              <option value="all">{t('meter.allTypes')}</option>
              {DOCUMENT_TYPES.map((d) => (
                <option key={d} value={d}>
                  {t(`documentType.${i18n.language === 'nn' ? 'nn' : 'nb'}.${d}`)}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="meter-period">
            <legend>{t('meter.period.label')}</legend>
            {(['month', 'quarter'] as const).map((p) => (
              <label key={p} className="radio">
                <input type="radio" name={`${titleId}-period`} value={p} checked={period === p} onChange={() => setPeriod(p)} />
                <span>{t(`meter.period.${p}`)}</span>
              </label>
            ))}
          </fieldset>
          {answer?.siteAvailable ? (
            <label className="checkbox">
              <input type="checkbox" checked={includeSite} onChange={(e) => setIncludeSite(e.target.checked)} />
              <span>{t('meter.includeSite')}</span>
            </label>
          ) : null}
          <button type="button" className="button button-secondary meter-export" onClick={exportCsv} disabled={!figures}>
            {t('meter.csv.button')}
          </button>
        </div>
        <InlineError error={error} />
        {answer?.site.state === 'unreachable' ? (
          <p className="notice" role="status">
            {t('meter.site.unreachable', { detail: answer.site.message })}
          </p>
        ) : null}
        {figures ? (
          <div className="meter-body" aria-busy={loading}>
            <MeterAdvice figures={figures} current={figures.year === answer?.currentYear} locale={locale} />
            <figure className="meter-figure">
              <MeterChart
                buckets={buckets}
                labelOf={shortLabel}
                locale={locale}
                description={t(period === 'month' ? 'meter.chart.label' : 'meter.chart.labelQuarter', { year: figures.year })}
              />
              <figcaption className="meter-legend">
                <span className="meter-key">
                  <span className="meter-swatch meter-swatch-nn" aria-hidden="true" />
                  {t('meter.legend.nn')}
                </span>
                <span className="meter-key">
                  <span className="meter-swatch meter-swatch-nb" aria-hidden="true" />
                  {t('meter.legend.nb')}
                </span>
                <span className="meter-key">
                  <span className="meter-swatch meter-swatch-target" aria-hidden="true" />
                  {t('meter.chart.target')}
                </span>
              </figcaption>
            </figure>
            <MeterTable year={figures.year} buckets={buckets} labelOf={longLabel} total={figures.total} locale={locale} />
            <section className="meter-pipeline" aria-labelledby={`${titleId}-pipeline`}>
              <h3 id={`${titleId}-pipeline`}>{t('meter.pipeline.heading')}</h3>
              <p>
                {figures.pipeline.total === 0
                  ? t('meter.pipeline.none')
                  : t('meter.pipeline.body', { nn: figures.pipeline.nn, nb: figures.pipeline.nb, share: formatShare(locale, figures.pipeline.nnShare) })}
              </p>
            </section>
            {answer?.site.state === 'ok' ? <p className="hint">{t('meter.site.ok', { count: answer.site.items })}</p> : null}
          </div>
        ) : (
          <p>{t('meter.loading')}</p>
        )}
        <p className="feedback" role="status">
          {exported}
        </p>
      </div>
    </dialog>
  );
}
