import { AgreementScenario, OrganisationKind, PrincipalRole } from '../../domain/enums';
import {
  compareScenarios,
  PartyRef,
  Resolution,
  resolveResponsibilities,
  ResponsibilityCase,
  responsibilityMatrix,
} from '../../domain/responsibility';
import { regionCodeProblem } from '../../domain/region-codes';
import type { Access } from '../../server/access/access';
import { agreementFacts, ruleFacts } from '../../domain/agreement-records';
import type { RuleRow } from '../../server/access/responsibility.store';
import { BadUserInputError, ForbiddenError } from '../../schema/common/errors';
import { ResponsibilityInput } from '../../schema/responsibility/responsibility.input';
import { ComparisonKind, ResponsibilityAnswer, ResponsibilityRule, ResponsibilityStatus } from '../../schema/responsibility/responsibility.type';
import { ruleView } from './rule-view';

export const MAX_BATCH = 1000;

/** Everything a set of answers needs, loaded in a constant number of statements. */
interface Context {
  access: Access;
  /** The API view of a rule by id, built once per rule however many answers name it. */
  ruleView: (id: string) => ResponsibilityRule;
  regionPrincipalId: string;
  municipalityIds: Map<string, string>;
}

function ruleViews(rows: readonly RuleRow[]): (id: string) => ResponsibilityRule {
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const views = new Map<string, ResponsibilityRule>();
  return (id) => {
    let view = views.get(id);
    if (!view) {
      view = ruleView(rowById.get(id)!);
      views.set(id, view);
    }
    return view;
  };
}

function organisationOf(party: PartyRef | null, municipalityCode: string, ctx: Context): string | null {
  if (!party) return null;
  if (party.role === PrincipalRole.HOME_MUNICIPALITY) return ctx.municipalityIds.get(municipalityCode) ?? null;
  if (party.role === PrincipalRole.REGION) return ctx.regionPrincipalId;
  return party.organisationId;
}

function answer(resolution: Resolution, c: Pick<ResponsibilityCase, 'municipalityCode' | 'interventionCode' | 'onDate' | 'scenario'>, ctx: Context): ResponsibilityAnswer {
  // One literal of one shape for every status: a batch builds a thousand of these.
  const assigned = resolution.status === 'ASSIGNED' ? resolution : null;
  const outcome = assigned?.rule.outcome;
  return {
    municipalityCode: c.municipalityCode,
    interventionCode: c.interventionCode,
    onDate: c.onDate,
    scenario: c.scenario,
    status: ResponsibilityStatus[resolution.status],
    reason: resolution.status === 'ASSIGNED' ? null : resolution.reason,
    rule: assigned ? ctx.ruleView(assigned.rule.id) : null,
    overlappingRules: resolution.status === 'OVERLAP' ? resolution.rules.map((r) => ctx.ruleView(r.id)) : [],
    responsibleId: outcome ? organisationOf(outcome.responsible, c.municipalityCode, ctx) : null,
    performerId: outcome ? organisationOf(outcome.performer, c.municipalityCode, ctx) : null,
    performerCareLevel: outcome ? outcome.performerCareLevel : null,
    costBearerId: outcome ? organisationOf(outcome.costBearer, c.municipalityCode, ctx) : null,
    agreementId: assigned ? assigned.agreement.id : null,
  };
}

/**
 * Answers questions about the viewer's region: validates each (an error names `inputs[i].field`
 * in a batch), then loads municipalities, the catalogue, agreements with rules, and the regional
 * principal once for all of them, and resolves each in `domain/`.
 */
export async function answerQuestions(access: Access, inputs: ResponsibilityInput[], batch: boolean): Promise<ResponsibilityAnswer[]> {
  const viewer = access.requireViewer();
  const field = (i: number, name: string) => (batch ? `inputs[${i}].${name}` : `input.${name}`);
  if (inputs.length > MAX_BATCH) throw new BadUserInputError(`inputs: at most ${MAX_BATCH} questions at a time`, 'inputs');
  const today = await access.today();
  const [municipalities, catalogue] = await Promise.all([access.responsibility.municipalities([...new Set(inputs.map((i) => i.municipalityCode))]), access.responsibility.catalogue()]);
  const municipalityByCode = new Map(municipalities.map((m) => [m.code, m]));
  const interventionCodes = new Set(catalogue.map((c) => c.code));
  const cases: ResponsibilityCase[] = inputs.map((input, i) => {
    const municipality = municipalityByCode.get(input.municipalityCode);
    if (!municipality) throw new BadUserInputError(`${field(i, 'municipalityCode')}: no municipality with code ${input.municipalityCode}`, field(i, 'municipalityCode'));
    access.responsibility.requireOwnRegion(municipality.regionId, field(i, 'municipalityCode'));
    if (!interventionCodes.has(input.interventionCode)) {
      throw new BadUserInputError(`${field(i, 'interventionCode')}: no intervention with code ${input.interventionCode}`, field(i, 'interventionCode'));
    }
    if (input.age != null && (input.age < 0 || input.age > 130)) throw new BadUserInputError(`${field(i, 'age')}: an age lies between 0 and 130`, field(i, 'age'));
    return {
      municipalityCode: input.municipalityCode,
      interventionCode: input.interventionCode,
      careLevel: input.careLevel ?? null,
      housingForm: input.housingForm ?? null,
      enrolledInHomeHealthCare: input.enrolledInHomeHealthCare ?? null,
      age: input.age ?? null,
      profession: input.profession ?? null,
      onDate: input.onDate ?? today,
      scenario: input.scenario ?? AgreementScenario.CURRENT,
    };
  });
  const scope = await access.responsibility.scope([...new Set(cases.map((c) => c.scenario))]);
  const agreements = scope.agreements.map(agreementFacts);
  const rules = scope.rules.map(ruleFacts);
  cases.forEach((c, i) => {
    const any = agreements.some((a) => a.scenario === c.scenario && a.validFrom <= c.onDate && (a.validTo === null || c.onDate <= a.validTo));
    if (!any) throw new BadUserInputError(`${field(i, 'onDate')}: no ${c.scenario} agreement of your region applies on ${c.onDate}`, field(i, 'onDate'));
  });
  const ctx: Context = {
    access,
    ruleView: ruleViews(scope.rules),
    regionPrincipalId: await access.responsibility.regionPrincipalId(),
    municipalityIds: new Map(municipalities.filter((m) => m.regionId === viewer.regionId).map((m) => [m.code, m.id])),
  };
  const resolutions = resolveResponsibilities(agreements, rules, catalogue, cases);
  return cases.map((c, i) => answer(resolutions[i], c, ctx));
}

