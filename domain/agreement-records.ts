/**
 * An agreement and its rules as stored, and how the resolution rules see them: the records that
 * the responsibility store loads and that the edit decisions (agreement-edits.ts) change. The
 * tables are described by their entities (entities/responsibility.entity.ts, which domain/ may not
 * import); the store hands its entity-derived rows over as these records and inserts the rules
 * the decisions return, so the compiler fails while the two disagree.
 */
import { AgreementScenario, AgreementStatus, CareLevel, PrincipalRole } from './enums';
import type { AgreementFacts, RuleConditions, RuleFacts } from './responsibility';

/** One version of an agreement, with the codes of the municipalities party to it. */
export interface AgreementRecord {
  id: string;
  regionId: string;
  seriesId: string;
  version: number;
  supersedesId: string | null;
  title: string;
  scenario: AgreementScenario;
  status: AgreementStatus;
  validFrom: string;
  validTo: string | null;
  sourceDocument: string | null;
  sourceDate: string | null;
  example: boolean;
  municipalityCodes: string[];
}

/** A responsibility rule, column by column (null conditions allow any value). */
export interface RuleRecord extends RuleConditions {
  id: string;
  regionId: string;
  agreementId: string;
  responsibleRole: PrincipalRole;
  responsibleOrganisationId: string | null;
  performerRole: PrincipalRole | null;
  performerOrganisationId: string | null;
  performerCareLevel: CareLevel | null;
  costBearerRole: PrincipalRole;
  costBearerOrganisationId: string | null;
  note: string | null;
  sourceReference: string | null;
  validFrom: string;
  validTo: string | null;
}

/** What a rule says, without the keys the store gives it. */
export type RuleValues = Omit<RuleRecord, 'id' | 'regionId'>;

/** The rule as the pure resolution rules see it. */
export function ruleFacts(r: Omit<RuleRecord, 'regionId'>): RuleFacts {
  const party = (role: PrincipalRole, organisationId: string | null) => ({ role, organisationId });
  return {
    id: r.id,
    agreementId: r.agreementId,
    validFrom: r.validFrom,
    validTo: r.validTo,
    conditions: {
      interventionCode: r.interventionCode,
      interventionGroup: r.interventionGroup,
      careLevels: r.careLevels,
      housingForms: r.housingForms,
      enrolledInHomeHealthCare: r.enrolledInHomeHealthCare,
      ageMin: r.ageMin,
      ageMax: r.ageMax,
      professions: r.professions,
      municipalityCodes: r.municipalityCodes,
    },
    outcome: {
      responsible: party(r.responsibleRole, r.responsibleOrganisationId),
      performer: r.performerRole ? party(r.performerRole, r.performerOrganisationId) : null,
      performerCareLevel: r.performerCareLevel,
      costBearer: party(r.costBearerRole, r.costBearerOrganisationId),
    },
  };
}

export const agreementFacts = (a: AgreementRecord): AgreementFacts => ({
  id: a.id,
  scenario: a.scenario,
  validFrom: a.validFrom,
  validTo: a.validTo,
  municipalityCodes: a.municipalityCodes,
});
