import { useTranslation } from 'react-i18next';
import { countCharacters, countWords } from '../../../../shared/language/wordCount';

interface FieldCountProps {
  readonly id: string;
  readonly text: string;
  /** Above this many characters, the guidance is shown. */
  readonly limit?: number;
  readonly guidance?: 'titleLong' | 'ingressLong';
}

/**
 * Words and characters under a field, and a calm hint when it grows long. Referenced by the
 * field's aria-describedby, so a screen reader reads it on focus instead of on every keystroke.
 */
export function FieldCount({ id, text, limit, guidance }: FieldCountProps) {
  const { t } = useTranslation();
  const characters = countCharacters(text);
  const long = limit !== undefined && guidance !== undefined && characters > limit;
  return (
    <p id={id} className={`field-count${long ? ' is-long' : ''}`}>
      <span>{t('editor.counts.words', { count: countWords(text) })}</span>
      <span>{t('editor.counts.characters', { count: characters })}</span>
      {long ? <span className="field-guidance">{t(`editor.guidance.${guidance}`, { limit })}</span> : null}
    </p>
  );
}
