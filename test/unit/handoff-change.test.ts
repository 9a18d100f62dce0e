import { HandoffKind, HandoffState } from '../../domain/handoff';
import { decideHandoffMessage, HandoffFacts, messageRecipients } from '../../domain/handoff-change';
import { HandoffMessageKind, HandoffSide, RecipientBasis } from '../../domain/handoff-messages';

const REGION = 'org-region';
const WARD = 'unit-ward';
const VC = 'unit-vc';
const MUNICIPALITY = 'org-municipality';

/** A discharge sent by the region's ward to the municipality and the region's own vårdcentral. */
function discharge(overrides: Partial<HandoffFacts> = {}): HandoffFacts {
  return {
    kind: HandoffKind.DISCHARGE_FROM_INPATIENT,
    state: HandoffState.ADMITTED,
    version: 2,
    parties: [
      { organisationId: REGION, careUnitId: WARD, side: HandoffSide.SENDER },
      { organisationId: MUNICIPALITY, careUnitId: null, side: HandoffSide.RECIPIENT },
      { organisationId: REGION, careUnitId: VC, side: HandoffSide.RECIPIENT },
    ],
    messages: [{ kind: HandoffMessageKind.ADMISSION_NOTICE }],
    ...overrides,
  };
}

const request = (overrides: Partial<Parameters<typeof decideHandoffMessage>[1]> = {}) => ({
  organisationId: MUNICIPALITY,
  careUnitId: null,
  version: 2,
  kind: HandoffMessageKind.FREE_TEXT,
  ...overrides,
});

describe('decideHandoffMessage', () => {
  it('sends as the viewer party, with the state the message leads to', () => {
    expect(decideHandoffMessage(discharge(), request())).toEqual({ ok: true, state: HandoffState.ADMITTED, sender: discharge().parties[1] });
    expect(decideHandoffMessage(discharge(), request({ organisationId: REGION, careUnitId: WARD, kind: HandoffMessageKind.DISCHARGE_READY_NOTICE }))).toMatchObject({
      ok: true,
      state: HandoffState.DISCHARGE_READY,
      sender: { careUnitId: WARD, side: HandoffSide.SENDER },
    });
  });

  it('refuses a stale version first', () => {
    expect(decideHandoffMessage(discharge(), request({ version: 1, careUnitId: 'unit-elsewhere' }))).toEqual({
      ok: false,
      code: 'STALE_VERSION',
      field: 'version',
      message: 'version: the hand-off is at version 2, not 1; read it again and retry',
    });
  });

  it('needs the care unit named when the organisation is on both sides, and one that takes part', () => {
    expect(decideHandoffMessage(discharge(), request({ organisationId: REGION }))).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: 'senderCareUnitId', message: expect.stringMatching(/both sender and recipient/) });
    expect(decideHandoffMessage(discharge(), request({ organisationId: REGION, careUnitId: 'unit-elsewhere' }))).toMatchObject({
      ok: false,
      code: 'BAD_USER_INPUT',
      message: 'senderCareUnitId: that care unit takes no part in this hand-off',
    });
    expect(decideHandoffMessage(discharge(), request({ organisationId: REGION, careUnitId: VC }))).toMatchObject({ ok: true, sender: { careUnitId: VC, side: HandoffSide.RECIPIENT } });
    // A unit of an organisation that takes part as a whole sends as the organisation.
    expect(decideHandoffMessage(discharge(), request({ careUnitId: 'unit-home-care' }))).toMatchObject({ ok: true, sender: { organisationId: MUNICIPALITY, careUnitId: null } });
  });

  it("turns the message rules' refusals into FORBIDDEN and ILLEGAL_STATE, prefixed with the field", () => {
    expect(decideHandoffMessage(discharge(), request({ kind: HandoffMessageKind.DISCHARGE_NOTICE }))).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      field: 'kind',
      message: 'kind: only the sender of a hand-off sends a DISCHARGE_NOTICE',
    });
    const ready = decideHandoffMessage(discharge({ messages: [] }), request({ organisationId: REGION, careUnitId: WARD, kind: HandoffMessageKind.DISCHARGE_READY_NOTICE }));
    expect(ready).toMatchObject({ ok: false, code: 'ILLEGAL_STATE', field: 'kind', message: expect.stringMatching(/^kind: no admission notice has been sent/) });
  });
});

describe('messageRecipients', () => {
  const sender = { organisationId: REGION, careUnitId: WARD, side: HandoffSide.SENDER };

  it('goes to every other party without a new basis, and adds named and routed recipients once each', () => {
    const named = [
      { organisationId: 'org-employer', careUnitId: null, basis: RecipientBasis.CONSENT },
      { organisationId: MUNICIPALITY, careUnitId: null, basis: RecipientBasis.HOME_MUNICIPALITY },
    ];
    const routed = [{ organisationId: MUNICIPALITY, careUnitId: null, basis: RecipientBasis.HOME_MUNICIPALITY }, { organisationId: REGION, careUnitId: WARD, basis: RecipientBasis.REGION_PRIMARY_CARE }];
    expect(messageRecipients(discharge().parties, sender, named, routed)).toEqual([
      { organisationId: MUNICIPALITY, careUnitId: null, basis: null },
      { organisationId: REGION, careUnitId: VC, basis: null },
      { organisationId: 'org-employer', careUnitId: null, basis: RecipientBasis.CONSENT },
    ]);
  });

  it('keeps the basis of a named recipient that is not yet a recipient party', () => {
    const municipalitySends = { organisationId: MUNICIPALITY, careUnitId: null, side: HandoffSide.RECIPIENT };
    const named = [{ organisationId: REGION, careUnitId: null, basis: RecipientBasis.SAME_REGION_PRINCIPAL }];
    expect(messageRecipients(discharge().parties, municipalitySends, named, [])).toEqual([
      { organisationId: REGION, careUnitId: WARD, basis: null },
      { organisationId: REGION, careUnitId: VC, basis: null },
      { organisationId: REGION, careUnitId: null, basis: RecipientBasis.SAME_REGION_PRINCIPAL },
    ]);
  });
});
