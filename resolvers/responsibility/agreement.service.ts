import { randomUUID } from 'node:crypto';
import {
  AgreementUpdateDraft,
  decideAgreementCreate,
  decideAgreementUpdate,
  decideNewVersion,
  decideRuleCreate,
  decideRuleDelete,
  decideRuleUpdate,
  PartyCandidate,
  RuleDraft,
} from '../../domain/agreement-edits';
import { PrincipalRole } from '../../domain/enums';
import type { CatalogueEntry, PartyRef } from '../../domain/responsibility';
import { isUuid } from '../../domain/uuid';
import type { Access } from '../../server/access/access';
import { BadUserInputError } from '../../schema/common/errors';
import {
  AgreementCreateInput,
  AgreementNewVersionInput,
  AgreementUpdateInput,
  PartyRefInput,
  ResponsibilityRuleInput,
} from '../../schema/responsibility/responsibility.input';
import { optionalText, requiredText } from '../common/args';

/*
 * Edits of the responsibility map: this file parses the arguments and looks up what they name (the
 * catalogue, organisations) before the edit's transaction opens (with one pooled connection,
 * PGlite, nothing may read past the transaction); what the edit may do is decided in
 * domain/agreement-edits.ts, inside the store's transaction.
 */

const titleArg = (value: string) => requiredText(value, 'title', 300);

const sourceDocumentArg = (value: string | null | undefined) => optionalText(value, 'sourceDocument', 500);

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

/** The rule as written, with the catalogue it is checked against; fields are named `rule.…`. */
async function ruleArg(access: Access, input: ResponsibilityRuleInput): Promise<{ draft: RuleDraft; catalogue: CatalogueEntry[] }> {
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
  const nonEmpty = <T>(values: T[] | null | undefined) => (values && values.length ? [...new Set(values)] : null);
  const draft: RuleDraft = {
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
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
  };
  return { draft, catalogue };
}

/** The new rule's id. */
export async function createRule(access: Access, agreementId: string, input: ResponsibilityRuleInput): Promise<string> {
  const { draft, catalogue } = await ruleArg(access, input);
  const id = randomUUID();
  await access.responsibility.editAgreement(agreementId, 'agreementId', (editor, state) => decideRuleCreate(editor, state, draft, catalogue, id));
  return id;
}

/** The rule's agreement's id. */
export async function updateRule(access: Access, id: string, input: ResponsibilityRuleInput): Promise<string> {
  const { draft, catalogue } = await ruleArg(access, input);
  return (await access.responsibility.editRule(id, (editor, state) => decideRuleUpdate(editor, state, draft, catalogue))).agreementId;
}

/** The rule's agreement's id. */
export async function deleteRule(access: Access, id: string): Promise<string> {
  return (await access.responsibility.editRule(id, decideRuleDelete)).agreementId;
}

/** The named organisations, each once, as looked up (an id that is no UUID names none). */
async function partiesArg(access: Access, ids: string[]): Promise<PartyCandidate[]> {
  const unique = [...new Set(ids)];
  const organisations = await Promise.all(unique.map((id) => (isUuid(id) ? access.reference.organisation(id) : null)));
  return unique.map((id, i) => ({ id, organisation: organisations[i] ?? null }));
}

/** The new agreement's id. */
export async function createAgreement(access: Access, input: AgreementCreateInput): Promise<string> {
  const draft = {
    title: titleArg(input.title),
    scenario: input.scenario,
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
    sourceDocument: sourceDocumentArg(input.sourceDocument),
    sourceDate: input.sourceDate ?? null,
    example: input.example ?? false,
  };
  const parties = await partiesArg(access, input.partyOrganisationIds);
  const ids = { agreement: randomUUID(), series: randomUUID() };
  return (await access.responsibility.createAgreement((editor) => decideAgreementCreate(editor, draft, parties, ids))).agreementId;
}

/** The new version's id. */
export async function newAgreementVersion(access: Access, input: AgreementNewVersionInput): Promise<string> {
  const draft = {
    validFrom: input.validFrom,
    title: input.title ? titleArg(input.title) : undefined,
    sourceDocument: input.sourceDocument !== undefined ? sourceDocumentArg(input.sourceDocument) : undefined,
    sourceDate: input.sourceDate,
  };
  return (await access.responsibility.editAgreement(input.agreementId, 'agreementId', (editor, state) => decideNewVersion(editor, state, draft, randomUUID))).agreementId;
}

/** The agreement's id. */
export async function updateAgreement(access: Access, input: AgreementUpdateInput): Promise<string> {
  const draft: AgreementUpdateDraft = {};
  if (input.title !== undefined) draft.title = titleArg(input.title ?? '');
  if (input.status !== undefined) {
    if (input.status === null) throw new BadUserInputError('status cannot be removed', 'status');
    draft.status = input.status;
  }
  if (input.validTo !== undefined) draft.validTo = input.validTo;
  if (input.sourceDocument !== undefined) draft.sourceDocument = sourceDocumentArg(input.sourceDocument);
  if (input.sourceDate !== undefined) draft.sourceDate = input.sourceDate;
  return (await access.responsibility.editAgreement(input.id, 'id', (editor, state) => decideAgreementUpdate(editor, state, draft))).agreementId;
}
