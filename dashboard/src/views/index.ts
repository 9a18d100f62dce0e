import { coordinationView } from './coordination';
import { dischargeView } from './discharge';
import { rehabPlansView } from './rehab-plans';
import { responsibilityView } from './responsibility';
import { sipView } from './sip';
import type { View } from './types';

/** The dashboard's views, in the navigation's order; the first is the default. One line per view. */
export const views: View[] = [
  dischargeView,
  responsibilityView,
  sipView,
  rehabPlansView,
  coordinationView,
];
