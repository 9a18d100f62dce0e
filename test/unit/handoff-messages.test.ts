import { OrganisationKind } from '../../domain/enums';
import { HandoffKind, HandoffState } from '../../domain/handoff';
import { decideMessage, HandoffMessageKind, HandoffSide, openingMessage, RecipientBasis, RecipientFacts, RoutingFacts, statutoryBasis } from '../../domain/handoff-messages';

const { ADMITTED, DISCHARGE_READY, PLANNING, DISCHARGED, SENT, ACCEPTED, COMPLETED, CANCELLED } = HandoffState;
const M = HandoffMessageKind;
const { SENDER, RECIPIENT } = HandoffSide;
const DISCHARGE = HandoffKind.DISCHARGE_FROM_INPATIENT;
const SENT_KINDS = [HandoffKind.REFERRAL, HandoffKind.TRANSFER_BETWEEN_LEVELS];
const DISCHARGE_STATES = [ADMITTED, DISCHARGE_READY, PLANNING, DISCHARGED, CANCELLED];
const SENT_STATES = [SENT, ACCEPTED, COMPLETED, CANCELLED];
const DISCHARGE_ONLY = [M.ADMISSION_NOTICE, M.DISCHARGE_READY_NOTICE, M.READINESS_INTERRUPTED, M.SIP_CALL_OUT, M.DISCHARGE_NOTICE];
const SENT_ONLY = [M.REFERRAL, M.ACCEPTANCE, M.COMPLETION];

/** A discharge whose admission notice has gone out, unless told otherwise. */
const discharge = (state: HandoffState, kind: HandoffMessageKind, side: HandoffSide, admissionNoticeSent = true) => decideMessage(DISCHARGE, state, kind, side, admissionNoticeSent);

describe('opening message', () => {
  it('opens a discharge with the admission notice and a referral or transfer with the referral', () => {
    expect(openingMessage(DISCHARGE)).toBe(M.ADMISSION_NOTICE);
    expect(openingMessage(HandoffKind.REFERRAL)).toBe(M.REFERRAL);
    expect(openingMessage(HandoffKind.TRANSFER_BETWEEN_LEVELS)).toBe(M.REFERRAL);
  });
});

