import { OrganisationKind } from '../../domain/enums';
import { SipContentItem, SipEvent, SipParticipantBasis, SipParticipantKind, SipStatus } from '../../domain/sip';
import { decideSipChange, sipContentOf, SipPlanFacts, SipPlanParticipant } from '../../domain/sip-change';

const K = OrganisationKind;
const MUNICIPALITY = 'org-municipality';
const REGION = 'org-region';
const INSURANCE = 'org-insurance';
const TODAY = '2026-03-10';

const organisation = (id: string, organisationId: string, organisationKind: OrganisationKind, basis: SipParticipantBasis, contactName: string | null = 'Kontakt'): SipPlanParticipant => ({
  id,
  kind: SipParticipantKind.ORGANISATION,
  organisationId,
  organisationKind,
  basis,
  contactName,
});

/** A plan called by the municipality with the region and, on the person's consent, Försäkringskassan: complete, so it may be activated. */
function plan(overrides: Partial<SipPlanFacts> = {}): SipPlanFacts {
  return {
    status: SipStatus.CALLED,
    version: 4,
    overallResponsibleOrganisationId: MUNICIPALITY,
    personGoals: 'Klara morgonen själv',
    personOwnActions: null,
    nextFollowUpDate: '2026-03-24',
    participants: [
      organisation('p-municipality', MUNICIPALITY, K.MUNICIPALITY, SipParticipantBasis.INITIATOR),
      organisation('p-region', REGION, K.REGION, SipParticipantBasis.PRINCIPAL),
      organisation('p-insurance', INSURANCE, K.STATE_AGENCY, SipParticipantBasis.SIP_CONSENT),
      { id: 'p-person', kind: SipParticipantKind.PERSON, organisationId: null, organisationKind: null, basis: null, contactName: null },
      { id: 'p-relative', kind: SipParticipantKind.RELATIVE, organisationId: null, organisationKind: null, basis: null, contactName: 'Dottern' },
    ],
    interventions: [
      { description: 'Hemrehabilitering', responsibleOrganisationId: MUNICIPALITY, responsibleKind: K.MUNICIPALITY, dueDate: null },
      { description: 'Läkemedelsgenomgång', responsibleOrganisationId: REGION, responsibleKind: K.REGION, dueDate: null },
      { description: 'Arbetsträning', responsibleOrganisationId: INSURANCE, responsibleKind: K.STATE_AGENCY, dueDate: null },
    ],
    meetings: [{ id: 'm-1', heldAt: new Date('2026-03-09T09:00:00Z') }],
    ...overrides,
  };
}

const by = (organisationId: string) => ({ organisationId, version: 4, today: TODAY });

