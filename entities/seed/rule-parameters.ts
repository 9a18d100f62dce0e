import { PARAMETER } from '../../domain/rule-parameters';

/** Default values of dated rule parameters (region null = every region without its own value). */
export const DEFAULT_RULE_PARAMETERS = [
  {
    key: PARAMETER.CONSENT_MAX_VALIDITY_DAYS,
    regionId: null,
    value: 365,
    validFrom: '2000-01-01',
    validTo: null,
    source: 'Platform default: a consent is recorded for at most a year ahead unless a regional rule says otherwise',
  },
] as const;
