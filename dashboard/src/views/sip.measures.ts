/** The SipFiguresBySex figures, in the tables' column order. */
export const SIP_MEASURES = ['started', 'active', 'followUpsDue', 'followedUpOnTime', 'closed'] as const;
export type SipMeasure = (typeof SIP_MEASURES)[number];
