import { useTranslation } from 'react-i18next';
import type { MeterFigures } from '../../../../shared/domain/maalformMeter';
import { formatNumber, formatShare } from './meterFormat';

interface MeterAdviceProps {
  readonly figures: MeterFigures;
  readonly current: boolean;
  readonly locale: string;
}

/** Where the year stands, and what the next items would need, said plainly. */
export function MeterAdvice({ figures, current, locale }: MeterAdviceProps) {
  const { t } = useTranslation();
  const { total, next, year } = figures;
  const summary =
    total.total === 0
      ? t('meter.summary.none', { year })
      : t(current ? 'meter.summary.current' : 'meter.summary.past', { year, nn: total.nn, total: total.total, share: formatShare(locale, total.nnShare) });
  const sentences: string[] = [];
  if (next.kind === 'empty') sentences.push(t('meter.next.empty'));
  if (next.kind === 'reached') sentences.push(t('meter.next.reached'));
  if (next.kind === 'needed') sentences.push(t('meter.next.inARow', { count: next.inARow }));
  if ((next.kind === 'needed' || next.kind === 'reached') && next.pace) {
    const { perMonth, expected, nynorskOfExpected, reachable } = next.pace;
    const values = { perMonth: formatNumber(locale, perMonth), count: expected, needed: nynorskOfExpected };
    if (!reachable) sentences.push(t('meter.next.paceUnreachable', values));
    else if (nynorskOfExpected === 0) sentences.push(t('meter.next.paceSafe', values));
    else sentences.push(t(next.kind === 'reached' ? 'meter.next.paceKeep' : 'meter.next.pace', values));
  }
  return (
    <div className="meter-advice" aria-live="polite">
      <p className="meter-summary">{summary}</p>
      {sentences.map((s) => (
        <p key={s}>{s}</p>
      ))}
    </div>
  );
}
