import { useEffect, useState } from 'react';
import type { BlockStats } from '../../../../shared/domain/language';
import type { Maalform } from '../../../../shared/domain/vocabulary';
import { api } from '../../lib/api';
import { IDLE_MS } from './CheckScheduler';
import { addStats } from './readsAsOtherForm';

const NONE: BlockStats = { words: 0, thisForm: 0, otherForm: 0 };

/**
 * The målform figures of the title and the ingress (plain text fields cannot be underlined, but
 * their words count towards "this reads as the other målform"). Asked for when typing pauses;
 * an answer for older text or another målform is dropped.
 */
export function useFieldStats(maalform: Maalform, title: string, ingress: string): BlockStats {
  const [stats, setStats] = useState<{ key: string; stats: BlockStats }>({ key: '', stats: NONE });
  const key = `${maalform}\n${title}\n${ingress}`;
  useEffect(() => {
    let live = true;
    const blocks = [
      { key: 'title', text: title },
      { key: 'ingress', text: ingress },
    ].filter((b) => b.text.trim() !== '');
    if (blocks.length === 0) return;
    const timer = setTimeout(() => {
      void api.language.check({ maalform, blocks }).then((result) => {
        if (live && result.ok) setStats({ key, stats: addStats(...result.value.blocks.map((b) => b.stats)) });
      });
    }, IDLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, maalform, title, ingress]);
  // Figures for another målform mean nothing now; stale ones for the same målform are kept until replaced.
  return stats.key.startsWith(`${maalform}\n`) && (title.trim() !== '' || ingress.trim() !== '') ? stats.stats : NONE;
}