describe('messages of a discharge', () => {
  it('makes the patient discharge-ready with the discharge-ready notice', () => {
    expect(discharge(ADMITTED, M.DISCHARGE_READY_NOTICE, SENDER)).toEqual({ ok: true, state: DISCHARGE_READY });
  });

  it('starts planning with the SIP call-out, from either side (the fast vårdkontakt is usually in primary care)', () => {
    expect(discharge(DISCHARGE_READY, M.SIP_CALL_OUT, RECIPIENT)).toEqual({ ok: true, state: PLANNING });
    expect(discharge(DISCHARGE_READY, M.SIP_CALL_OUT, SENDER)).toEqual({ ok: true, state: PLANNING });
  });

  it('keeps planning on a second SIP call-out (a new time for the meeting)', () => {
    expect(discharge(PLANNING, M.SIP_CALL_OUT, RECIPIENT)).toEqual({ ok: true, state: PLANNING });
    expect(discharge(PLANNING, M.SIP_CALL_OUT, SENDER)).toEqual({ ok: true, state: PLANNING });
  });

  it.each([DISCHARGE_READY, PLANNING])('takes the patient back to admitted when readiness is interrupted in %s', (state) => {
    expect(discharge(state, M.READINESS_INTERRUPTED, SENDER)).toEqual({ ok: true, state: ADMITTED });
  });

  it.each([DISCHARGE_READY, PLANNING])('discharges the patient with the discharge notice from %s', (state) => {
    expect(discharge(state, M.DISCHARGE_NOTICE, SENDER)).toEqual({ ok: true, state: DISCHARGED });
  });

  it.each([ADMITTED, DISCHARGE_READY, PLANNING])('cancels the discharge from %s', (state) => {
    expect(discharge(state, M.CANCELLATION, SENDER)).toEqual({ ok: true, state: CANCELLED });
  });

  it.each([ADMITTED, DISCHARGE_READY, PLANNING])('lets the sender send (again) an admission notice in %s without changing the state', (state) => {
    expect(discharge(state, M.ADMISSION_NOTICE, SENDER)).toEqual({ ok: true, state });
    // The flag only matters to the discharge-ready notice.
    expect(discharge(state, M.ADMISSION_NOTICE, SENDER, false)).toEqual({ ok: true, state });
  });

  it('refuses a discharge-ready notice before any admission notice, naming the ADMISSION_NOTICE', () => {
    const decision = discharge(ADMITTED, M.DISCHARGE_READY_NOTICE, SENDER, false);
    expect(decision).toMatchObject({ ok: false, code: 'CONFLICT', field: 'kind' });
    expect(decision.ok === false && decision.message).toContain('ADMISSION_NOTICE');
  });

  it.each([
    [DISCHARGED, M.DISCHARGE_NOTICE],
    [ADMITTED, M.DISCHARGE_NOTICE], // not discharge-ready yet
    [ADMITTED, M.SIP_CALL_OUT], // nothing to plan before the discharge-ready notice
    [ADMITTED, M.READINESS_INTERRUPTED],
    [DISCHARGE_READY, M.DISCHARGE_READY_NOTICE], // already discharge-ready
    [PLANNING, M.DISCHARGE_READY_NOTICE],
    [DISCHARGED, M.SIP_CALL_OUT],
    [DISCHARGED, M.READINESS_INTERRUPTED],
    [DISCHARGED, M.DISCHARGE_READY_NOTICE],
    [DISCHARGED, M.CANCELLATION],
    [CANCELLED, M.CANCELLATION],
    [CANCELLED, M.DISCHARGE_NOTICE],
  ])('refuses a transition that is not legal: in %s, a %s is a CONFLICT naming the state', (state, kind) => {
    // SIP call-outs may come from either side, the others only from the sender.
    const decision = discharge(state, kind, SENDER);
    expect(decision).toMatchObject({ ok: false, code: 'CONFLICT', field: 'kind' });
    expect(decision.ok === false && decision.message).toContain(state);
  });

  it.each([DISCHARGED, CANCELLED])('refuses an admission notice on a discharge in the final state %s', (state) => {
    const decision = discharge(state, M.ADMISSION_NOTICE, SENDER);
    expect(decision).toMatchObject({ ok: false, code: 'CONFLICT', field: 'kind' });
    expect(decision.ok === false && decision.message).toContain(state);
  });

  it.each([M.ADMISSION_NOTICE, M.DISCHARGE_READY_NOTICE, M.READINESS_INTERRUPTED, M.DISCHARGE_NOTICE, M.CANCELLATION])(
    'only lets the sender (the ward) send a %s: from a recipient it is FORBIDDEN',
    (kind) => {
      // PLANNING is a state in which each of them would otherwise be examined for its transition.
      const decision = discharge(PLANNING, kind, RECIPIENT);
      expect(decision).toMatchObject({ ok: false, code: 'FORBIDDEN', field: 'kind' });
      expect(decision.ok === false && decision.message).toContain(kind);
    },
  );

  it('decides the side before the state: a recipient sending a discharge notice on a discharged case is FORBIDDEN, not a CONFLICT', () => {
    expect(discharge(DISCHARGED, M.DISCHARGE_NOTICE, RECIPIENT)).toMatchObject({ ok: false, code: 'FORBIDDEN', field: 'kind' });
  });

  it.each(SENT_ONLY)('has no %s message: BAD_USER_INPUT on kind', (kind) => {
    for (const side of [SENDER, RECIPIENT]) {
      const decision = discharge(ADMITTED, kind, side);
      expect(decision).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: 'kind' });
      expect(decision.ok === false && decision.message).toContain(kind);
      expect(decision.ok === false && decision.message).toContain(DISCHARGE);
    }
  });
});

