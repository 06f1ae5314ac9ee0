import { useTranslation } from 'react-i18next';
import type { MeterBucket, MeterCount } from '../../../../shared/domain/maalformMeter';
import { formatShare } from './meterFormat';

interface MeterTableProps {
  readonly year: number;
  readonly buckets: readonly MeterBucket[];
  readonly labelOf: (bucket: MeterBucket) => string;
  readonly total: MeterCount;
  readonly locale: string;
}

/** The chart's figures as a table: the accessible alternative, and what people copy from. */
export function MeterTable({ year, buckets, labelOf, total, locale }: MeterTableProps) {
  const { t } = useTranslation();
  const row = (c: MeterCount) => (
    <>
      <td>{c.nn}</td>
      <td>{c.nb}</td>
      <td>{c.total}</td>
      <td>{formatShare(locale, c.nnShare)}</td>
      <td>{formatShare(locale, c.nnShare === null ? null : 1 - c.nnShare)}</td>
    </>
  );
  return (
    <table className="meter-table">
      <caption>{t('meter.table.caption', { year })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('meter.table.period')}</th>
          <th scope="col">{t('meter.table.nn')}</th>
          <th scope="col">{t('meter.table.nb')}</th>
          <th scope="col">{t('meter.table.total')}</th>
          <th scope="col">{t('meter.table.nnShare')}</th>
          <th scope="col">{t('meter.table.nbShare')}</th>
        </tr>
      </thead>
      <tbody>
        {buckets.map((b) => (
          <tr key={b.key}>
            <th scope="row">{labelOf(b)}</th>
            {row(b)}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('meter.yearRow', { year })}</th>
          {row(total)}
        </tr>
      </tfoot>
    </table>
  );
}
