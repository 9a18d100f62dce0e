import { registerEnumType } from 'type-graphql';
import { FpaCriterion } from '../../domain/fpa-eligibility';
import { RehabNeed, RehabPlanStatus } from '../../domain/rehab-plan';

registerEnumType(RehabNeed, {
  name: 'RehabNeed',
  description: 'How long the person needs rehabilitation.',
  valuesConfig: {
    SHORT_TERM: { description: 'Less than a year.' },
    LONG_TERM: { description: 'More than a year: the basis for therapy bought from other providers, and for FPA’s demanding medical rehabilitation on Åland.' },
  },
});

registerEnumType(RehabPlanStatus, {
  name: 'RehabPlanStatus',
  description: 'Where a rehabilitation plan stands: DRAFT → ACTIVE → EVALUATED (→ ACTIVE with the next period’s goals) → CLOSED. Any open plan can be closed.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; its goals are not yet agreed.' },
    ACTIVE: { description: 'In force: its current goals are worked on and scored.' },
    EVALUATED: { description: 'An evaluation period has been closed with its T-score; the next period’s goals are set before it is active again.' },
    CLOSED: { description: 'Ended (final).' },
  },
});

registerEnumType(FpaCriterion, {
  name: 'FpaCriterion',
  description: 'A criterion of FPA’s demanding medical rehabilitation.',
  valuesConfig: {
    RULE_IN_FORCE: { description: 'A rule for the patient’s region applies on the date (FPA pays on Åland).' },
    LONG_TERM_NEED: { description: 'The need for rehabilitation is long-term.' },
    AGE: { description: 'The person is under the age limit on the date.' },
  },
});