describe.each(SENT_KINDS)('messages of a %s', (handoffKind) => {
  const decide = (state: HandoffState, kind: HandoffMessageKind, side: HandoffSide) => decideMessage(handoffKind, state, kind, side, false);

  it('is accepted by the recipient and then completed by the recipient', () => {
    expect(decide(SENT, M.ACCEPTANCE, RECIPIENT)).toEqual({ ok: true, state: ACCEPTED });
    expect(decide(ACCEPTED, M.COMPLETION, RECIPIENT)).toEqual({ ok: true, state: COMPLETED });
  });

  it('lets the sender send the referral while it is open, without changing the state', () => {
    expect(decide(SENT, M.REFERRAL, SENDER)).toEqual({ ok: true, state: SENT });
    expect(decide(ACCEPTED, M.REFERRAL, SENDER)).toEqual({ ok: true, state: ACCEPTED });
  });

  it.each([SENT, ACCEPTED])('is cancelled by the sender from %s', (state) => {
    expect(decide(state, M.CANCELLATION, SENDER)).toEqual({ ok: true, state: CANCELLED });
  });

  it('only lets the recipient accept or complete, and only the sender refer or cancel: FORBIDDEN otherwise', () => {
    expect(decide(SENT, M.ACCEPTANCE, SENDER)).toMatchObject({ ok: false, code: 'FORBIDDEN', field: 'kind' });
    expect(decide(ACCEPTED, M.COMPLETION, SENDER)).toMatchObject({ ok: false, code: 'FORBIDDEN', field: 'kind' });
    expect(decide(SENT, M.REFERRAL, RECIPIENT)).toMatchObject({ ok: false, code: 'FORBIDDEN', field: 'kind' });
    expect(decide(SENT, M.CANCELLATION, RECIPIENT)).toMatchObject({ ok: false, code: 'FORBIDDEN', field: 'kind' });
  });

  it.each([
    [SENT, M.COMPLETION, RECIPIENT], // not accepted yet
    [ACCEPTED, M.ACCEPTANCE, RECIPIENT],
    [COMPLETED, M.ACCEPTANCE, RECIPIENT],
    [COMPLETED, M.COMPLETION, RECIPIENT],
    [COMPLETED, M.CANCELLATION, SENDER],
    [CANCELLED, M.ACCEPTANCE, RECIPIENT],
    [COMPLETED, M.REFERRAL, SENDER], // a notice without a state change, on a final state
    [CANCELLED, M.REFERRAL, SENDER],
  ])('in %s, refuses a %s (from the %s) as a CONFLICT naming the state', (state, kind, side) => {
    const decision = decide(state, kind, side);
    expect(decision).toMatchObject({ ok: false, code: 'CONFLICT', field: 'kind' });
    expect(decision.ok === false && decision.message).toContain(state);
  });

  it.each(DISCHARGE_ONLY)('has no %s message: BAD_USER_INPUT on kind', (kind) => {
    for (const side of [SENDER, RECIPIENT]) {
      const decision = decide(SENT, kind, side);
      expect(decision).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: 'kind' });
      expect(decision.ok === false && decision.message).toContain(kind);
    }
  });
});

describe('the order of refusals', () => {
  it('names the final state before the missing admission notice: the state is the reason', () => {
    const decision = decideMessage(HandoffKind.DISCHARGE_FROM_INPATIENT, HandoffState.DISCHARGED, HandoffMessageKind.DISCHARGE_READY_NOTICE, HandoffSide.SENDER, false);
    expect(decision).toEqual({ ok: false, code: 'CONFLICT', field: 'kind', message: expect.stringContaining('DISCHARGED') });
    expect(decision.ok === false && decision.message).not.toContain('ADMISSION_NOTICE');
  });
});

describe('free-text messages', () => {
  const cases = [
    ...DISCHARGE_STATES.map((state) => [DISCHARGE, state] as const),
    ...SENT_KINDS.flatMap((kind) => SENT_STATES.map((state) => [kind, state] as const)),
  ];

  it.each(cases)('go out on a %s in %s, from either side, and change nothing', (handoffKind, state) => {
    for (const side of [SENDER, RECIPIENT]) {
      for (const admissionNoticeSent of [true, false]) {
        expect(decideMessage(handoffKind, state, M.FREE_TEXT, side, admissionNoticeSent)).toEqual({ ok: true, state });
      }
    }
  });
});

