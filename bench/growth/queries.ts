import { HousingForm, Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';

/** Who asks: an organisation by its `npm run token` reference (e.g. 2062 = Mora kommun, 20 = Region Dalarna) or its id, and a role. */
export interface BenchViewer {
  organisation: string;
  role: Role;
}

export interface BenchQuery {
  name: string;
  viewer: BenchViewer;
  query: string;
  variables: Record<string, unknown>;
  /** Throws when the answer is not what the query is meant to read (errors, or an empty list where the fill put rows). */
  check(data: any): void;
}

/** Facts of the filled database the queries need. */
export interface BenchFacts {
  /** Today in Europe/Stockholm, 'YYYY-MM-DD'. */
  today: string;
  moraId: string;
  /** A patient kept by Region Dalarna with many access-log rows. */
  loggedPatientId: string;
  /** The synthetic provider organisation given the most payment commitments (rehab-fill.ts). */
  providerId: string;
}

const DALARNA_MUNICIPALITY_CODES = ['2021', '2023', '2026', '2029', '2031', '2034', '2039', '2061', '2062', '2080', '2081', '2082', '2083', '2084', '2085'];
const INTERVENTIONS = ['HOME_REHAB', 'ASSISTIVE_DEVICE_ASSESSMENT', 'ASSISTIVE_DEVICE_FITTING', 'HOME_ADAPTATION', 'PHYSIOTHERAPY', 'OCCUPATIONAL_THERAPY', 'SPEECH_THERAPY'];
const HOUSING = [HousingForm.ORDINARY_HOUSING, HousingForm.SPECIAL_HOUSING, HousingForm.SHORT_TERM_STAY];

const nonEmpty = (what: string, list: unknown[] | undefined) => {
  if (!list || list.length === 0) throw new Error(`${what}: an empty answer where the fill put rows`);
};

const HANDOFF_FIELDS = `id state kind admittedAt nextDueAt version patient { id givenName familyName } sendingCareUnit { name }
  messages { id kind sentAt recipients { organisation { name } acknowledgedAt } }`;

/** The dashboard's selection of the hand-off report's figures: every count for women and men together and apart. */
const BY_SEX = `total { value display } female { value display } male { value display }`;
const REPORT_FIGURES = `discharges { ${BY_SEX} } admissionNoticesDue { ${BY_SEX} } admissionNoticesOnTime { ${BY_SEX} } sipCallOutsDue { ${BY_SEX} }
  sipCallOutsOnTime { ${BY_SEX} } liabilityDays { ${BY_SEX} } liabilityAmount { ${BY_SEX} }`;

const PLAN_FIELDS = `id status need evaluationDate createdAt version therapyFormCodes owner { name } goals { id title weight baseline } tScore { value }`;

const COUNT = `total { value display } female { display } male { display }`;
const FIGURE = `total { value display } female { display } male { display }`;
const PLAN_FIGURES = `longTermPlans { ${COUNT} } shortTermPlans { ${COUNT} } plansByTherapyForm { therapyForm plans { ${COUNT} } } evaluations { ${COUNT} }
  meanTScoreChange { ${FIGURE} } commitments { ${COUNT} } visitsAllowed { ${FIGURE} } visitsUsed { ${FIGURE} } reportsDue { ${COUNT} } reportsOnTime { ${COUNT} }`;

/** The first day of the month `months` before the month of `today` ('YYYY-MM-DD'), as 'YYYY-MM-DD'. */
export function monthsBack(today: string, months: number): string {
  const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - months, 1));
  return d.toISOString().slice(0, 10);
}