/** The viewer's region named by code: another region's agreements are not the viewer's to read. */
async function ownRegion(access: Access, regionCode: string) {
  const region = await access.reference.region(access.requireViewer().regionId);
  const problem = regionCodeProblem(region!.country, regionCode);
  if (problem) throw new BadUserInputError(`regionCode: ${problem}`, 'regionCode');
  if (region!.code !== regionCode) throw new ForbiddenError(`regionCode: you may read your own region's (${region!.code}) agreements only`, 'regionCode');
}

/**
 * The municipality codes a matrix or comparison covers: every one of the region's, or the one asked
 * for, which must be a municipality of the viewer's region.
 */
async function coveredCodes(access: Access, regionCodes: string[], municipalityCode: string | null): Promise<string[]> {
  if (municipalityCode === null) return regionCodes;
  if (!regionCodes.includes(municipalityCode)) {
    const [found] = await access.responsibility.municipalities([municipalityCode]);
    if (!found) throw new BadUserInputError(`municipalityCode: no municipality with code ${municipalityCode}`, 'municipalityCode');
    access.responsibility.requireOwnRegion(found.regionId, 'municipalityCode');
  }
  return [municipalityCode];
}

async function regionContext(access: Access, scenarios: AgreementScenario[], municipalityCode: string | null) {
  const viewer = access.requireViewer();
  const [scope, catalogue, municipalities] = await Promise.all([
    access.responsibility.scope(scenarios),
    access.responsibility.catalogue(),
    // A Swedish county has at most 49 municipalities: one page holds them all.
    access.reference.organisations({ regionId: viewer.regionId, kind: OrganisationKind.MUNICIPALITY }, { first: 100, after: null }),
  ]);
  const codes = await coveredCodes(access, municipalities.nodes.map((m) => m.municipalityCode!).sort(), municipalityCode);
  const ctx: Context = {
    access,
    ruleView: ruleViews(scope.rules),
    regionPrincipalId: await access.responsibility.regionPrincipalId(),
    municipalityIds: new Map(municipalities.nodes.map((m) => [m.municipalityCode!, m.id])),
  };
  return { agreements: scope.agreements.map(agreementFacts), rules: scope.rules.map(ruleFacts), catalogue, codes, ctx };
}

export async function matrix(access: Access, regionCode: string, scenario: AgreementScenario, onDate: string | null, municipalityCode: string | null) {
  await ownRegion(access, regionCode);
  const date = onDate ?? (await access.today());
  const { agreements, rules, catalogue, codes, ctx } = await regionContext(access, [scenario], municipalityCode);
  const cells = responsibilityMatrix(agreements, rules, catalogue, { municipalityCodes: codes, scenario, onDate: date });
  return {
    regionCode,
    scenario,
    onDate: date,
    cells: cells.map((cell) => {
      const at = (municipalityCode: string) => ({ municipalityCode, interventionCode: cell.interventionCode, onDate: date, scenario });
      return {
        interventionCode: cell.interventionCode,
        housingForm: cell.housingForm,
        enrolledInHomeHealthCare: cell.enrolledInHomeHealthCare,
        // The default names no municipality: HOME_MUNICIPALITY answers stay without an organisation.
        regionalDefault: answer(cell.regionalDefault, at(''), ctx),
        municipalities: cell.municipalities.map((m) => ({ municipalityCode: m.municipalityCode, deviates: m.deviates, answer: answer(m.resolution, at(m.municipalityCode), ctx) })),
        deviatingMunicipalityCodes: cell.municipalities.filter((m) => m.deviates).map((m) => m.municipalityCode),
      };
    }),
  };
}

export async function comparison(
  access: Access, regionCode: string, from: AgreementScenario, to: AgreementScenario, fromDate: string | null, toDate: string | null, municipalityCode: string | null,
) {
  await ownRegion(access, regionCode);
  const today = await access.today();
  const dates = { fromDate: fromDate ?? today, toDate: toDate ?? fromDate ?? today };
  const { agreements, rules, catalogue, codes, ctx } = await regionContext(access, [...new Set([from, to])], municipalityCode);
  const cases = compareScenarios(agreements, rules, catalogue, { municipalityCodes: codes, from, to, ...dates });
  return {
    regionCode,
    from,
    to,
    ...dates,
    cases: cases.map((c) => ({
      municipalityCode: c.municipalityCode,
      interventionCode: c.interventionCode,
      housingForm: c.housingForm,
      enrolledInHomeHealthCare: c.enrolledInHomeHealthCare,
      kinds: c.kinds.map((k) => ComparisonKind[k]),
      from: answer(c.from, { ...c, onDate: dates.fromDate, scenario: from }, ctx),
      to: answer(c.to, { ...c, onDate: dates.toDate, scenario: to }, ctx),
    })),
  };
}
