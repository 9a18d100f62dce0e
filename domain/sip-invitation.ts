/**
 * Who may call a SIP and who may join it (HSL 16 kap 4 §, SoL 2 kap 7 §): the region or the
 * municipality calls it, with the other principal and the person's consent to the plan; anyone else
 * joins on the person's consent from the inviting organisation. Pure: the caller turns a refusal
 * into its coded error.
 */
import { OrganisationKind } from './enums';
import { SipInvitationFacts, sipConsentFrom, SipParticipantBasis, sipParticipantProblem } from './sip';

/** An organisation that calls or joins a plan, with its name for the messages. */
export interface SipInvitee {
  organisationId: string;
  organisationKind: OrganisationKind;
  name: string;
}

export interface SipInvitationRefusal {
  ok: false;
  code: 'FORBIDDEN' | 'BAD_USER_INPUT';
  field: string;
  message: string;
}

export type SipInvitationDecision = { ok: true; bases: SipParticipantBasis[] } | SipInvitationRefusal;

const isPrincipal = (kind: OrganisationKind) => kind === OrganisationKind.REGION || kind === OrganisationKind.MUNICIPALITY;
const otherPrincipal = (kind: OrganisationKind) => (kind === OrganisationKind.REGION ? OrganisationKind.MUNICIPALITY : OrganisationKind.REGION);

/** A SIP is called by a region or a municipality. */
export const mayCallSip = (kind: OrganisationKind): boolean => isPrincipal(kind);

/**
 * The basis on which each organisation joins, invited by `facts.invitingOrganisationId`: the
 * person's own region or municipality as a principal by law, anyone else on the person's SIP
 * consent to it (sipParticipantProblem). Refused, naming those without, in `field`.
 */
export function sipInvitation(joining: readonly SipInvitee[], facts: SipInvitationFacts, field: string): SipInvitationDecision {
  const refused = joining.filter((j) => sipParticipantProblem(j, facts) !== null);
  if (refused.length) {
    return {
      ok: false,
      code: 'FORBIDDEN',
      field,
      message: `${field}: ${refused.map((j) => j.name).join(', ')} may take part only with the person's consent: record one (purpose SIP, covering CARE_AND_REHAB_PLAN) from your organisation to it first`,
    };
  }
  return {
    ok: true,
    bases: joining.map((j) => (isPrincipal(j.organisationKind) && facts.personsPrincipalIds.includes(j.organisationId) ? SipParticipantBasis.PRINCIPAL : SipParticipantBasis.SIP_CONSENT)),
  };
}

/**
 * Whether a principal may start a plan with `joining` (the initiator not among them), in this
 * order: each organisation named once; the other principal takes part (region and municipality
 * make it together); the person consents to the plan (a SIP consent from the initiator to that
 * principal: "no consent, no SIP"); and each organisation's basis (sipInvitation).
 */
export function decideSipStart(initiator: SipInvitee, joining: readonly SipInvitee[], facts: SipInvitationFacts): SipInvitationDecision {
  if (new Set(joining.map((j) => j.organisationId)).size !== joining.length) {
    return { ok: false, code: 'BAD_USER_INPUT', field: 'participants', message: 'participants: an organisation is named twice' };
  }
  const other = otherPrincipal(initiator.organisationKind);
  const partners = joining.filter((j) => j.organisationKind === other);
  if (partners.length === 0) {
    return {
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'participants',
      message: `participants: a SIP is made by region and municipality together; name the ${other.toLowerCase()} that takes part`,
    };
  }
  const uncovered = partners.filter((p) => !sipConsentFrom(initiator.organisationId, p.organisationId, facts));
  if (uncovered.length) {
    return {
      ok: false,
      code: 'FORBIDDEN',
      field: 'patientId',
      message: `patientId: no consent, no SIP: the person has not consented to a SIP with ${uncovered.map((p) => p.name).join(', ')}; record the consent (purpose SIP, covering CARE_AND_REHAB_PLAN) first`,
    };
  }
  return sipInvitation(joining, facts, 'participants');
}
