import type { BySex } from '../components/figure';

/** The CoordinationFigures by sex, in the tables' column order (the KVÅ codes' rates follow them). */
export const COORDINATION_MEASURES = [
  'opened',
  'declined',
  'closedWithReturnToWork',
  'firstContacted',
  'meanDaysToFirstContact',
  'withEmployerContact',
  'employerContactShare',
  'activitiesPer100Cases',
] as const;
export type CoordinationMeasure = (typeof COORDINATION_MEASURES)[number];

/** The figures of one row as the API gives them. */
export type CoordinationFigures = Record<CoordinationMeasure, BySex> & { kvaPer100Cases: { code: string; per100Cases: BySex }[] };

/** A column of the tables: a named measure, or the rate of one KVÅ code. */
export type Column = { measure: CoordinationMeasure } | { kva: string };

/**
 * The tables' columns: every measure, then every KVÅ code the region's figures list (the codes in
 * force and any other earned in the region, so every row's codes are among them).
 */
export function columns(region: CoordinationFigures): Column[] {
  return [...COORDINATION_MEASURES.map((measure) => ({ measure })), ...region.kvaPer100Cases.map((k) => ({ kva: k.code }))];
}

/** A row's figure for a column; null when the row lists no rate for that KVÅ code. */
export function figureOf(figures: CoordinationFigures, column: Column): BySex | null {
  if ('measure' in column) return figures[column.measure];
  return figures.kvaPer100Cases.find((k) => k.code === column.kva)?.per100Cases ?? null;
}
