import { AgreementStatus, OrganisationKind, PrincipalRole } from '../../domain/enums';
import { findConflictingRule, PartyRef } from '../../domain/responsibility';
import type { Access } from '../../server/access/access';
import { AgreementRow, ruleFacts, RuleRow, RuleValues } from '../../server/access/responsibility.store';
import { isUuid } from '../../domain/uuid';
import { BadUserInputError, ConflictError, ConflictReason, NotFoundError } from '../../schema/common/errors';
import {
  AgreementCreateInput,
  AgreementNewVersionInput,
  AgreementUpdateInput,
  PartyRefInput,
  ResponsibilityRuleInput,
} from '../../schema/responsibility/responsibility.input';
import { optionalText, requiredText } from '../common/args';

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86400_000).toISOString().slice(0, 10);

const titleArg = (value: string) => requiredText(value, 'title', 300);

async function partyArg(access: Access, input: PartyRefInput, field: string): Promise<PartyRef> {
  if (input.role !== PrincipalRole.ORGANISATION) {
    if (input.organisationId) throw new BadUserInputError(`${field}.organisationId is only for role ORGANISATION`, `${field}.organisationId`);
    return { role: input.role, organisationId: null };
  }
  const organisation = input.organisationId && isUuid(input.organisationId) ? await access.reference.organisation(input.organisationId) : null;
  // A rule of the region's agreement names organisations of that region only.
  if (!organisation || organisation.regionId !== access.requireViewer().regionId) {
    throw new BadUserInputError(`${field}.organisationId must name an organisation of your region`, `${field}.organisationId`);
  }
  return { role: input.role, organisationId: organisation.id };
}

/**
 * What a rule needs looked up (the catalogue, named organisations), checked before the edit's
 * transaction opens: with one pooled connection (PGlite) nothing may read past the transaction.
 */
async function prepareRule(access: Access, input: ResponsibilityRuleInput) {
  const catalogue = await access.responsibility.catalogue();
  if (!input.interventionCode === !input.interventionGroup) {
    throw new BadUserInputError('rule: name exactly one of interventionCode and interventionGroup', 'rule.interventionCode');
  }
  if (input.interventionCode && !catalogue.some((c) => c.code === input.interventionCode)) {
    throw new BadUserInputError(`rule.interventionCode: no intervention with code ${input.interventionCode}`, 'rule.interventionCode');
  }
  if (input.interventionGroup && !catalogue.some((c) => c.group === input.interventionGroup)) {
    throw new BadUserInputError(`rule.interventionGroup: no intervention group with code ${input.interventionGroup}`, 'rule.interventionGroup');
  }
  for (const [name, age] of [['ageMin', input.ageMin], ['ageMax', input.ageMax]] as const) {
    if (age != null && (age < 0 || age > 130)) throw new BadUserInputError(`rule.${name}: an age lies between 0 and 130`, `rule.${name}`);
  }
  if (input.ageMin != null && input.ageMax != null && input.ageMin > input.ageMax) throw new BadUserInputError('rule.ageMax must not be below ageMin', 'rule.ageMax');
  const responsible = await partyArg(access, input.responsible, 'rule.responsible');
  const performer = input.performer ? await partyArg(access, input.performer, 'rule.performer') : null;
  const costBearer = input.costBearer ? await partyArg(access, input.costBearer, 'rule.costBearer') : responsible;
  return { input, catalogue, responsible, performer, costBearer };
}

type PreparedRule = Awaited<ReturnType<typeof prepareRule>>;

