/** The coordinated-discharge figures of handoffDeadlineReport (HandoffDeadlineFigures), in the tables' column order. */
export const DISCHARGE_MEASURES = [
  'discharges',
  'admissionNoticesOnTime',
  'admissionNoticesDue',
  'sipCallOutsOnTime',
  'sipCallOutsDue',
  'liabilityDays',
  'liabilityAmount',
] as const;

export type DischargeMeasure = (typeof DISCHARGE_MEASURES)[number];
