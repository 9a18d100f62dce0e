import { SipStatisticsDocument, type SipStatisticsQuery } from '../../../client-sdk/src/generated';
import { SIP_MEASURES, type SipMeasure } from './sip.measures';
import { strings } from './sip.strings';
import { statisticsView } from './statistics-view';

type Figures = SipStatisticsQuery['sipStatistics']['region'];

/** SIP: sipStatistics by home municipality and by month. */
export const sipView = statisticsView<Figures, SipMeasure>({
  id: 'sip',
  fileStem: 'sip',
  measures: SIP_MEASURES,
  strings,
  figure: (f, m) => f[m],
  async load(ctx) {
    const { sipStatistics } = await ctx.api.request(SipStatisticsDocument, {
      regionCode: ctx.region.code,
      country: ctx.region.country,
      period: ctx.period,
      municipalityCode: ctx.municipalityCode,
    });
    return sipStatistics;
  },
});
