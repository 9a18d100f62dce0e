/** The RehabPlanFigures by sex (counts and the figures hidden with them), in the tables' column order. */
export const REHAB_PLAN_MEASURES = [
  'reportsDue',
  'reportsOnTime',
  'evaluations',
  'meanTScoreChange',
  'shortTermPlans',
  'longTermPlans',
  'commitments',
  'visitsAllowed',
  'visitsUsed',
] as const;
export type RehabPlanMeasure = (typeof REHAB_PLAN_MEASURES)[number];
