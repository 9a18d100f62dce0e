/**
 * A SIP through the API from creation to activation, for tests that need a running plan: the
 * municipality starts it with the region's vårdcentral, fills in what activation requires, calls
 * the meeting, records it with everyone present and activates the plan. `step` sends one SIP
 * mutation (its name, its input type, its input) and answers the plan with at least
 * `id version participants { id } meetings { id }`; each test sends and checks it its own way.
 */
export type SipStep = (mutation: string, inputType: string, input: Record<string, unknown>) => Promise<any>;

export async function sipThroughActivation(
  step: SipStep,
  plan: { patientId: string; municipalityId: string; regionId: string; careUnitId: string; meetingPlace: string },
): Promise<any> {
  const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);
  let sip = await step('sipCreate', 'SipCreateInput', {
    patientId: plan.patientId,
    contact: { name: 'Maja Biståndshandläggare' },
    participants: [{ organisationId: plan.regionId, careUnitId: plan.careUnitId, contact: { name: 'Vera Vårdkontakt' } }],
  });
  sip = await step('sipContentUpdate', 'SipContentUpdateInput', {
    sipId: sip.id,
    version: sip.version,
    personGoals: 'Klara morgonen själv',
    overallResponsibleOrganisationId: plan.municipalityId,
    nextFollowUpDate: inDays(14),
    interventions: [
      { description: 'Hemrehabilitering', responsibleOrganisationId: plan.municipalityId },
      { description: 'Läkemedelsgenomgång', responsibleOrganisationId: plan.regionId },
    ],
  });
  const meetingAt = new Date().toISOString();
  sip = await step('sipCall', 'SipCallInput', { sipId: sip.id, version: sip.version, meetingAt, meetingPlace: plan.meetingPlace });
  sip = await step('sipMeetingRecord', 'SipMeetingRecordInput', {
    sipId: sip.id,
    version: sip.version,
    heldAt: meetingAt,
    place: plan.meetingPlace,
    presentParticipantIds: sip.participants.map((p: { id: string }) => p.id),
  });
  return step('sipActivate', 'SipActivateInput', { sipId: sip.id, version: sip.version, meetingId: sip.meetings[0].id });
}
