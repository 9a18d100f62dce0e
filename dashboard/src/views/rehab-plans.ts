import { RehabPlanStatisticsDocument, type RehabPlanStatisticsQuery } from '../../../client-sdk/src/generated';
import { REHAB_PLAN_MEASURES, type RehabPlanMeasure } from './rehab-plans.measures';
import { strings } from './rehab-plans.strings';
import { statisticsView } from './statistics-view';

type Figures = RehabPlanStatisticsQuery['rehabPlanStatistics']['region'];

/** Rehabiliteringsplaner: rehabPlanStatistics by home municipality and by month. */
export const rehabPlansView = statisticsView<Figures, RehabPlanMeasure>({
  id: 'rehab-plans',
  fileStem: 'rehabiliteringsplaner',
  measures: REHAB_PLAN_MEASURES,
  strings,
  figure: (f, m) => f[m],
  async load(ctx) {
    const { rehabPlanStatistics } = await ctx.api.request(RehabPlanStatisticsDocument, {
      regionCode: ctx.region.code,
      country: ctx.region.country,
      period: ctx.period,
      municipalityCode: ctx.municipalityCode,
    });
    return rehabPlanStatistics;
  },
});
