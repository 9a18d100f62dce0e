import type { PurposedConsentFacts } from '../../domain/consent';
import { ConsentPurpose, DataCategory, OrganisationKind } from '../../domain/enums';
import { SipInvitationFacts, SipParticipantBasis } from '../../domain/sip';
import { decideSipStart, mayCallSip, sipInvitation, SipInvitee } from '../../domain/sip-invitation';

const K = OrganisationKind;
const region: SipInvitee = { organisationId: 'region-dalarna', organisationKind: K.REGION, name: 'Region Dalarna' };
const mora: SipInvitee = { organisationId: 'mora', organisationKind: K.MUNICIPALITY, name: 'Mora kommun' };
const borlange: SipInvitee = { organisationId: 'borlange', organisationKind: K.MUNICIPALITY, name: 'Borlänge kommun' };
const fk: SipInvitee = { organisationId: 'fk', organisationKind: K.STATE_AGENCY, name: 'Försäkringskassan' };

/** The person's SIP consent from Mora kommun to `to`. */
const consentTo = (to: SipInvitee, overrides: Partial<PurposedConsentFacts> = {}): PurposedConsentFacts => ({
  sourceOrganisationId: mora.organisationId,
  recipientOrganisationId: to.organisationId,
  categories: [DataCategory.CARE_AND_REHAB_PLAN],
  validFrom: '2026-03-01',
  validTo: '2026-08-31',
  revokedAt: null,
  purpose: ConsentPurpose.SIP,
  ...overrides,
});

/** Mora kommun invites; the person lives in Mora, in Region Dalarna. */
const facts = (consents: PurposedConsentFacts[]): SipInvitationFacts => ({
  invitingOrganisationId: mora.organisationId,
  personsPrincipalIds: [region.organisationId, mora.organisationId],
  consents,
  at: new Date('2026-05-10T08:00:00Z'),
  onDate: '2026-05-10',
});

describe('mayCallSip', () => {
  it('lets a region or a municipality call a plan, and nobody else', () => {
    expect(Object.values(K).filter(mayCallSip)).toEqual([K.REGION, K.MUNICIPALITY]);
  });
});

describe('sipInvitation', () => {
  it("gives the person's own principal the basis PRINCIPAL and anyone else with a consent SIP_CONSENT", () => {
    expect(sipInvitation([region, fk], facts([consentTo(fk)]), 'participants')).toEqual({ ok: true, bases: [SipParticipantBasis.PRINCIPAL, SipParticipantBasis.SIP_CONSENT] });
  });

  it('refuses, naming in the field every organisation without a consent, another municipality included', () => {
    expect(sipInvitation([fk, borlange], facts([consentTo(fk, { revokedAt: new Date('2026-05-01T00:00:00Z') })]), 'organisation')).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      field: 'organisation',
      message: "organisation: Försäkringskassan, Borlänge kommun may take part only with the person's consent: record one (purpose SIP, covering CARE_AND_REHAB_PLAN) from your organisation to it first",
    });
  });
});

describe('decideSipStart', () => {
  it('starts a plan with the other principal on the person consent to the plan', () => {
    expect(decideSipStart(mora, [region, fk], facts([consentTo(region), consentTo(fk)]))).toEqual({ ok: true, bases: [SipParticipantBasis.PRINCIPAL, SipParticipantBasis.SIP_CONSENT] });
  });

  it('refuses an organisation named twice, then a plan without the other principal', () => {
    expect(decideSipStart(mora, [region, region], facts([consentTo(region)]))).toEqual({ ok: false, code: 'BAD_USER_INPUT', field: 'participants', message: 'participants: an organisation is named twice' });
    expect(decideSipStart(mora, [fk], facts([consentTo(fk)]))).toEqual({
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'participants',
      message: 'participants: a SIP is made by region and municipality together; name the region that takes part',
    });
  });

  it('refuses a plan the person has not consented to ("no consent, no SIP") before weighing the others', () => {
    expect(decideSipStart(mora, [region, fk], facts([consentTo(fk)]))).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      field: 'patientId',
      message: 'patientId: no consent, no SIP: the person has not consented to a SIP with Region Dalarna; record the consent (purpose SIP, covering CARE_AND_REHAB_PLAN) first',
    });
    // A consent for another purpose is no consent to the plan.
    expect(decideSipStart(mora, [region], facts([consentTo(region, { purpose: ConsentPurpose.COORDINATED_DISCHARGE })]))).toMatchObject({ ok: false, field: 'patientId' });
  });

  it('refuses the others without a consent of their own, in the participants field', () => {
    expect(decideSipStart(mora, [region, fk], facts([consentTo(region)]))).toMatchObject({ ok: false, code: 'FORBIDDEN', field: 'participants', message: expect.stringMatching(/^participants: Försäkringskassan may take part/) });
  });
});
