/**
 * Who is responsible for, performs and pays for an intervention in a given case, under the
 * agreements between a region and its municipalities. A rule's conditions cover a region of cases;
 * where several rules match, the most specific wins, so an exception or a municipal deviation is a
 * narrower rule rather than an ambiguity.
 */
import { AgreementScenario, CareLevel, HousingForm, PrincipalRole, Profession } from './enums';

/** A principal or actor named by a rule, relative to the case. organisationId only with role ORGANISATION. */
export interface PartyRef { role: PrincipalRole; organisationId: string | null }

/** Each dimension is null (any value) or a restriction. */
export interface RuleConditions {
  interventionCode: string | null;   // exactly one of interventionCode / interventionGroup is set
  interventionGroup: string | null;
  careLevels: CareLevel[] | null;
  housingForms: HousingForm[] | null;
  enrolledInHomeHealthCare: boolean | null;
  /** Inclusive bounds; null is unbounded. */
  ageMin: number | null;
  ageMax: number | null;
  professions: Profession[] | null;
  /** null: every municipality party to the agreement; a list: a local deviation for those only. */
  municipalityCodes: string[] | null;
}

export interface RuleOutcome { responsible: PartyRef; performer: PartyRef | null; performerCareLevel: CareLevel | null; costBearer: PartyRef }

/** validTo is the last day it applies (inclusive); null while open-ended. Likewise for agreements. */
export interface RuleFacts { id: string; agreementId: string; conditions: RuleConditions; outcome: RuleOutcome; validFrom: string; validTo: string | null }

export interface AgreementFacts { id: string; scenario: AgreementScenario; validFrom: string; validTo: string | null; municipalityCodes: string[] }

/** The intervention catalogue: each intervention's code and its group's code. */
export interface CatalogueEntry { code: string; group: string }

/** A concrete question. A null value is unknown and satisfies only a condition that allows any value. */
export interface ResponsibilityCase {
  municipalityCode: string;
  interventionCode: string;
  careLevel: CareLevel | null;
  housingForm: HousingForm | null;
  enrolledInHomeHealthCare: boolean | null;
  age: number | null;
  profession: Profession | null;
  onDate: string;
  scenario: AgreementScenario;
}

export type Resolution =
  | { status: 'ASSIGNED'; rule: RuleFacts; agreement: AgreementFacts }
  | { status: 'UNASSIGNED'; reason: string }
  | { status: 'OVERLAP'; rules: RuleFacts[]; reason: string };

type Period = { validFrom: string; validTo: string | null };

const validOn = (p: Period, onDate: string) => p.validFrom <= onDate && (p.validTo === null || onDate <= p.validTo);

const periodsOverlap = (a: Period, b: Period) =>
  (b.validTo === null || a.validFrom <= b.validTo) && (a.validTo === null || b.validFrom <= a.validTo);

/** Code-unit order, not localeCompare: the tie-break must not depend on the server's locale. */
const byId = (a: RuleFacts, b: RuleFacts) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const sameParty = (a: PartyRef | null, b: PartyRef | null) =>
  a === null || b === null ? a === b : a.role === b.role && a.organisationId === b.organisationId;

export function sameOutcome(a: RuleOutcome, b: RuleOutcome): boolean {
  return sameParty(a.responsible, b.responsible) && sameParty(a.performer, b.performer)
    && sameParty(a.costBearer, b.costBearer) && a.performerCareLevel === b.performerCareLevel;
}

/** The case as matching sees it. A null municipality is the hypothetical one of the regional default. */
type CaseFacts = Omit<ResponsibilityCase, 'municipalityCode' | 'onDate' | 'scenario'> & { municipalityCode: string | null };

const groupIndex = (catalogue: readonly CatalogueEntry[]): ReadonlyMap<string, string> => new Map(catalogue.map((e) => [e.code, e.group]));

const allows = <T>(allowed: readonly T[] | null, value: T | null) => allowed === null || (value !== null && allowed.includes(value));

function matches(k: RuleConditions, c: CaseFacts, groupOf: ReadonlyMap<string, string>): boolean {
  const intervention = k.interventionCode !== null
    ? k.interventionCode === c.interventionCode
    : k.interventionGroup === null || k.interventionGroup === groupOf.get(c.interventionCode);
  const age = (k.ageMin === null && k.ageMax === null)
    || (c.age !== null && (k.ageMin === null || c.age >= k.ageMin) && (k.ageMax === null || c.age <= k.ageMax));
  return intervention && age
    && allows(k.careLevels, c.careLevel)
    && allows(k.housingForms, c.housingForm)
    && (k.enrolledInHomeHealthCare === null || k.enrolledInHomeHealthCare === c.enrolledInHomeHealthCare)
    && allows(k.professions, c.profession)
    && allows(k.municipalityCodes, c.municipalityCode);
}

