import type { Strings } from '../i18n';

/** The shared components' words. */
export const strings: Strings<{ csv: string; sexes: Record<'female' | 'male' | 'total', string>; scroll: string; women: string; men: string }> = {
  sv: { csv: 'Ladda ned CSV', sexes: { female: 'Kvinnor', male: 'Män', total: 'Totalt' }, scroll: 'Tabell, rulla i sidled', women: 'Kvinnor', men: 'Män' },
  en: { csv: 'Download CSV', sexes: { female: 'Women', male: 'Men', total: 'Total' }, scroll: 'Table, scroll sideways', women: 'Women', men: 'Men' },
};
