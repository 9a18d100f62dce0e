import { Country } from '../../domain/enums';
import { PARAMETER } from '../../domain/rule-parameters';
import { regionKey, seedId } from './ids';
import { COORDINATION_KVA_SOURCE, DEFAULT_COORDINATION_KVA_RULES, DEFAULT_SIP_KVA_MAPPING, KVA_SOURCE } from './kva-codes';

const ALWAYS = '2000-01-01';
const DALARNA = seedId(regionKey(Country.SE, '20'));
const ALAND = seedId(regionKey(Country.FI, '21'));
const AHS_GUIDANCE = 'ÅHS, guidance to partners on rehabilitation plans, payment commitments and therapy reports (2023, seed 000)';
const LAG_2017_612 = 'Lag (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård';

/**
 * Dated rule parameters (region null = every region without its own value). Not seeded, so off:
 * discharge.lateSendCutoff, the local practice seen elsewhere that a call-out sent after 14:00
 * counts as sent the next weekday; a region sets it to "14:00" to use it.
 */
export const DEFAULT_RULE_PARAMETERS = [
  {
    key: PARAMETER.CONSENT_MAX_VALIDITY_DAYS,
    regionId: null,
    value: 365,
    source: 'Platform default: a consent is recorded for at most a year ahead unless a regional rule says otherwise',
  },
  { key: PARAMETER.DISCHARGE_ADMISSION_NOTICE_HOURS, regionId: null, value: 24, source: `${LAG_2017_612}: admission notice within 24 hours of admission` },
  { key: PARAMETER.DISCHARGE_SIP_CALL_OUT_DAYS, regionId: null, value: 3, source: `${LAG_2017_612}: the fast vårdkontakt calls the SIP meeting within 3 days of the discharge-ready notice` },
  { key: PARAMETER.DISCHARGE_LIABILITY_AFTER_DAYS, regionId: null, value: 3, source: `${LAG_2017_612}: payment liability after 3 calendar days unless agreed otherwise` },
  {
    key: PARAMETER.DISCHARGE_LIABILITY_AFTER_DAYS_PSYCHIATRY,
    regionId: null,
    value: 3,
    source: 'Psychiatric inpatient care may have its own period by agreement; none is known for the seeded regions, so the general value applies until one is set',
  },
  { key: PARAMETER.DISCHARGE_LIABILITY_DAY_KIND, regionId: null, value: 'CALENDAR', source: `${LAG_2017_612}: sources differ on calendar or working days; calendar days by default` },
  { key: PARAMETER.DISCHARGE_DAILY_AMOUNT, regionId: DALARNA, value: 12000, source: 'Region Dalarna invoices 12 000 SEK per day of payment liability (as publicly stated; start of validity not known)' },
  {
    key: PARAMETER.EVENTS_LOOK_BACK_DAYS,
    regionId: null,
    value: 30,
    source: 'Platform default: an event (discharge, admission, SIP meeting, follow-up, consent) is reported within a month; older is a correction to the record, not a report',
  },
  { key: PARAMETER.STATISTICS_SMALL_CELL_THRESHOLD, regionId: null, value: 5, source: 'Planner statistics suppress cells under 5: small numbers identify people' },
  {
    key: PARAMETER.REPORTS_MAX_PERIOD_MONTHS,
    regionId: null,
    value: 36,
    source: 'Platform default: a planner report covers at most three years (36 months, each a column of the report) in one request',
  },
  { key: PARAMETER.GAS_RHO, regionId: null, value: 0.3, source: 'Kiresuk & Sherman (1968): the T-score assumes a correlation of 0.3 between goals' },
  { key: PARAMETER.REHAB_PLAN_EVALUATION_MONTHS, regionId: null, value: 12, source: `${AHS_GUIDANCE}: the plan's goals are usually evaluated after about a year` },
  {
    key: PARAMETER.FPA_REHABILITATION_RULE,
    regionId: ALAND,
    value: { need: 'LONG_TERM', ageUnder: 65 },
    source: `${AHS_GUIDANCE}: FPA (Kela) may pay for demanding medical rehabilitation at long-term need for a person under 65`,
  },
  {
    key: PARAMETER.ACCESS_LOG_RETENTION_MONTHS,
    regionId: null,
    value: 60,
    source:
      'Platform default, five years: DOMAIN.md names no period for access logs; patientdatalagen 4 kap 3 § asks that accesses be documented and followed up systematically, and the care provider\'s archive rules (gallringsbeslut) set how long the log is kept. The archive step exports each month before removing it',
  },
  { key: PARAMETER.THERAPY_REPORT_LEAD_MONTHS, regionId: null, value: 2, source: `${AHS_GUIDANCE}: the therapy report reaches ÅHS at least two months before the period ends` },
  {
    key: PARAMETER.COORDINATION_YOUNG_ADULT_FROM_AGE,
    regionId: null,
    value: 16,
    source: 'Seed 002 (Västmanland adult psychiatry): young adults 16–29 as a group of their own; a region may set its own band',
  },
  { key: PARAMETER.COORDINATION_YOUNG_ADULT_TO_AGE, regionId: null, value: 29, source: 'Seed 002 (Västmanland adult psychiatry): young adults 16–29 as a group of their own; a region may set its own band' },
  { key: PARAMETER.COORDINATION_KVA_RULES, regionId: null, value: DEFAULT_COORDINATION_KVA_RULES as unknown, source: COORDINATION_KVA_SOURCE },
  ...Object.entries(DEFAULT_SIP_KVA_MAPPING).map(([use, code]) => ({ key: `${PARAMETER.SIP_KVA_CODE_PREFIX}${use}`, regionId: null, value: code as unknown, source: KVA_SOURCE })),
].map((p) => ({ ...p, validFrom: ALWAYS, validTo: null as string | null }));