/** The reads of issue 14, each as one GraphQL request. */
export function benchQueries(f: BenchFacts): BenchQuery[] {
  const yearAgo = new Date(Date.parse(`${f.today}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
  const questions = Array.from({ length: 1000 }, (_, i) => ({
    municipalityCode: DALARNA_MUNICIPALITY_CODES[i % DALARNA_MUNICIPALITY_CODES.length],
    interventionCode: INTERVENTIONS[Math.floor(i / 15) % INTERVENTIONS.length],
    housingForm: HOUSING[Math.floor(i / 105) % HOUSING.length],
    enrolledInHomeHealthCare: i % 2 === 0,
    age: 20 + (i % 70),
  }));
  const planner = { organisation: '20', role: Role.PLANNER };
  const moraStaff = { organisation: '2062', role: Role.CARE_STAFF };
  const falunStaff = { organisation: '2080', role: Role.CARE_STAFF };
  const lastQuarter = `${Number(f.today.slice(0, 4)) - 1}-Q${Math.floor((Number(f.today.slice(5, 7)) - 1) / 3) + 1}`;
  return [
    {
      name: 'handoffDeadlineReport (1 year)',
      viewer: planner,
      query: `query($from: LocalDate!, $to: LocalDate!) { handoffDeadlineReport(regionCode: "20", period: { from: $from, to: $to }) {
        from to smallCellThreshold region { ${REPORT_FIGURES} }
        byMunicipality { municipality { name } figures { ${REPORT_FIGURES} } } byHospital { hospital { name } figures { ${REPORT_FIGURES} } }
        byMonth { month region { ${REPORT_FIGURES} } byMunicipality { figures { ${REPORT_FIGURES} } } byHospital { figures { ${REPORT_FIGURES} } } } } }`,
      variables: { from: yearAgo, to: f.today },
      check: (d) => nonEmpty('handoffDeadlineReport.byMunicipality', d.handoffDeadlineReport.byMunicipality),
    },
    {
      name: 'handoffInbox unacknowledged (Mora)',
      viewer: moraStaff,
      query: `{ handoffInbox(first: 20, filter: { unacknowledged: true }) { edges { node { ${HANDOFF_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
      variables: {},
      check: (d) => nonEmpty('handoffInbox(unacknowledged)', d.handoffInbox.edges),
    },
    {
      name: 'handoffInbox all received (Mora)',
      viewer: moraStaff,
      query: `{ handoffInbox(first: 20) { edges { node { ${HANDOFF_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
      variables: {},
      check: (d) => nonEmpty('handoffInbox', d.handoffInbox.edges),
    },
    {
      // About one in 700 of Mora's received hand-offs waits for discharge: a filter the party rows' order alone does not serve.
      name: 'handoffInbox rare state (Mora, DISCHARGE_READY)',
      viewer: moraStaff,
      query: `{ handoffInbox(first: 20, filter: { state: DISCHARGE_READY }) { edges { node { ${HANDOFF_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
      variables: {},
      check: (d) => nonEmpty('handoffInbox(state: DISCHARGE_READY)', d.handoffInbox.edges),
    },
    {
      name: 'sipFollowUpsDue (Mora)',
      viewer: moraStaff,
      query: `query($org: ID!) { sipFollowUpsDue(organisationId: $org, first: 20) { edges { node { id dueDate overdue sip { id status } } } pageInfo { hasNextPage } } }`,
      variables: { org: f.moraId },
      check: (d) => nonEmpty('sipFollowUpsDue', d.sipFollowUpsDue.edges),
    },
    {
      name: 'patients (Vansbro, few)',
      viewer: { organisation: '2021', role: Role.CARE_STAFF },
      query: `{ patients(first: 20) { edges { node { id givenName familyName birthDate legalSex homeMunicipality { name } } } pageInfo { hasNextPage } } }`,
      variables: {},
      check: (d) => nonEmpty('patients(Vansbro)', d.patients.edges),
    },
    {
      name: 'patients (Region Dalarna, many)',
      viewer: { organisation: '20', role: Role.CARE_STAFF },
      query: `{ patients(first: 20) { edges { node { id givenName familyName birthDate legalSex homeMunicipality { name } } } pageInfo { hasNextPage } } }`,
      variables: {},
      check: (d) => nonEmpty('patients(Region Dalarna)', d.patients.edges),
    },
    {
      name: 'patientAccessLog',
      viewer: { organisation: '20', role: Role.CARE_STAFF },
      query: `query($p: ID!) { patientAccessLog(patientId: $p, first: 20) { edges { node { id at action outcome recordType organisation { name } careUnit { name } } } pageInfo { hasNextPage } } }`,
      variables: { p: f.loggedPatientId },
      check: (d) => nonEmpty('patientAccessLog', d.patientAccessLog.edges),
    },
    {
      name: 'accessLogReview (Region Dalarna)',
      viewer: { organisation: '20', role: Role.TENANT_ADMIN },
      query: `{ accessLogReview(first: 20) { edges { node { id at action outcome userId patientId recordType organisation { name } } } pageInfo { hasNextPage } } }`,
      variables: {},
      check: (d) => nonEmpty('accessLogReview', d.accessLogReview.edges),
    },
    {
      // A month half a year back: a window that lies behind most of the region's log.
      name: 'accessLogReview (Region Dalarna, a month 6 months back)',
      viewer: { organisation: '20', role: Role.TENANT_ADMIN },
      query: `query($f: AccessLogReviewFilter) { accessLogReview(filter: $f, first: 20) { edges { node { id at action outcome userId patientId recordType organisation { name } } } pageInfo { hasNextPage } } }`,
      variables: { f: { from: `${monthsBack(f.today, 6)}T00:00:00Z`, to: `${monthsBack(f.today, 5)}T00:00:00Z` } },
      check: (d) => nonEmpty('accessLogReview(from, to)', d.accessLogReview.edges),
    },
    {
      name: 'rehabPlans (Falun, own)',
      viewer: falunStaff,
      query: `{ rehabPlans(first: 20) { edges { node { ${PLAN_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
      variables: {},
      check: (d) => nonEmpty('rehabPlans', d.rehabPlans.edges),
    },
    {
      // About one plan in ten of an owner is a draft: a filter the owner's order alone does not serve.
      name: 'rehabPlans (Falun, DRAFT)',
      viewer: falunStaff,
      query: `{ rehabPlans(first: 20, filter: { status: DRAFT }) { edges { node { ${PLAN_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
      variables: {},
      check: (d) => nonEmpty('rehabPlans(DRAFT)', d.rehabPlans.edges),
    },
    {
      name: 'rehabPlanEvaluationsDue (Falun)',
      viewer: falunStaff,
      query: `query($org: ID!) { rehabPlanEvaluationsDue(organisationId: $org, first: 20) { edges { node { ${PLAN_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
      variables: { org: seededOrganisationId('2080') },
      check: (d) => nonEmpty('rehabPlanEvaluationsDue', d.rehabPlanEvaluationsDue.edges),
    },
    {
      name: 'therapyReportsDue (Falun, payer)',
      viewer: falunStaff,
      query: `query($org: ID!) { therapyReportsDue(organisationId: $org, first: 20) { edges { node { id number reportDueOn lastPaidDay provider { name } sessions { visitDate } } } pageInfo { hasNextPage } } }`,
      variables: { org: seededOrganisationId('2080') },
      check: (d) => nonEmpty('therapyReportsDue(payer)', d.therapyReportsDue.edges),
    },
    {
      name: 'therapyReportsDue (provider)',
      viewer: { organisation: f.providerId, role: Role.CARE_STAFF },
      query: `query($org: ID!) { therapyReportsDue(organisationId: $org, first: 20) { edges { node { id number reportDueOn lastPaidDay payer { name } sessions { visitDate } } } pageInfo { hasNextPage } } }`,
      variables: { org: f.providerId },
      check: (d) => nonEmpty('therapyReportsDue(provider)', d.therapyReportsDue.edges),
    },
    {
      name: 'rehabPlanStatistics (1 year)',
      viewer: planner,
      query: `query($from: LocalDate!, $to: LocalDate!) { rehabPlanStatistics(regionCode: "20", period: { from: $from, to: $to }) {
        from to smallCellThreshold region { ${PLAN_FIGURES} } byMunicipality { municipality { name } figures { ${PLAN_FIGURES} } }
        byMonth { month region { ${PLAN_FIGURES} } byMunicipality { figures { ${PLAN_FIGURES} } } } } }`,
      variables: { from: yearAgo, to: f.today },
      check: (d) => nonEmpty('rehabPlanStatistics.byMunicipality', d.rehabPlanStatistics.byMunicipality),
    },
    {
      // The commitments of the fill name no programme: this reads the region's commitments of a quarter and counts none.
      name: 'programmeReport (a quarter)',
      viewer: planner,
      query: `query($q: String!) { programmeReport(regionCode: "20", programme: "REHABILITERINGSGARANTIN", quarter: $q) {
        quarter smallCellThreshold forms { form figures { treatments { ${COUNT} } amountSek { ${FIGURE} } } } } }`,
      variables: { q: lastQuarter },
      check: (d) => nonEmpty('programmeReport.forms', d.programmeReport.forms),
    },
    {
      name: 'responsibilities (1,000 questions)',
      viewer: { organisation: '2062', role: Role.INTEGRATION },
      query: `query($inputs: [ResponsibilityInput!]!) { responsibilities(inputs: $inputs) { status reason municipalityCode interventionCode onDate
        responsible { id name } performer { id name } costBearer { id name } agreement { id title version } rule { id interventionCode } } }`,
      variables: { inputs: questions },
      check: (d) => {
        if (d.responsibilities.length !== 1000) throw new Error(`responsibilities: ${d.responsibilities.length} answers for 1000 questions`);
      },
    },
  ];
}