describe('statutory basis for a recipient', () => {
  // The sender is in Region Dalarna (rd); the patient lives in Mora (rd) and is listed at a
  // private vårdcentral's organisation, unless a case says otherwise.
  const facts: RoutingFacts = { senderRegionId: 'rd', homeMunicipalityId: 'mora', listedOrganisationId: 'capio' };
  const org = (organisationId: string, kind: OrganisationKind, regionId: string): RecipientFacts => ({ organisationId, kind, regionId });

  it("gives the patient's home municipality its basis, even in another region", () => {
    expect(statutoryBasis(org('mora', OrganisationKind.MUNICIPALITY, 'rd'), facts)).toBe(RecipientBasis.HOME_MUNICIPALITY);
    const fromStockholm = { ...facts, homeMunicipalityId: 'solna' };
    expect(statutoryBasis(org('solna', OrganisationKind.MUNICIPALITY, 'rs'), fromStockholm)).toBe(RecipientBasis.HOME_MUNICIPALITY);
  });

  it("gives the organisation of the patient's listed unit its basis, whatever its kind or region", () => {
    expect(statutoryBasis(org('capio', OrganisationKind.PRIVATE_PROVIDER, 'rd'), facts)).toBe(RecipientBasis.LISTED_PRIMARY_CARE);
    expect(statutoryBasis(org('capio', OrganisationKind.PRIVATE_PROVIDER, 'rs'), facts)).toBe(RecipientBasis.LISTED_PRIMARY_CARE);
  });

  it("gives a region or municipality of the sender's own region the basis of a principal of the same region", () => {
    expect(statutoryBasis(org('rd', OrganisationKind.REGION, 'rd'), facts)).toBe(RecipientBasis.SAME_REGION_PRINCIPAL);
    expect(statutoryBasis(org('falun', OrganisationKind.MUNICIPALITY, 'rd'), facts)).toBe(RecipientBasis.SAME_REGION_PRINCIPAL);
  });

  it('gives no basis to a municipality or region of another region that is not the home municipality', () => {
    expect(statutoryBasis(org('solna', OrganisationKind.MUNICIPALITY, 'rs'), facts)).toBeNull();
    expect(statutoryBasis(org('rs', OrganisationKind.REGION, 'rs'), facts)).toBeNull();
  });

  it('gives no basis to an organisation of the same region that is not a principal', () => {
    expect(statutoryBasis(org('fk', OrganisationKind.STATE_AGENCY, 'rd'), facts)).toBeNull(); // Försäkringskassan
    expect(statutoryBasis(org('other-private', OrganisationKind.PRIVATE_PROVIDER, 'rd'), facts)).toBeNull();
    expect(statutoryBasis(org('samordningsforbund', OrganisationKind.COORDINATION_ASSOCIATION, 'rd'), facts)).toBeNull();
  });

  it('prefers the home municipality to the same-region principal, and the listing to the same-region principal', () => {
    // Mora is both the home municipality and a municipality of the sender's region.
    expect(statutoryBasis(org('mora', OrganisationKind.MUNICIPALITY, 'rd'), facts)).toBe(RecipientBasis.HOME_MUNICIPALITY);
    // The listed unit belongs to the region itself.
    expect(statutoryBasis(org('rd', OrganisationKind.REGION, 'rd'), { ...facts, listedOrganisationId: 'rd' })).toBe(RecipientBasis.LISTED_PRIMARY_CARE);
  });

  it('gives no basis from an unknown home municipality or listing', () => {
    const unknown = { senderRegionId: 'rd', homeMunicipalityId: null, listedOrganisationId: null };
    expect(statutoryBasis(org('solna', OrganisationKind.MUNICIPALITY, 'rs'), unknown)).toBeNull();
    expect(statutoryBasis(org('capio', OrganisationKind.PRIVATE_PROVIDER, 'rd'), unknown)).toBeNull();
  });
});