describe('decideSipChange', () => {
  it('lets a principal make a change and leaves the status alone without events', () => {
    expect(decideSipChange(plan(), by(REGION))).toEqual({ ok: true, status: SipStatus.CALLED, meeting: null, participant: null });
  });

  it('refuses a participant there on the person consent any change but its own contact details', () => {
    expect(decideSipChange(plan(), by(INSURANCE))).toMatchObject({ ok: false, code: 'FORBIDDEN', field: 'sipId' });
    expect(decideSipChange(plan(), { ...by(INSURANCE), contactOf: 'p-insurance' })).toMatchObject({ ok: true, participant: { id: 'p-insurance' } });
    expect(decideSipChange(plan(), { ...by(INSURANCE), contactOf: 'p-region' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      field: 'participantId',
      message: "participantId: you keep your own organisation's contact details, not another's",
    });
  });

  it("lets a principal change anyone's contact details, a relative's included, but not the person's", () => {
    expect(decideSipChange(plan(), { ...by(MUNICIPALITY), contactOf: 'p-insurance' })).toMatchObject({ ok: true, participant: { id: 'p-insurance' } });
    expect(decideSipChange(plan(), { ...by(MUNICIPALITY), contactOf: 'p-relative' })).toMatchObject({ ok: true, participant: { id: 'p-relative' } });
    for (const contactOf of ['p-person', 'p-unknown']) {
      expect(decideSipChange(plan(), { ...by(MUNICIPALITY), contactOf })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: 'participantId' });
    }
  });

  it('refuses a stale version before a final status, and a final status before the transition', () => {
    expect(decideSipChange(plan(), { ...by(REGION), version: 3 })).toEqual({
      ok: false,
      code: 'STALE_VERSION',
      field: 'version',
      message: 'version: the SIP is at version 4, not 3; read it again and retry',
    });
    expect(decideSipChange(plan({ status: SipStatus.CLOSED }), { ...by(REGION), version: 3 })).toMatchObject({ code: 'STALE_VERSION' });
    expect(decideSipChange(plan({ status: SipStatus.CANCELLED }), { ...by(REGION), events: [SipEvent.CALL] })).toEqual({
      ok: false,
      code: 'ILLEGAL_STATE',
      field: 'sipId',
      message: 'sipId: the SIP is CANCELLED and can no longer change',
    });
  });

  it('names the illegal transition', () => {
    expect(decideSipChange(plan({ status: SipStatus.DRAFT }), { ...by(REGION), events: [SipEvent.ACTIVATE] })).toEqual({
      ok: false,
      code: 'ILLEGAL_STATE',
      field: 'sipId',
      message: 'sipId: cannot ACTIVATE a SIP in status DRAFT',
    });
  });

  it('activates a complete plan at one of its meetings', () => {
    expect(decideSipChange(plan(), { ...by(MUNICIPALITY), events: [SipEvent.ACTIVATE], meeting: { id: 'm-1', field: 'meetingId' } })).toEqual({
      ok: true,
      status: SipStatus.ACTIVE,
      meeting: { id: 'm-1', heldAt: new Date('2026-03-09T09:00:00Z') },
      participant: null,
    });
  });

  it('refuses a meeting the plan does not have, naming the field', () => {
    expect(decideSipChange(plan(), { ...by(MUNICIPALITY), events: [SipEvent.ACTIVATE], meeting: { id: 'm-2', field: 'meetingId' } })).toEqual({
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'meetingId',
      message: 'meetingId: no meeting of this plan with that id; record it first (sipMeetingRecord)',
    });
  });

  it('refuses to activate an incomplete plan, listing every problem with the field of the first', () => {
    const decision = decideSipChange(plan({ personGoals: ' ', nextFollowUpDate: null }), { ...by(MUNICIPALITY), events: [SipEvent.ACTIVATE] });
    expect(decision).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: 'personGoals' });
    if (decision.ok) return;
    expect(decision.problems!.map((p) => p.item)).toEqual([SipContentItem.PERSON_GOALS, SipContentItem.NEXT_FOLLOW_UP]);
    expect(decision.message).toMatch(/^The plan cannot be activated; it lacks: PERSON_GOALS \(.*\); NEXT_FOLLOW_UP \(/);
  });

  it('keeps a running plan complete: a content change that would take away what activation required is refused', () => {
    const running = plan({ status: SipStatus.ACTIVE });
    expect(decideSipChange(running, { ...by(REGION), content: { personGoals: null } })).toMatchObject({
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'personGoals',
      message: expect.stringMatching(/^The plan is running and would lack: PERSON_GOALS/),
    });
    expect(decideSipChange(running, { ...by(REGION), content: { personGoals: 'Gå till affären' } })).toMatchObject({ ok: true });
    // A plan not yet running may be incomplete.
    expect(decideSipChange(plan(), { ...by(REGION), content: { personGoals: null } })).toMatchObject({ ok: true });
  });

  it('records a follow-up from ACTIVE in one step, and from FOLLOW_UP; the plan goes on or closes', () => {
    for (const status of [SipStatus.ACTIVE, SipStatus.FOLLOW_UP]) {
      expect(decideSipChange(plan({ status }), { ...by(REGION), followUp: { continues: true } })).toMatchObject({ ok: true, status: SipStatus.ACTIVE });
      expect(decideSipChange(plan({ status }), { ...by(REGION), followUp: { continues: false } })).toMatchObject({ ok: true, status: SipStatus.CLOSED });
    }
    expect(decideSipChange(plan(), { ...by(REGION), followUp: { continues: true } })).toMatchObject({ ok: false, code: 'ILLEGAL_STATE', message: 'sipId: cannot RESUME a SIP in status CALLED' });
  });

  it('records a meeting only once it has been called', () => {
    expect(decideSipChange(plan({ status: SipStatus.DRAFT }), { ...by(REGION), recordsMeeting: true })).toEqual({
      ok: false,
      code: 'ILLEGAL_STATE',
      field: 'sipId',
      message: 'sipId: the SIP meeting has not been called yet (sipCall)',
    });
    expect(decideSipChange(plan(), { ...by(REGION), recordsMeeting: true })).toMatchObject({ ok: true });
  });
});

describe('sipContentOf', () => {
  it('reads the participating organisations only, and applies the patch', () => {
    const content = sipContentOf(plan(), { personGoals: 'Nytt mål' });
    expect(content.participants.map((p) => p.organisationId)).toEqual([MUNICIPALITY, REGION, INSURANCE]);
    expect(content.personGoals).toBe('Nytt mål');
    expect(content.interventions).toHaveLength(3);
  });
});
