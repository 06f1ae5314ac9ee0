import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatOsloDate, formatOsloTime, osloTimeAfterDays, parseNorwegianTime, readOsloEntry } from '../../../../shared/domain/osloTime';
import type { Maalform } from '../../../../shared/domain/vocabulary';
import { DOCUMENT_LABELS } from '../../../../shared/i18n/documentLabels';

interface EmbargoFieldProps {
  /** The stored instant (UTC ISO), or null for no sperrefrist. */
  readonly value: string | null;
  readonly maalform: Maalform;
  readonly onChange: (embargoAt: string | null) => void;
}

/** The hour a sperrefrist usually ends, for the first suggestion. */
const USUAL_HOUR = 10;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Sperrefrist: typed as Norwegian writes it (dd.mm.åååå, tt.mm) in text fields, because a native
 * date field shows the machine's locale and zone. Read in Oslo time whatever the machine's
 * zone; the spring gap and autumn overlap are resolved and said out loud. What cannot be read
 * stays in the field, and the last good value stays stored until it is corrected.
 */
export function EmbargoField({ value, maalform, onChange }: EmbargoFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const labels = DOCUMENT_LABELS[maalform];
  const [on, setOn] = useState(value !== null);
  const [date, setDate] = useState(() => (value ? formatOsloDate(new Date(value)) : ''));
  const [time, setTime] = useState(() => (value ? formatOsloTime(new Date(value)) : ''));
  // Problems are shown once the user has left a field, not while a date is half typed.
  const [left, setLeft] = useState(false);
  // "In the past" is judged against the clock when the user last typed, not on every render.
  const [now, setNow] = useState(() => Date.now());

  const entry = readOsloEntry(date, time);
  const apply = (nextDate: string, nextTime: string) => {
    setNow(Date.now());
    const next = readOsloEntry(nextDate, nextTime);
    if (next.kind === 'instant' && next.instant.toISOString() !== value) onChange(next.instant.toISOString());
  };

  const toggle = (checked: boolean) => {
    setOn(checked);
    if (!checked) {
      // The typed date and time stay in the fields, so switching back on restores them.
      onChange(null);
      return;
    }
    if (readOsloEntry(date, time).kind === 'instant') apply(date, time);
    else {
      const suggestion = osloTimeAfterDays(new Date(), 1, USUAL_HOUR);
      setNow(Date.now());
      setDate(formatOsloDate(suggestion));
      setTime(formatOsloTime(suggestion));
      onChange(suggestion.toISOString());
    }
  };

  const problem = entry.kind === 'problem' && left ? entry.problem : null;
  const dateProblem = problem === 'date_format' || problem === 'date_invalid';
  const timeProblem = problem === 'time_format' || problem === 'time_invalid';
  const stored = value ? new Date(value) : null;
  const clock = parseNorwegianTime(time);
  const typed = typeof clock === 'string' ? time : `${pad(clock.hour)}.${pad(clock.minute)}`;

  return (
    <section className="details-block embargo-field" aria-labelledby={`${id}-legend`}>
      <h3 id={`${id}-legend`} className="visually-hidden">
        {t('fields.embargo.toggle')}
      </h3>
      <label className="checkbox">
        <input type="checkbox" checked={on} onChange={(e) => toggle(e.target.checked)} aria-describedby={`${id}-hint`} />
        <span className="details-label">{t('fields.embargo.toggle')}</span>
      </label>
      <p id={`${id}-hint`} className="hint">
        {t('fields.embargo.hint')}
      </p>
      {on ? (
        <>
          <div className="embargo-inputs">
            <label className="form-field">
              <span className="form-label">{t('fields.embargo.date')}</span>
              <input
                className="input embargo-date"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                placeholder={t('fields.embargo.datePlaceholder')}
                value={date}
                aria-invalid={dateProblem || undefined}
                aria-describedby={`${id}-message`}
                onChange={(e) => {
                  setDate(e.target.value);
                  apply(e.target.value, time);
                }}
                onBlur={() => {
                  setLeft(true);
                  // Tidy what was understood into the usual form: "1.3.2026" becomes "01.03.2026".
                  const read = readOsloEntry(date, time);
                  if (read.kind === 'instant') setDate(`${pad(read.shown.day)}.${pad(read.shown.month)}.${read.shown.year}`);
                }}
              />
            </label>
            <label className="form-field">
              <span className="form-label">{t('fields.embargo.time')}</span>
              <input
                className="input embargo-time"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                placeholder={t('fields.embargo.timePlaceholder')}
                value={time}
                aria-invalid={timeProblem || undefined}
                aria-describedby={`${id}-message`}
                onChange={(e) => {
                  setTime(e.target.value);
                  apply(date, e.target.value);
                }}
                onBlur={() => {
                  setLeft(true);
                  const read = readOsloEntry(date, time);
                  if (read.kind === 'instant' && read.resolution !== 'skipped-gap') setTime(`${pad(read.shown.hour)}.${pad(read.shown.minute)}`);
                }}
              />
            </label>
          </div>
          <div id={`${id}-message`} className="embargo-messages" aria-live="polite">
            {problem ? (
              <p className="field-issue">
                {t(`fields.embargo.${problem}`)} {t('fields.embargo.notSaved')}
              </p>
            ) : null}
            {stored ? (
              <p className="embargo-confirm" lang={maalform}>
                {labels.embargo}: {formatOsloDate(stored)} {labels.at} {formatOsloTime(stored)} ({labels.norwegianTime})
              </p>
            ) : null}
            {entry.kind === 'instant' && entry.resolution === 'skipped-gap' ? (
              <p className="field-warning">{t('fields.embargo.gap', { time: typed, shown: formatOsloTime(entry.instant) })}</p>
            ) : null}
            {entry.kind === 'instant' && entry.resolution === 'ambiguous-first' ? <p className="field-warning">{t('fields.embargo.ambiguous', { time: typed })}</p> : null}
            {entry.kind === 'instant' && entry.instant.getTime() < now ? <p className="field-warning">{t('fields.embargo.past')}</p> : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