/** Conditions only: whether the agreement and the rule are in force is resolveResponsibility's concern. */
export function ruleMatches(rule: RuleFacts, c: ResponsibilityCase, catalogue: readonly CatalogueEntry[]): boolean {
  return matches(rule.conditions, c, groupIndex(catalogue));
}

const MIN_AGE = 0;
const MAX_AGE = 130;

/** The cases a rule's conditions cover, each null condition expanded to its full set; used for precedence and conflicts. */
interface Region {
  interventions: ReadonlySet<string>;
  careLevels: ReadonlySet<CareLevel>;
  housingForms: ReadonlySet<HousingForm>;
  enrolled: ReadonlySet<boolean>;
  professions: ReadonlySet<Profession>;
  ageMin: number;
  ageMax: number;
  /** null: every municipality party to the agreement, a strict superset of any list. */
  municipalities: ReadonlySet<string> | null;
}

function regionOf(k: RuleConditions, catalogue: readonly CatalogueEntry[]): Region {
  const interventions = k.interventionCode !== null
    ? [k.interventionCode]
    : catalogue.filter((e) => k.interventionGroup === null || e.group === k.interventionGroup).map((e) => e.code);
  return {
    interventions: new Set(interventions),
    careLevels: new Set(k.careLevels ?? Object.values(CareLevel)),
    housingForms: new Set(k.housingForms ?? Object.values(HousingForm)),
    enrolled: new Set(k.enrolledInHomeHealthCare === null ? [true, false] : [k.enrolledInHomeHealthCare]),
    professions: new Set(k.professions ?? Object.values(Profession)),
    ageMin: k.ageMin ?? MIN_AGE,
    ageMax: k.ageMax ?? MAX_AGE,
    municipalities: k.municipalityCodes === null ? null : new Set(k.municipalityCodes),
  };
}

const subset = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>) => [...a].every((x) => b.has(x));
const meet = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>) => [...a].some((x) => b.has(x));

/** a ⊆ b in every dimension. */
function within(a: Region, b: Region): boolean {
  return subset(a.interventions, b.interventions) && subset(a.careLevels, b.careLevels)
    && subset(a.housingForms, b.housingForms) && subset(a.enrolled, b.enrolled)
    && subset(a.professions, b.professions) && a.ageMin >= b.ageMin && a.ageMax <= b.ageMax
    && (b.municipalities === null || (a.municipalities !== null && subset(a.municipalities, b.municipalities)));
}

const strictlyWithin = (a: Region, b: Region) => within(a, b) && !within(b, a);

function municipalitiesMeet(a: ReadonlySet<string> | null, b: ReadonlySet<string> | null): boolean {
  if (a === null) return b === null || b.size > 0;
  return b === null ? a.size > 0 : meet(a, b);
}

/** Some case lies in both regions. */
function intersect(a: Region, b: Region): boolean {
  return municipalitiesMeet(a.municipalities, b.municipalities) && meet(a.interventions, b.interventions) && meet(a.careLevels, b.careLevels)
    && meet(a.housingForms, b.housingForms) && meet(a.enrolled, b.enrolled) && meet(a.professions, b.professions)
    && Math.max(a.ageMin, b.ageMin) <= Math.min(a.ageMax, b.ageMax);
}

interface RuleInForce { rule: RuleFacts; agreement: AgreementFacts; region: Region }

/**
 * Selects the agreements and rules in force for one scenario on one date once, so that each of
 * many cases (a batch, the matrix, the comparison) costs a pass over the few rules that can
 * concern its intervention, not over all of them.
 */
