/** A figure as the API gives it (SuppressedCount, DerivedFigure): `display` is what is shown, always. */
export interface Shown {
  display: string;
  value: number | null;
  suppressed: boolean;
}

/** A figure for women, men and both (CountBySex, DerivedFigureBySex). */
export interface BySex {
  female: Shown;
  male: Shown;
  total: Shown;
}

/** Women and men side by side, then both: the column order of every table. */
export const SEXES = ['female', 'male', 'total'] as const;
