/** What makes an organisation take part in a patient's case (a hand-off to it, a SIP it joins, …). */
export enum ParticipationSource {
  HANDOFF = 'HANDOFF',
  SIP = 'SIP',
  COORDINATION_CASE = 'COORDINATION_CASE',
  REHAB_PLAN = 'REHAB_PLAN',
  /** The provider of a payment commitment, from its issue until it is revoked. */
  PAYMENT_COMMITMENT = 'PAYMENT_COMMITMENT',
}