/** Validates a prepared rule against its agreement; fields are named `rule.…`. */
function ruleValues(agreement: AgreementRow, { input, responsible, performer, costBearer }: PreparedRule): RuleValues {
  const strangers = (input.municipalityCodes ?? []).filter((code) => !agreement.municipalityCodes.includes(code));
  if (strangers.length) throw new BadUserInputError(`rule.municipalityCodes: ${strangers.join(', ')} not party to the agreement`, 'rule.municipalityCodes');
  const validFrom = input.validFrom ?? agreement.validFrom;
  const validTo = input.validTo ?? agreement.validTo;
  if (validFrom < agreement.validFrom || (agreement.validTo && validFrom > agreement.validTo)) {
    throw new BadUserInputError(`rule.validFrom: the rule must start within its agreement's period (from ${agreement.validFrom})`, 'rule.validFrom');
  }
  if ((validTo && validTo < validFrom) || (agreement.validTo && (!validTo || validTo > agreement.validTo))) {
    throw new BadUserInputError(`rule.validTo: the rule must end within its agreement's period${agreement.validTo ? ` (by ${agreement.validTo})` : ''} and not before it starts`, 'rule.validTo');
  }
  const nonEmpty = <T>(values: T[] | null | undefined) => (values && values.length ? [...new Set(values)] : null);
  return {
    agreementId: agreement.id,
    interventionCode: input.interventionCode ?? null,
    interventionGroup: input.interventionGroup ?? null,
    careLevels: nonEmpty(input.careLevels),
    housingForms: nonEmpty(input.housingForms),
    enrolledInHomeHealthCare: input.enrolledInHomeHealthCare ?? null,
    ageMin: input.ageMin ?? null,
    ageMax: input.ageMax ?? null,
    professions: nonEmpty(input.professions),
    municipalityCodes: nonEmpty(input.municipalityCodes),
    responsibleRole: responsible.role,
    responsibleOrganisationId: responsible.organisationId,
    performerRole: performer?.role ?? null,
    performerOrganisationId: performer?.organisationId ?? null,
    performerCareLevel: input.performerCareLevel ?? null,
    costBearerRole: costBearer.role,
    costBearerOrganisationId: costBearer.organisationId,
    note: optionalText(input.note, 'rule.note', 2000),
    sourceReference: optionalText(input.sourceReference, 'rule.sourceReference', 500),
    validFrom,
    validTo,
  };
}

/** CONFLICT when the rule would make some case resolve to two answers within its agreement. */
function assertNoConflict({ catalogue }: PreparedRule, existing: RuleRow[], id: string, values: RuleValues) {
  const candidate = ruleFacts({ ...values, id, regionId: '' });
  const other = findConflictingRule(existing.map(ruleFacts), candidate, catalogue);
  if (other) {
    const note = existing.find((r) => r.id === other.id)?.note;
    throw new ConflictError(ConflictReason.DUPLICATE, `rule: overlaps rule ${other.id}${note ? ` ("${note}")` : ''}, which answers some of the same cases differently`, 'rule', {
      conflictingRuleId: other.id,
    });
  }
}

export async function createRule(access: Access, agreementId: string, input: ResponsibilityRuleInput) {
  const prepared = await prepareRule(access, input);
  return access.responsibility.editing(async (tx, log) => {
    const { agreement, rules } = await access.responsibility.lockAgreement(tx, agreementId, 'agreementId');
    const values = ruleValues(agreement, prepared);
    assertNoConflict(prepared, rules, 'new rule', values);
    const id = await access.responsibility.insertRule(tx, values);
    await log({ agreementId, ruleId: id, action: 'responsibilityRuleCreate', before: null, after: values });
    return id;
  });
}

export async function updateRule(access: Access, id: string, input: ResponsibilityRuleInput) {
  const prepared = await prepareRule(access, input);
  return access.responsibility.editing(async (tx, log) => {
    const { agreement, rules, current } = await access.responsibility.lockRule(tx, id);
    const values = ruleValues(agreement, prepared);
    assertNoConflict(prepared, rules, id, values);
    const { agreementId: _a, ...columns } = values;
    await access.responsibility.updateRule(tx, id, columns);
    await log({ agreementId: agreement.id, ruleId: id, action: 'responsibilityRuleUpdate', before: current, after: values });
    return agreement.id;
  });
}

export function deleteRule(access: Access, id: string) {
  return access.responsibility.editing(async (tx, log) => {
    const { agreement, current } = await access.responsibility.lockRule(tx, id);
    await access.responsibility.deleteRule(tx, id);
    await log({ agreementId: agreement.id, ruleId: id, action: 'responsibilityRuleDelete', before: current, after: null });
    return agreement.id;
  });
}

async function partiesArg(access: Access, ids: string[]): Promise<string[]> {
  const viewer = access.requireViewer();
  const unique = [...new Set(ids)];
  const organisations = await Promise.all(unique.map((id) => (isUuid(id) ? access.reference.organisation(id) : null)));
  // Parties are principals of the editor's own region: another region's organisation is refused as an unknown id.
  const missing = unique.findIndex((_, i) => organisations[i]?.regionId !== viewer.regionId);
  if (missing >= 0) throw new BadUserInputError(`partyOrganisationIds: no organisation with id ${unique[missing]} in your region`, 'partyOrganisationIds');
  const own = organisations;
  if (!own.some((o) => o!.kind === OrganisationKind.REGION) || !own.some((o) => o!.kind === OrganisationKind.MUNICIPALITY)) {
    throw new BadUserInputError("partyOrganisationIds: an agreement is between your region's principal and at least one of its municipalities", 'partyOrganisationIds');
  }
  return unique;
}