function resolverFor(
  agreements: readonly AgreementFacts[], rules: readonly RuleFacts[], catalogue: readonly CatalogueEntry[],
  scenario: AgreementScenario, onDate: string,
): (c: CaseFacts) => Resolution {
  const inForce = agreements.filter((a) => a.scenario === scenario && validOn(a, onDate));
  const byAgreement = new Map(inForce.map((a) => [a.id, a]));
  const rulesInForce: RuleInForce[] = rules.flatMap((rule) => {
    const agreement = byAgreement.get(rule.agreementId);
    return agreement && validOn(rule, onDate) ? [{ rule, agreement, region: regionOf(rule.conditions, catalogue) }] : [];
  });
  const groupOf = groupIndex(catalogue);
  // A rule names one intervention, one group, or neither: only those can match a case of this intervention.
  const byIntervention = new Map<string, RuleInForce[]>();
  const candidates = (interventionCode: string) => {
    let found = byIntervention.get(interventionCode);
    if (!found) {
      const group = groupOf.get(interventionCode);
      found = rulesInForce.filter(({ rule: { conditions: k } }) =>
        k.interventionCode !== null ? k.interventionCode === interventionCode : k.interventionGroup === null || k.interventionGroup === group);
      byIntervention.set(interventionCode, found);
    }
    return found;
  };
  const partiesOf = new Map<string | null, AgreementFacts[]>();
  const parties = (municipalityCode: string | null) => {
    let found = partiesOf.get(municipalityCode);
    if (!found) {
      found = inForce.filter((a) => municipalityCode === null || a.municipalityCodes.includes(municipalityCode));
      partiesOf.set(municipalityCode, found);
    }
    return found;
  };

  return (c) => {
    const party = parties(c.municipalityCode);
    if (party.length === 0) {
      const whom = c.municipalityCode === null ? 'any municipality' : `municipality ${c.municipalityCode}`;
      return { status: 'UNASSIGNED', reason: `no ${scenario} agreement covers ${whom} on ${onDate}` };
    }
    const matching = candidates(c.interventionCode).filter((r) => party.includes(r.agreement) && matches(r.rule.conditions, c, groupOf));
    if (matching.length === 0) {
      const ids = party.map((a) => a.id).join(', ');
      return { status: 'UNASSIGNED', reason: `no rule of agreement(s) ${ids} covers ${c.interventionCode} for this case` };
    }
    const winners = matching.filter((r) => !matching.some((o) => strictlyWithin(o.region, r.region)))
      .sort((a, b) => byId(a.rule, b.rule));
    const [first] = winners;
    if (winners.every((w) => sameOutcome(w.rule.outcome, first.rule.outcome))) {
      return { status: 'ASSIGNED', rule: first.rule, agreement: first.agreement };
    }
    const rulesWon = winners.map((w) => w.rule);
    return { status: 'OVERLAP', rules: rulesWon, reason: `rules ${rulesWon.map((r) => r.id).join(', ')} are equally specific for this case and answer differently` };
  };
}

/** Each case's answer, in order; cases on the same scenario and date share one selection of rules in force. */
export function resolveResponsibilities(
  agreements: readonly AgreementFacts[], rules: readonly RuleFacts[], catalogue: readonly CatalogueEntry[], cases: readonly ResponsibilityCase[],
): Resolution[] {
  const resolvers = new Map<string, (c: CaseFacts) => Resolution>();
  return cases.map((c) => {
    const key = `${c.scenario} ${c.onDate}`;
    let resolve = resolvers.get(key);
    if (!resolve) {
      resolve = resolverFor(agreements, rules, catalogue, c.scenario, c.onDate);
      resolvers.set(key, resolve);
    }
    return resolve(c);
  });
}

export function resolveResponsibility(
  agreements: readonly AgreementFacts[], rules: readonly RuleFacts[], catalogue: readonly CatalogueEntry[], c: ResponsibilityCase,
): Resolution {
  return resolveResponsibilities(agreements, rules, catalogue, [c])[0];
}

/**
 * The existing rule of the candidate's agreement, in force at some common time, that would make
 * some case ambiguous or that the candidate duplicates; the first by id, or null. A candidate
 * nested inside another rule (or around it) is an exception, not a conflict.
 */
export function findConflictingRule(existing: readonly RuleFacts[], candidate: RuleFacts, catalogue: readonly CatalogueEntry[]): RuleFacts | null {
  const region = regionOf(candidate.conditions, catalogue);
  const conflicts = (other: RuleFacts) => {
    if (other.id === candidate.id || other.agreementId !== candidate.agreementId || !periodsOverlap(other, candidate)) return false;
    const theirs = regionOf(other.conditions, catalogue);
    if (!intersect(region, theirs)) return false;
    const inside = within(region, theirs);
    const around = within(theirs, region);
    if (inside && around) return true;
    return !inside && !around && !sameOutcome(candidate.outcome, other.outcome);
  };
  return [...existing].sort(byId).find(conflicts) ?? null;
}

/** Dashboard matrix: for each intervention × housing form × enrolment, the regional default and each municipality's answer. */
export interface MatrixCell {
  interventionCode: string;
  housingForm: HousingForm;
  enrolledInHomeHealthCare: boolean;
  /** The answer from rules that name no municipality, i.e. for a municipality without local deviations. */
  regionalDefault: Resolution;
  municipalities: { municipalityCode: string; resolution: Resolution; deviates: boolean }[];
}

