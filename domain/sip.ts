/**
 * Coordinated individual plan (SIP, samordnad individuell plan; HSL 16 kap 4 §, SoL 2 kap 7 §).
 * Either principal's judgement obliges both; the plan needs the person's consent and states which
 * interventions are needed, who does what and which principal has overall responsibility.
 */
import { consentCoversPurpose, PurposedConsentFacts } from './consent';
import { ConsentPurpose, DataCategory, OrganisationKind } from './enums';
import { parameterOn } from './rule-parameters';

export enum SipStatus {
  DRAFT = 'DRAFT',
  CALLED = 'CALLED',
  ACTIVE = 'ACTIVE',
  FOLLOW_UP = 'FOLLOW_UP',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

export enum SipEvent {
  CALL = 'CALL',
  ACTIVATE = 'ACTIVATE',
  START_FOLLOW_UP = 'START_FOLLOW_UP',
  RESUME = 'RESUME',
  CLOSE = 'CLOSE',
  CANCEL = 'CANCEL',
}

const TRANSITIONS: Partial<Record<SipStatus, Partial<Record<SipEvent, SipStatus>>>> = {
  [SipStatus.DRAFT]: { [SipEvent.CALL]: SipStatus.CALLED, [SipEvent.CANCEL]: SipStatus.CANCELLED },
  // The plan is agreed at the meeting the call-out names; the caller also checks sipActivationProblems.
  [SipStatus.CALLED]: { [SipEvent.ACTIVATE]: SipStatus.ACTIVE, [SipEvent.CANCEL]: SipStatus.CANCELLED },
  [SipStatus.ACTIVE]: {
    [SipEvent.START_FOLLOW_UP]: SipStatus.FOLLOW_UP,
    // A plan whose goals are met may close without a formal follow-up meeting.
    [SipEvent.CLOSE]: SipStatus.CLOSED,
    [SipEvent.CANCEL]: SipStatus.CANCELLED,
  },
  [SipStatus.FOLLOW_UP]: {
    // The follow-up found the plan still needed: it goes on, with a new follow-up date.
    [SipEvent.RESUME]: SipStatus.ACTIVE,
    [SipEvent.CLOSE]: SipStatus.CLOSED,
    [SipEvent.CANCEL]: SipStatus.CANCELLED,
  },
};

export type SipTransitionResult = { ok: true; status: SipStatus } | { ok: false; message: string };

export function sipTransition(status: SipStatus, event: SipEvent): SipTransitionResult {
  const next = TRANSITIONS[status]?.[event];
  return next === undefined ? { ok: false, message: `cannot ${event} a SIP in status ${status}` } : { ok: true, status: next };
}

/** The events `sipTransition` accepts in `status`, in the order SipEvent declares them. */
export function allowedSipEvents(status: SipStatus): SipEvent[] {
  const events = TRANSITIONS[status] ?? {};
  return Object.values(SipEvent).filter((event) => event in events);
}

export function isSipFinal(status: SipStatus): boolean {
  return status === SipStatus.CLOSED || status === SipStatus.CANCELLED;
}

/** How a participant of a SIP takes part: an organisation, the person, or a relative. */
export enum SipParticipantKind {
  ORGANISATION = 'ORGANISATION',
  PERSON = 'PERSON',
  RELATIVE = 'RELATIVE',
}

/** Why an organisation may take part. */
export enum SipParticipantBasis {
  /** It called the plan. */
  INITIATOR = 'INITIATOR',
  /** A region or municipality: the law obliges both principals once the person consents to the plan. */
  PRINCIPAL = 'PRINCIPAL',
  /** Anyone else: the person's SIP consent from the inviting organisation to it. */
  SIP_CONSENT = 'SIP_CONSENT',
}

/** The two principals the law obliges to draw up a SIP together. */
const isPrincipal = (kind: OrganisationKind) => kind === OrganisationKind.REGION || kind === OrganisationKind.MUNICIPALITY;
const isBlank = (text: string | null) => text === null || text.trim() === '';
const unique = (ids: string[]) => [...new Set(ids)];

export interface SipIntervention {
  description: string;
  responsibleOrganisationId: string;
  responsibleKind: OrganisationKind;
  /** "Who does what by when": good practice, not required. */
  dueDate: string | null;
}

export interface SipParticipant {
  organisationId: string;
  organisationKind: OrganisationKind;
  contactName: string | null;
}

export interface SipContent {
  interventions: readonly SipIntervention[];
  overallResponsibleOrganisationId: string | null;
  /** The person's own goals, in their own words. */
  personGoals: string | null;
  /** What the person does themselves: recorded, not required (there may be nothing). */
  personOwnActions: string | null;
  /** Participating organisations. */
  participants: readonly SipParticipant[];
  nextFollowUpDate: string | null;
}

/**
 * What a plan must state before it is activated: the law's items, plus the good practice the
 * platform enforces (own goals, contact persons, a follow-up date, since follow-up is what audits
 * find skipped). Declared in the order problems are reported.
 */
export enum SipContentItem {
  INTERVENTIONS = 'INTERVENTIONS',
  /** Every intervention is done by an organisation that takes part in the plan. */
  INTERVENTION_RESPONSIBLE_NOT_PARTICIPATING = 'INTERVENTION_RESPONSIBLE_NOT_PARTICIPATING',
  PRINCIPAL_RESPONSIBILITIES = 'PRINCIPAL_RESPONSIBILITIES',
  OTHERS_RESPONSIBILITIES = 'OTHERS_RESPONSIBILITIES',
  OVERALL_RESPONSIBILITY = 'OVERALL_RESPONSIBILITY',
  PERSON_GOALS = 'PERSON_GOALS',
  CONTACT_PERSONS = 'CONTACT_PERSONS',
  NEXT_FOLLOW_UP = 'NEXT_FOLLOW_UP',
}

export interface SipContentProblem {
  item: SipContentItem;
  /** The SipContent field to correct. */
  field: keyof SipContent;
  message: string;
}

type Check = (content: SipContent, today: string) => Omit<SipContentProblem, 'item'> | null;

const CHECKS: Record<SipContentItem, Check> = {
  [SipContentItem.INTERVENTIONS]: ({ interventions }) => {
    if (interventions.length === 0) return { field: 'interventions', message: 'a SIP must state at least one intervention' };
    return interventions.some((intervention) => isBlank(intervention.description))
      ? { field: 'interventions', message: 'every intervention must say what is to be done' }
      : null;
  },
  [SipContentItem.INTERVENTION_RESPONSIBLE_NOT_PARTICIPATING]: ({ interventions, participants }) => {
    const participating = new Set(participants.map((participant) => participant.organisationId));
    const outside = unique(interventions.map((i) => i.responsibleOrganisationId).filter((id) => !participating.has(id)));
    return outside.length === 0
      ? null
      : { field: 'interventions', message: `interventions are assigned to organisations that do not take part: ${outside.join(', ')}` };
  },
  [SipContentItem.PRINCIPAL_RESPONSIBILITIES]: ({ interventions }) => {
    const missing = [OrganisationKind.REGION, OrganisationKind.MUNICIPALITY].filter(
      (kind) => !interventions.some((intervention) => intervention.responsibleKind === kind),
    );
    return missing.length === 0
      ? null
      : { field: 'interventions', message: `a SIP must state what each principal is responsible for: no intervention is assigned to a ${missing.join(' or a ')}` };
  },
  [SipContentItem.OTHERS_RESPONSIBILITIES]: ({ interventions, participants }) => {
    const idle = participants
      .filter((participant) => !isPrincipal(participant.organisationKind))
      .map((participant) => participant.organisationId)
      .filter((id) => !interventions.some((intervention) => intervention.responsibleOrganisationId === id));
    return idle.length === 0 ? null : { field: 'interventions', message: `a SIP must state what others do: no intervention for ${idle.join(', ')}` };
  },
  [SipContentItem.OVERALL_RESPONSIBILITY]: ({ overallResponsibleOrganisationId: overall, participants }) => {
    if (overall === null) return { field: 'overallResponsibleOrganisationId', message: 'a SIP must name the principal with overall responsibility' };
    return participants.some((participant) => participant.organisationId === overall && isPrincipal(participant.organisationKind))
      ? null
      : { field: 'overallResponsibleOrganisationId', message: `overall responsibility must lie with a participating region or municipality, not ${overall}` };
  },
  [SipContentItem.PERSON_GOALS]: ({ personGoals }) =>
    isBlank(personGoals) ? { field: 'personGoals', message: "the person's own goals, in their own words, are missing" } : null,
  [SipContentItem.CONTACT_PERSONS]: ({ participants }) => {
    const without = participants.filter((participant) => isBlank(participant.contactName)).map((participant) => participant.organisationId);
    return without.length === 0 ? null : { field: 'participants', message: `every organisation needs a contact person: none for ${without.join(', ')}` };
  },
  [SipContentItem.NEXT_FOLLOW_UP]: ({ nextFollowUpDate }, today) => {
    if (nextFollowUpDate === null) return { field: 'nextFollowUpDate', message: 'a SIP must have a follow-up date' };
    const problem = followUpDateProblem(nextFollowUpDate, today);
    return problem === null ? null : { field: 'nextFollowUpDate', message: problem };
  },
};

/** Everything that keeps `content` from being activated on `today`, at most one problem per item, in SipContentItem's order. Empty: it may be activated. */
export function sipActivationProblems(content: SipContent, today: string): SipContentProblem[] {
  return Object.values(SipContentItem).flatMap((item) => {
    const problem = CHECKS[item](content, today);
    return problem === null ? [] : [{ item, ...problem }];
  });
}

/** When a consent is weighed: the instant and its local date in the region. */
export interface SipConsentMoment {
  consents: readonly PurposedConsentFacts[];
  at: Date;
  onDate: string; // local date of `at`
}

export interface SipInvitationFacts extends SipConsentMoment {
  invitingOrganisationId: string;
  /** The person's own principals: the region the person lives in and the home municipality. */
  personsPrincipalIds: readonly string[];
}

/** The person's consent for SIP from one organisation to another covers the plan itself, valid on the day and not revoked. */
export function sipConsentFrom(fromOrganisationId: string, toOrganisationId: string, moment: SipConsentMoment): boolean {
  return consentCoversPurpose(moment.consents, {
    purpose: ConsentPurpose.SIP,
    category: DataCategory.CARE_AND_REHAB_PLAN,
    fromOrganisationId,
    toOrganisationId,
    at: moment.at,
    onDate: moment.onDate,
  });
}

/**
 * Whether an organisation may be invited to the plan; null when it may. The person's own region
 * and home municipality may always take part: the law obliges them, and the person's consent to
 * the plan is its precondition. Anyone else (another municipality, Försäkringskassan, an employer,
 * …) only under the person's consent for SIP from the inviting organisation to it.
 */
export function sipParticipantProblem(participant: Pick<SipParticipant, 'organisationId' | 'organisationKind'>, facts: SipInvitationFacts): string | null {
  if (isPrincipal(participant.organisationKind) && facts.personsPrincipalIds.includes(participant.organisationId)) return null;
  return sipConsentFrom(facts.invitingOrganisationId, participant.organisationId, facts)
    ? null
    : `${participant.organisationId} (${participant.organisationKind}) may take part only with the person's valid SIP consent from ${facts.invitingOrganisationId} to it`;
}

/**
 * Whether an organisation that joined under the person's consent still may take part: some
 * principal of the plan (its caller, the person's region or municipality) holds the person's SIP
 * consent to it. When none does, because the person withdrew it, the organisation leaves the plan.
 */
export function sipConsentStillHolds(organisationId: string, principalIds: readonly string[], moment: SipConsentMoment): boolean {
  return principalIds.some((principalId) => sipConsentFrom(principalId, organisationId, moment));
}

/**
 * Whether the person's consent to the plan itself still holds ("no consent, no SIP"): some
 * principal of the plan holds the person's SIP consent to a principal of the other kind in it, the
 * region to the municipality or the other way. When none does, because the person withdrew it, the
 * plan can go on no longer.
 */
export function sipConsentToPlanHolds(principals: readonly Pick<SipParticipant, 'organisationId' | 'organisationKind'>[], moment: SipConsentMoment): boolean {
  return principals.some((from) => principals.some((to) => to.organisationKind !== from.organisationKind && sipConsentFrom(from.organisationId, to.organisationId, moment)));
}

/** Relatives may take part unless the person objects. */
export function relativeMayTakePart(personObjects: boolean): boolean {
  return !personObjects;
}

/** A follow-up date ('YYYY-MM-DD') must not lie in the past; today is fine. Null when fine. */
export function followUpDateProblem(date: string, today: string): string | null {
  return date < today ? `the follow-up date ${date} is before today (${today})` : null;
}

/** Follow-ups due before today and not done: the step audits find skipped. Due today is not yet overdue. */
export function overdueFollowUps<T extends { dueDate: string; doneAt: Date | null }>(items: readonly T[], today: string): T[] {
  return items.filter((item) => item.doneAt === null && item.dueDate < today);
}

/** Done on or before its due date (local dates); early counts as on time. */
export function followedUpOnTime(dueDate: string, doneLocalDate: string): boolean {
  return doneLocalDate <= dueDate;
}

/** One version of a KVÅ code (Socialstyrelsen's classification of care measures). */
export interface KvaCode {
  code: string;
  title: string;
  validFrom: string;
  /** Last day it applies (inclusive); null while open-ended. */
  validTo: string | null;
}

/** The version of `code` valid on `onDate`; undefined when none is. */
export function kvaCodeOn(codes: readonly KvaCode[], code: string, onDate: string): KvaCode | undefined {
  // A code version is dated configuration without a region: the version that started last wins.
  const versions = codes.map((version) => ({ key: version.code, regionId: null, value: version, validFrom: version.validFrom, validTo: version.validTo }));
  return parameterOn<KvaCode>(versions, code, null, onDate);
}

/** What a KVÅ code records about a SIP. */
export enum SipKvaUse {
  ESTABLISH = 'ESTABLISH',
  FOLLOW_UP = 'FOLLOW_UP',
}

/** Which code each use is recorded with: configuration (Socialstyrelsen may renumber), never a constant here. */
export type SipKvaMapping = Readonly<Record<SipKvaUse, string>>;

export function kvaCodeFor(use: SipKvaUse, codes: readonly KvaCode[], onDate: string, mapping: SipKvaMapping): KvaCode | undefined {
  return kvaCodeOn(codes, mapping[use], onDate);
}