export async function createAgreement(access: Access, input: AgreementCreateInput) {
  if (input.validTo && input.validTo < input.validFrom) throw new BadUserInputError('validTo must not be before validFrom', 'validTo');
  const parties = await partiesArg(access, input.partyOrganisationIds);
  return access.responsibility.editing(async (tx, log) => {
    const values = {
      title: titleArg(input.title),
      scenario: input.scenario,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      sourceDocument: optionalText(input.sourceDocument, 'sourceDocument', 500),
      sourceDate: input.sourceDate ?? null,
      example: input.example ?? false,
    };
    const id = await access.responsibility.insertAgreement(tx, values, parties);
    await log({ agreementId: id, ruleId: null, action: 'agreementCreate', before: null, after: { ...values, parties } });
    return id;
  });
}

/** A new version from `validFrom`: the old one ends the day before and is superseded; parties and rules carry over. */
export function newAgreementVersion(access: Access, input: AgreementNewVersionInput) {
  return access.responsibility.editing(async (tx, log) => {
    const { agreement: old, rules } = await access.responsibility.lockAgreement(tx, input.agreementId, 'agreementId');
    if (old.status !== AgreementStatus.ACTIVE) {
      // A superseded version means the caller read an older version of the series; a withdrawn one is over.
      const reason = old.status === AgreementStatus.SUPERSEDED ? ConflictReason.STALE_VERSION : ConflictReason.ILLEGAL_STATE;
      throw new ConflictError(reason, `The agreement is ${old.status}: supersede its newest version`, 'agreementId');
    }
    if (input.validFrom <= old.validFrom || (old.validTo && input.validFrom > old.validTo)) {
      throw new BadUserInputError(`validFrom must fall after ${old.validFrom}${old.validTo ? ` and by ${old.validTo}` : ''}`, 'validFrom');
    }
    const parties = await access.responsibility.partyIdsIn(tx, old.id);
    const id = await access.responsibility.insertAgreement(
      tx,
      {
        title: input.title ? titleArg(input.title) : old.title,
        scenario: old.scenario,
        validFrom: input.validFrom,
        validTo: old.validTo,
        sourceDocument: input.sourceDocument !== undefined ? optionalText(input.sourceDocument, 'sourceDocument', 500) : old.sourceDocument,
        sourceDate: input.sourceDate !== undefined ? input.sourceDate : old.sourceDate,
        example: old.example,
        seriesId: old.seriesId,
        version: old.version + 1,
        supersedesId: old.id,
      },
      parties,
    );
    const ending = dayBefore(input.validFrom);
    await access.responsibility.endVersion(tx, old.id, ending);
    for (const rule of rules.filter((r) => !r.validTo || r.validTo >= input.validFrom)) {
      const { id: _id, regionId: _r, ...values } = rule;
      await access.responsibility.insertRule(tx, { ...values, agreementId: id, validFrom: rule.validFrom > input.validFrom ? rule.validFrom : input.validFrom });
    }
    await log({ agreementId: old.id, ruleId: null, action: 'agreementSupersede', before: { status: old.status, validTo: old.validTo }, after: { status: 'SUPERSEDED', validTo: ending, supersededBy: id } });
    await log({ agreementId: id, ruleId: null, action: 'agreementNewVersion', before: null, after: { version: old.version + 1, validFrom: input.validFrom, supersedes: old.id } });
    return id;
  });
}

export function updateAgreement(access: Access, input: AgreementUpdateInput) {
  return access.responsibility.editing(async (tx, log) => {
    const { agreement, rules } = await access.responsibility.lockAgreement(tx, input.id, 'id');
    const patch: Parameters<typeof access.responsibility.updateAgreement>[2] = {};
    if (input.title !== undefined) patch.title = titleArg(input.title ?? '');
    if (input.status !== undefined) {
      if (input.status === null) throw new BadUserInputError('status cannot be removed', 'status');
      patch.status = input.status;
    }
    if (input.validTo !== undefined) {
      if (input.validTo !== null && input.validTo < agreement.validFrom) throw new BadUserInputError('validTo must not be before validFrom', 'validTo');
      if (input.validTo !== null && rules.some((r) => !r.validTo || r.validTo > input.validTo!)) {
        throw new BadUserInputError("validTo: some rules run past that day; end them first, so no rule lies outside its agreement's period", 'validTo');
      }
      patch.validTo = input.validTo;
    }
    if (input.sourceDocument !== undefined) patch.sourceDocument = optionalText(input.sourceDocument, 'sourceDocument', 500);
    if (input.sourceDate !== undefined) patch.sourceDate = input.sourceDate;
    await access.responsibility.updateAgreement(tx, agreement.id, patch);
    await log({ agreementId: agreement.id, ruleId: null, action: 'agreementUpdate', before: agreement, after: patch });
    return agreement.id;
  });
}