type Situation = Pick<MatrixCell, 'interventionCode' | 'housingForm' | 'enrolledInHomeHealthCare'>;

/** Catalogue order, then housing form in enum order, then enrolled before not enrolled. */
const situations = (catalogue: readonly CatalogueEntry[]): Situation[] =>
  catalogue.flatMap(({ code }) => Object.values(HousingForm).flatMap((housingForm) =>
    [true, false].map((enrolledInHomeHealthCare) => ({ interventionCode: code, housingForm, enrolledInHomeHealthCare }))));

/** Overviews leave care level, age and profession unknown, so only rules that do not depend on them answer. */
const caseOf = (s: Situation, municipalityCode: string | null): CaseFacts =>
  ({ ...s, municipalityCode, careLevel: null, age: null, profession: null });

const sameOutcomes = (a: readonly RuleFacts[], b: readonly RuleFacts[]) =>
  a.every((x) => b.some((y) => sameOutcome(x.outcome, y.outcome))) && b.every((y) => a.some((x) => sameOutcome(x.outcome, y.outcome)));

/**
 * Whether two answers say the same thing, whichever rules give them: ASSIGNED by outcome, OVERLAP
 * by the set of competing outcomes, UNASSIGNED always (the reasons may differ).
 */
function sameAnswer(a: Resolution, b: Resolution): boolean {
  if (a.status === 'ASSIGNED' && b.status === 'ASSIGNED') return sameOutcome(a.rule.outcome, b.rule.outcome);
  if (a.status === 'OVERLAP' && b.status === 'OVERLAP') return sameOutcomes(a.rules, b.rules);
  return a.status === b.status;
}

/**
 * The regional default is asked for a hypothetical municipality that is party to every agreement
 * and, being no municipality in particular, matches only rules that name none.
 */
export function responsibilityMatrix(
  agreements: readonly AgreementFacts[], rules: readonly RuleFacts[], catalogue: readonly CatalogueEntry[],
  options: { municipalityCodes: readonly string[]; scenario: AgreementScenario; onDate: string },
): MatrixCell[] {
  const resolve = resolverFor(agreements, rules, catalogue, options.scenario, options.onDate);
  return situations(catalogue).map((s) => {
    const regionalDefault = resolve(caseOf(s, null));
    const municipalities = options.municipalityCodes.map((municipalityCode) => {
      const resolution = resolve(caseOf(s, municipalityCode));
      return { municipalityCode, resolution, deviates: !sameAnswer(resolution, regionalDefault) };
    });
    return { ...s, regionalDefault, municipalities };
  });
}

/** One case of the target-state comparison. */
export type ComparisonKind = 'CHANGED' | 'GAP' | 'OVERLAP';
export interface ComparisonCase {
  municipalityCode: string; interventionCode: string; housingForm: HousingForm; enrolledInHomeHealthCare: boolean;
  from: Resolution; to: Resolution; kinds: ComparisonKind[];
}

function kindsOf(from: Resolution, to: Resolution): ComparisonKind[] {
  const kinds: ComparisonKind[] = [];
  if (from.status === 'ASSIGNED' && to.status === 'ASSIGNED' && !sameOutcome(from.rule.outcome, to.rule.outcome)) kinds.push('CHANGED');
  if (from.status === 'UNASSIGNED' || to.status === 'UNASSIGNED') kinds.push('GAP');
  if (from.status === 'OVERLAP' || to.status === 'OVERLAP') kinds.push('OVERLAP');
  return kinds;
}

/** The cases whose answer changes between two scenarios, or that either leaves open or ambiguous. */
export function compareScenarios(
  agreements: readonly AgreementFacts[], rules: readonly RuleFacts[], catalogue: readonly CatalogueEntry[],
  options: { municipalityCodes: readonly string[]; from: AgreementScenario; to: AgreementScenario; fromDate: string; toDate: string },
): ComparisonCase[] {
  const resolveFrom = resolverFor(agreements, rules, catalogue, options.from, options.fromDate);
  const resolveTo = resolverFor(agreements, rules, catalogue, options.to, options.toDate);
  const all = situations(catalogue);
  return options.municipalityCodes.flatMap((municipalityCode) => all.flatMap((s) => {
    const from = resolveFrom(caseOf(s, municipalityCode));
    const to = resolveTo(caseOf(s, municipalityCode));
    const kinds = kindsOf(from, to);
    return kinds.length > 0 ? [{ municipalityCode, ...s, from, to, kinds }] : [];
  }));
}
