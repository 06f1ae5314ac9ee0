import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MAALFORM_TARGET, type MeterBucket } from '../../../../shared/domain/maalformMeter';
import { formatShare } from './meterFormat';

interface MeterChartProps {
  readonly buckets: readonly MeterBucket[];
  /** The label under each bar: a month's short name or the quarter. */
  readonly labelOf: (bucket: MeterBucket) => string;
  readonly locale: string;
  /** What the chart shows, for screen readers (the table beside it has the figures). */
  readonly description: string;
}

const WIDTH = 720;
const HEIGHT = 300;
const LEFT = 48;
const RIGHT = 92;
const TOP = 28;
const BOTTOM = 48;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;

/**
 * One bar per month or quarter, 100 % high when anything was published: Nynorsk from the bottom
 * (hatched, so the forms differ without colour), Bokmål above it (plain), Nynorsk's share written
 * above the bar, the count under the label, and the 25 % line drawn and named. Styling is in
 * app.css; only geometry is set here (SVG attributes, allowed by the CSP).
 */
export function MeterChart({ buckets, labelOf, locale, description }: MeterChartProps) {
  const { t } = useTranslation();
  const hatch = `meter-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const slot = PLOT_W / Math.max(buckets.length, 1);
  const barW = Math.min(40, slot * 0.6);
  const y = (share: number) => TOP + PLOT_H * (1 - share);
  const targetY = y(MAALFORM_TARGET);
  return (
    <svg className="meter-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description} preserveAspectRatio="xMidYMid meet">
      <defs>
        <pattern id={hatch} patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)">
          <rect width="7" height="7" className="meter-hatch-bg" />
          <line x1="0" y1="0" x2="0" y2="7" className="meter-hatch-line" />
        </pattern>
      </defs>
      {[0, 0.5, 1].map((v) => (
        <g key={v}>
          <line x1={LEFT} x2={LEFT + PLOT_W} y1={y(v)} y2={y(v)} className="meter-grid" />
          <text x={LEFT - 8} y={y(v) + 4} textAnchor="end" className="meter-axis">
            {formatShare(locale, v)}
          </text>
        </g>
      ))}
      {buckets.map((b, i) => {
        const x = LEFT + slot * i + (slot - barW) / 2;
        const cx = x + barW / 2;
        const share = b.nnShare;
        return (
          <g key={b.key} className="meter-bucket">
            {share === null ? (
              <>
                <rect x={x} y={TOP} width={barW} height={PLOT_H} className="meter-bar-empty" />
                <text x={cx} y={TOP - 8} textAnchor="middle" className="meter-value meter-value-none">
                  {t('meter.chart.nothing')}
                </text>
              </>
            ) : (
              <>
                <rect x={x} y={TOP} width={barW} height={PLOT_H * (1 - share)} className="meter-bar-nb" />
                <rect x={x} y={y(share)} width={barW} height={PLOT_H * share} fill={`url(#${hatch})`} className="meter-bar-nn" />
                <text x={cx} y={TOP - 8} textAnchor="middle" className={`meter-value${share < MAALFORM_TARGET ? ' is-under' : ''}`}>
                  {formatShare(locale, share)}
                </text>
              </>
            )}
            <text x={cx} y={TOP + PLOT_H + 18} textAnchor="middle" className="meter-label">
              {labelOf(b)}
            </text>
            <text x={cx} y={TOP + PLOT_H + 36} textAnchor="middle" className="meter-count">
              {b.total}
            </text>
          </g>
        );
      })}
      <line x1={LEFT} x2={LEFT + PLOT_W} y1={targetY} y2={targetY} className="meter-target" />
      <text x={LEFT + PLOT_W + 8} y={targetY + 4} className="meter-target-label">
        {t('meter.chart.target')}
      </text>
    </svg>
  );
}
