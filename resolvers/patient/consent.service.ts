import { consentPeriodProblems } from '../../domain/consent';
import { decideEventTime } from '../../domain/event-time';
import { ConsentGivenBy } from '../../domain/enums';
import { PARAMETER } from '../../domain/rule-parameters';
import type { Access } from '../../server/access/access';
import { isUuid } from '../../domain/uuid';
import { BadUserInputError } from '../../schema/common/errors';
import { ConsentRecordInput, ConsentRevokeInput } from '../../schema/patient/consent.type';

export async function recordConsent(access: Access, input: ConsentRecordInput) {
  const viewer = access.patients.requirePatientRole();
  // The patient must be visible before anything about the input is answered.
  await access.patients.requireVisible(input.patientId, 'patientId');
  if (input.recipientOrganisationId === viewer.organisationId) {
    throw new BadUserInputError('recipientOrganisationId: a consent lets data flow to another organisation than your own', 'recipientOrganisationId');
  }
  const recipient = isUuid(input.recipientOrganisationId) ? await access.reference.organisation(input.recipientOrganisationId) : null;
  if (!recipient) throw new BadUserInputError(`recipientOrganisationId: no organisation with id ${input.recipientOrganisationId}`, 'recipientOrganisationId');
  const categories = [...new Set(input.categories)];
  if (categories.length === 0) throw new BadUserInputError('categories: name at least one category of data', 'categories');
  const givenBy = input.givenBy ?? ConsentGivenBy.PATIENT;
  const representativeName = input.representativeName?.trim() || null;
  if ((givenBy === ConsentGivenBy.REPRESENTATIVE) !== (representativeName !== null)) {
    throw new BadUserInputError('representativeName is required when, and only when, a representative gave the consent', 'representativeName');
  }
  const today = await access.today();
  const maxDays = await access.reference.parameter<number>(PARAMETER.CONSENT_MAX_VALIDITY_DAYS, today);
  const period = { validFrom: input.validFrom ?? today, validTo: input.validTo };
  const [problem] = consentPeriodProblems(period, today, maxDays);
  if (problem) throw new BadUserInputError(`${problem.field}: ${problem.message}`, problem.field);
  // A consent starts no case and follows no event of one: only the future and the look-back (today's) bound it.
  const lookBackDays = await access.reference.parameter<number>(PARAMETER.EVENTS_LOOK_BACK_DAYS, today);
  const given = decideEventTime('givenAt', input.givenAt ?? null, { now: access.now(), previousEventAt: null, lookBackDays });
  if (!given.ok) throw new BadUserInputError(given.message, given.field);
  return access.consents.record(
    { patientId: input.patientId, recipientOrganisationId: recipient.id, categories, purpose: input.purpose, givenBy, representativeName, givenAt: input.givenAt ? given.at : null, ...period },
  );
}

export function revokeConsent(access: Access, input: ConsentRevokeInput) {
  const reason = input.reason.trim();
  if (reason.length < 1 || reason.length > 500) throw new BadUserInputError('reason must have 1 to 500 characters', 'reason');
  return access.consents.revoke(input.id, reason);
}
