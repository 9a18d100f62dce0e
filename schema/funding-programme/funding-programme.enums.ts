import { registerEnumType } from 'type-graphql';
import { FundingUnit, Indication, ReportingCadence } from '../../domain/funding-programme';

registerEnumType(FundingUnit, {
  name: 'FundingUnit',
  description: "What a funding programme form's amount pays for.",
  valuesConfig: {
    TREATMENT: { description: 'One course of treatment (KBT/IPT: 8–20 sessions as a rule).' },
    SERIES: { description: 'One series of combined efforts by several professions over weeks (multimodal rehabilitation).' },
  },
});

registerEnumType(ReportingCadence, {
  name: 'ReportingCadence',
  description: 'How often a principal reports the treatments it gave under a programme.',
  valuesConfig: {
    QUARTERLY: { description: 'Four times a year, per calendar quarter.' },
    YEARLY: { description: 'Once a year.' },
  },
});

registerEnumType(Indication, {
  name: 'Indication',
  description: 'A condition a funding programme form treats.',
  valuesConfig: {
    ANXIETY: { description: 'Anxiety (ångest).' },
    DEPRESSION: { description: 'Depression.' },
    STRESS: { description: 'Stress.' },
    LONG_LASTING_PAIN: { description: 'Long-lasting diffuse pain in shoulders, neck or back (långvarig diffus smärta).' },
  },
});
