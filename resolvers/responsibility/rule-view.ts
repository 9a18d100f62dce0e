import type { RuleRow } from '../../server/access/responsibility.store';
import { ruleFacts } from '../../domain/agreement-records';
import type { ResponsibilityRule } from '../../schema/responsibility/responsibility.type';

/** A stored rule as the API shows it: the answer's parties as references. */
export function ruleView(row: RuleRow): ResponsibilityRule {
  const { outcome } = ruleFacts(row);
  return {
    id: row.id,
    agreementId: row.agreementId,
    interventionCode: row.interventionCode,
    interventionGroup: row.interventionGroup,
    careLevels: row.careLevels,
    housingForms: row.housingForms,
    enrolledInHomeHealthCare: row.enrolledInHomeHealthCare,
    ageMin: row.ageMin,
    ageMax: row.ageMax,
    professions: row.professions,
    municipalityCodes: row.municipalityCodes,
    responsible: outcome.responsible,
    performer: outcome.performer,
    performerCareLevel: outcome.performerCareLevel,
    costBearer: outcome.costBearer,
    note: row.note,
    sourceReference: row.sourceReference,
    validFrom: row.validFrom,
    validTo: row.validTo,
  };
}
