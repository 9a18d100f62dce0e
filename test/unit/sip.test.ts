import type { PurposedConsentFacts } from '../../domain/consent';
import { ConsentPurpose, DataCategory, OrganisationKind } from '../../domain/enums';
import {
  allowedSipEvents,
  followedUpOnTime,
  followUpDateProblem,
  isSipFinal,
  KvaCode,
  kvaCodeFor,
  kvaCodeOn,
  overdueFollowUps,
  relativeMayTakePart,
  SipContent,
  SipContentItem,
  SipEvent,
  SipInvitationFacts,
  SipKvaUse,
  sipActivationProblems,
  sipConsentStillHolds,
  sipConsentToPlanHolds,
  sipParticipantProblem,
  SipStatus,
  sipTransition,
} from '../../domain/sip';
import { DEFAULT_KVA_CODES, DEFAULT_SIP_KVA_MAPPING } from '../../entities/seed/kva-codes';

const { DRAFT, CALLED, ACTIVE, FOLLOW_UP, CLOSED, CANCELLED } = SipStatus;
const E = SipEvent;
const K = OrganisationKind;

/** Every legal transition: [from, event, to]. Everything else is illegal. */
const LEGAL: Array<[SipStatus, SipEvent, SipStatus]> = [
  [DRAFT, E.CALL, CALLED],
  [DRAFT, E.CANCEL, CANCELLED],
  [CALLED, E.ACTIVATE, ACTIVE],
  [CALLED, E.CANCEL, CANCELLED],
  [ACTIVE, E.START_FOLLOW_UP, FOLLOW_UP],
  [ACTIVE, E.CLOSE, CLOSED],
  [ACTIVE, E.CANCEL, CANCELLED],
  [FOLLOW_UP, E.RESUME, ACTIVE],
  [FOLLOW_UP, E.CLOSE, CLOSED],
  [FOLLOW_UP, E.CANCEL, CANCELLED],
];

const statuses = Object.values(SipStatus);
const events = Object.values(SipEvent);
const illegal = statuses
  .flatMap((status) => events.map((event) => [status, event] as const))
  .filter(([status, event]) => !LEGAL.some(([s, e]) => s === status && e === event));

describe('SIP state machine', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, event, to) => {
    expect(sipTransition(from, event)).toEqual({ ok: true, status: to });
  });

  it.each(illegal)('refuses %s + %s, naming the status and the event', (status, event) => {
    expect(sipTransition(status, event)).toEqual({ ok: false, message: `cannot ${event} a SIP in status ${status}` });
  });

  it('words the refusal as the API shows it', () => {
    expect(sipTransition(DRAFT, E.ACTIVATE)).toEqual({ ok: false, message: 'cannot ACTIVATE a SIP in status DRAFT' });
    expect(sipTransition(CLOSED, E.RESUME)).toEqual({ ok: false, message: 'cannot RESUME a SIP in status CLOSED' });
  });

  it.each(statuses)('allows in %s exactly the legal events', (status) => {
    const legal = LEGAL.filter(([from]) => from === status).map(([, event]) => event);
    expect(allowedSipEvents(status)).toEqual(events.filter((event) => legal.includes(event)));
  });

  it('goes round follow-up and back to active as long as the plan is needed', () => {
    const walk = (steps: SipEvent[]) =>
      steps.reduce<SipStatus>((status, event) => {
        const result = sipTransition(status, event);
        if (!result.ok) throw new Error(result.message);
        return result.status;
      }, DRAFT);
    expect(walk([E.CALL, E.ACTIVATE, E.START_FOLLOW_UP, E.RESUME, E.START_FOLLOW_UP, E.CLOSE])).toBe(CLOSED);
    expect(() => walk([E.CALL, E.START_FOLLOW_UP])).toThrow('cannot START_FOLLOW_UP a SIP in status CALLED');
  });

  it('ends in CLOSED and CANCELLED only, where no event applies', () => {
    expect(statuses.filter(isSipFinal)).toEqual([CLOSED, CANCELLED]);
    expect(allowedSipEvents(CLOSED)).toEqual([]);
    expect(allowedSipEvents(CANCELLED)).toEqual([]);
  });
});

const TODAY = '2026-05-10';
const REGION = 'region-dalarna';
const MUNICIPALITY = 'falun';
const FK = 'forsakringskassan';
const EMPLOYER = 'employer-ab';

/** A plan that may be activated: region, municipality and Försäkringskassan each do something. */
const complete = (overrides: Partial<SipContent> = {}): SipContent => ({
  interventions: [
    { description: 'Physiotherapy twice a week', responsibleOrganisationId: REGION, responsibleKind: K.REGION, dueDate: '2026-06-30' },
    { description: 'Home rehabilitation', responsibleOrganisationId: MUNICIPALITY, responsibleKind: K.MUNICIPALITY, dueDate: null },
    { description: 'Assess the right to sickness benefit', responsibleOrganisationId: FK, responsibleKind: K.STATE_AGENCY, dueDate: null },
  ],
  overallResponsibleOrganisationId: MUNICIPALITY,
  personGoals: 'Jag vill kunna gå till affären själv',
  personOwnActions: null,
  participants: [
    { organisationId: REGION, organisationKind: K.REGION, contactName: 'Anna Fysioterapeut' },
    { organisationId: MUNICIPALITY, organisationKind: K.MUNICIPALITY, contactName: 'Bo Biståndshandläggare' },
    { organisationId: FK, organisationKind: K.STATE_AGENCY, contactName: 'Cecilia Handläggare' },
  ],
  nextFollowUpDate: '2026-08-10',
  ...overrides,
});

const items = (content: SipContent, today = TODAY) => sipActivationProblems(content, today).map((problem) => problem.item);
const only = (content: SipContent) => {
  const problems = sipActivationProblems(content, TODAY);
  expect(problems).toHaveLength(1);
  return problems[0];
};

describe('what a SIP must state before it is activated', () => {
  it('accepts a complete plan', () => {
    expect(sipActivationProblems(complete(), TODAY)).toEqual([]);
  });

  it('needs at least one intervention, each saying what is to be done', () => {
    expect(items(complete({ interventions: [] }))).toContain(SipContentItem.INTERVENTIONS);
    const [first, ...rest] = complete().interventions;
    expect(only(complete({ interventions: [{ ...first, description: '  ' }, ...rest] }))).toEqual({
      item: SipContentItem.INTERVENTIONS,
      field: 'interventions',
      message: 'every intervention must say what is to be done',
    });
  });

  it('needs every intervention to be done by an organisation that takes part, naming it', () => {
    const extra = { description: 'Home help', responsibleOrganisationId: 'mora', responsibleKind: K.MUNICIPALITY, dueDate: null };
    const problem = only(complete({ interventions: [...complete().interventions, extra, extra] }));
    expect(problem.item).toBe(SipContentItem.INTERVENTION_RESPONSIBLE_NOT_PARTICIPATING);
    expect(problem.message).toBe('interventions are assigned to organisations that do not take part: mora');
  });

  it.each([
    [K.REGION, REGION],
    [K.MUNICIPALITY, MUNICIPALITY],
  ])('needs an intervention the %s is responsible for, naming the missing principal', (kind, id) => {
    const problem = only(complete({ interventions: complete().interventions.filter((i) => i.responsibleOrganisationId !== id) }));
    expect(problem.item).toBe(SipContentItem.PRINCIPAL_RESPONSIBILITIES);
    expect(problem.field).toBe('interventions');
    expect(problem.message).toBe(`a SIP must state what each principal is responsible for: no intervention is assigned to a ${kind}`);
  });

  it('names both principals when neither has an intervention', () => {
    const problems = sipActivationProblems(complete({ interventions: [] }), TODAY);
    expect(problems.find((p) => p.item === SipContentItem.PRINCIPAL_RESPONSIBILITIES)?.message).toMatch(/REGION or a MUNICIPALITY$/);
  });

  it('needs what each other participant does, naming those with nothing to do', () => {
    const participants = [...complete().participants, { organisationId: EMPLOYER, organisationKind: K.EMPLOYER, contactName: 'Dan Chef' }];
    const withoutFk = complete().interventions.filter((i) => i.responsibleOrganisationId !== FK);
    const problem = only(complete({ participants, interventions: withoutFk }));
    expect(problem).toEqual({
      item: SipContentItem.OTHERS_RESPONSIBILITIES,
      field: 'interventions',
      message: `a SIP must state what others do: no intervention for ${FK}, ${EMPLOYER}`,
    });
  });

  it('does not ask the principals to have anything beyond their own responsibilities', () => {
    // A second municipality taking part without an intervention of its own is no "other".
    const participants = [...complete().participants, { organisationId: 'mora', organisationKind: K.MUNICIPALITY, contactName: 'Eva' }];
    expect(sipActivationProblems(complete({ participants }), TODAY)).toEqual([]);
  });

  it('needs a principal with overall responsibility', () => {
    expect(only(complete({ overallResponsibleOrganisationId: null }))).toEqual({
      item: SipContentItem.OVERALL_RESPONSIBILITY,
      field: 'overallResponsibleOrganisationId',
      message: 'a SIP must name the principal with overall responsibility',
    });
  });

  it('gives overall responsibility only to a participating region or municipality', () => {
    expect(only(complete({ overallResponsibleOrganisationId: FK })).message).toBe(
      `overall responsibility must lie with a participating region or municipality, not ${FK}`,
    );
    expect(only(complete({ overallResponsibleOrganisationId: 'mora' })).item).toBe(SipContentItem.OVERALL_RESPONSIBILITY);
    expect(sipActivationProblems(complete({ overallResponsibleOrganisationId: REGION }), TODAY)).toEqual([]);
  });

  it.each([null, '', '   '])("needs the person's own goals (%j)", (personGoals) => {
    expect(only(complete({ personGoals }))).toMatchObject({ item: SipContentItem.PERSON_GOALS, field: 'personGoals' });
  });

  it('needs a contact person for every organisation, naming those without', () => {
    const participants = complete().participants.map((p) => (p.organisationId === REGION ? { ...p, contactName: null } : p.organisationId === FK ? { ...p, contactName: ' ' } : p));
    expect(only(complete({ participants }))).toEqual({
      item: SipContentItem.CONTACT_PERSONS,
      field: 'participants',
      message: `every organisation needs a contact person: none for ${REGION}, ${FK}`,
    });
  });

  it('needs a follow-up date, today at the earliest', () => {
    expect(only(complete({ nextFollowUpDate: null }))).toEqual({
      item: SipContentItem.NEXT_FOLLOW_UP,
      field: 'nextFollowUpDate',
      message: 'a SIP must have a follow-up date',
    });
    expect(only(complete({ nextFollowUpDate: '2026-05-09' }))).toEqual({
      item: SipContentItem.NEXT_FOLLOW_UP,
      field: 'nextFollowUpDate',
      message: 'the follow-up date 2026-05-09 is before today (2026-05-10)',
    });
    expect(sipActivationProblems(complete({ nextFollowUpDate: TODAY }), TODAY)).toEqual([]);
  });

  it('does not require what the person does themselves, nor due dates', () => {
    const interventions = complete().interventions.map((i) => ({ ...i, dueDate: null }));
    expect(sipActivationProblems(complete({ personOwnActions: null, interventions }), TODAY)).toEqual([]);
  });

  it('lists every problem of an empty plan, in the order of the items', () => {
    const empty: SipContent = {
      interventions: [{ description: '', responsibleOrganisationId: 'mora', responsibleKind: K.MUNICIPALITY, dueDate: null }],
      overallResponsibleOrganisationId: null,
      personGoals: null,
      personOwnActions: null,
      participants: [{ organisationId: FK, organisationKind: K.STATE_AGENCY, contactName: null }],
      nextFollowUpDate: null,
    };
    expect(items(empty)).toEqual(Object.values(SipContentItem));
  });
});

const sipConsent = (overrides: Partial<PurposedConsentFacts> = {}): PurposedConsentFacts => ({
  sourceOrganisationId: REGION,
  recipientOrganisationId: FK,
  categories: [DataCategory.CARE_AND_REHAB_PLAN, DataCategory.FUNCTIONAL_ABILITY],
  validFrom: '2026-03-01',
  validTo: '2026-08-31',
  revokedAt: null,
  purpose: ConsentPurpose.SIP,
  ...overrides,
});

const invitation = (consents: PurposedConsentFacts[], overrides: Partial<SipInvitationFacts> = {}): SipInvitationFacts => ({
  invitingOrganisationId: REGION,
  personsPrincipalIds: [REGION, MUNICIPALITY],
  consents,
  at: new Date('2026-05-10T08:00:00Z'),
  onDate: '2026-05-10',
  ...overrides,
});

const fk = { organisationId: FK, organisationKind: K.STATE_AGENCY };

describe('who may take part in a SIP', () => {
  it("lets the person's own region and home municipality take part without a consent of their own: the law obliges them", () => {
    expect(sipParticipantProblem({ organisationId: REGION, organisationKind: K.REGION }, invitation([]))).toBeNull();
    expect(sipParticipantProblem({ organisationId: MUNICIPALITY, organisationKind: K.MUNICIPALITY }, invitation([]))).toBeNull();
  });

  it('treats another municipality or region like anyone else: only under a consent to it', () => {
    const borlange = { organisationId: 'borlange', organisationKind: K.MUNICIPALITY };
    expect(sipParticipantProblem(borlange, invitation([]))).toBe(`borlange (MUNICIPALITY) may take part only with the person's valid SIP consent from ${REGION} to it`);
    expect(sipParticipantProblem(borlange, invitation([sipConsent({ recipientOrganisationId: 'borlange' })]))).toBeNull();
    expect(sipParticipantProblem({ organisationId: 'region-orebro', organisationKind: K.REGION }, invitation([]))).not.toBeNull();
  });

  it.each([K.STATE_AGENCY, K.COORDINATION_ASSOCIATION, K.EMPLOYER, K.PRIVATE_PROVIDER, K.OCCUPATIONAL_HEALTH])(
    'refuses a %s without consent, naming it and the inviting organisation',
    (organisationKind) => {
      expect(sipParticipantProblem({ organisationId: FK, organisationKind }, invitation([]))).toBe(
        `${FK} (${organisationKind}) may take part only with the person's valid SIP consent from ${REGION} to it`,
      );
    },
  );

  it('lets another organisation take part under a valid SIP consent from the inviting organisation to it', () => {
    expect(sipParticipantProblem(fk, invitation([sipConsent()]))).toBeNull();
  });

  it.each<[string, Partial<PurposedConsentFacts>]>([
    ['another purpose', { purpose: ConsentPurpose.REHABILITATION_COORDINATION }],
    ['the other direction', { sourceOrganisationId: FK, recipientOrganisationId: REGION }],
    ['another recipient', { recipientOrganisationId: EMPLOYER }],
    ['another source', { sourceOrganisationId: MUNICIPALITY }],
    ['no cover for the plan itself', { categories: [DataCategory.FUNCTIONAL_ABILITY] }],
    ['a period that has ended', { validTo: '2026-05-09' }],
    ['a period not yet begun', { validFrom: '2026-05-11' }],
    ['revocation before the invitation', { revokedAt: new Date('2026-05-10T07:59:59Z') }],
    ['revocation at the instant of the invitation', { revokedAt: new Date('2026-05-10T08:00:00Z') }],
  ])('refuses under a consent with %s', (_, overrides) => {
    expect(sipParticipantProblem(fk, invitation([sipConsent(overrides)]))).not.toBeNull();
  });

  it('still allows when a consent is revoked only after the invitation, or one of several applies', () => {
    expect(sipParticipantProblem(fk, invitation([sipConsent({ revokedAt: new Date('2026-05-10T08:00:01Z') })]))).toBeNull();
    expect(sipParticipantProblem(fk, invitation([sipConsent({ purpose: ConsentPurpose.COORDINATED_DISCHARGE }), sipConsent()]))).toBeNull();
  });

  it('judges the inviting organisation: the region\'s consent does not let the municipality invite', () => {
    expect(sipParticipantProblem(fk, invitation([sipConsent()], { invitingOrganisationId: MUNICIPALITY }))).not.toBeNull();
  });

  describe('once it takes part', () => {
    const moment = (consents: PurposedConsentFacts[]) => ({ consents, at: new Date('2026-06-01T08:00:00Z'), onDate: '2026-06-01' });
    const principals = [REGION, MUNICIPALITY];

    it('keeps an organisation in the plan while any principal of the plan holds the person’s SIP consent to it', () => {
      expect(sipConsentStillHolds(FK, principals, moment([sipConsent()]))).toBe(true);
      expect(sipConsentStillHolds(FK, principals, moment([sipConsent({ sourceOrganisationId: MUNICIPALITY })]))).toBe(true);
      const regionWithdrawn = sipConsent({ revokedAt: new Date('2026-06-01T07:00:00Z') });
      expect(sipConsentStillHolds(FK, principals, moment([regionWithdrawn, sipConsent({ sourceOrganisationId: MUNICIPALITY })]))).toBe(true);
    });

    it.each<[string, PurposedConsentFacts[]]>([
      ['the consent it joined under was withdrawn', [sipConsent({ revokedAt: new Date('2026-06-01T07:00:00Z') })]],
      ['no consent is left at all', []],
      ['the only consent left is for another purpose', [sipConsent({ purpose: ConsentPurpose.REHABILITATION_COORDINATION })]],
      ['the only consent left comes from an organisation that is no principal of the plan', [sipConsent({ sourceOrganisationId: EMPLOYER })]],
      ['the only consent left runs the other way', [sipConsent({ sourceOrganisationId: FK, recipientOrganisationId: REGION })]],
    ])('lets it go when %s', (_, consents) => {
      expect(sipConsentStillHolds(FK, principals, moment(consents))).toBe(false);
    });
  });

  describe("the person's consent to the plan itself", () => {
    const moment = (consents: PurposedConsentFacts[]) => ({ consents, at: new Date('2026-06-01T08:00:00Z'), onDate: '2026-06-01' });
    const principals = [
      { organisationId: REGION, organisationKind: K.REGION },
      { organisationId: MUNICIPALITY, organisationKind: K.MUNICIPALITY },
    ];
    const toMunicipality = (overrides: Partial<PurposedConsentFacts> = {}) => sipConsent({ recipientOrganisationId: MUNICIPALITY, ...overrides });

    it('holds while a principal holds a SIP consent to the principal of the other kind, either way', () => {
      expect(sipConsentToPlanHolds(principals, moment([toMunicipality()]))).toBe(true);
      expect(sipConsentToPlanHolds(principals, moment([toMunicipality({ sourceOrganisationId: MUNICIPALITY, recipientOrganisationId: REGION })]))).toBe(true);
      expect(sipConsentToPlanHolds(principals, moment([toMunicipality({ revokedAt: new Date('2026-06-01T07:00:00Z') }), toMunicipality()]))).toBe(true);
    });

    it.each<[string, PurposedConsentFacts[]]>([
      ['the person withdrew it', [toMunicipality({ revokedAt: new Date('2026-06-01T07:00:00Z') })]],
      ['only consents to others are left', [sipConsent()]],
      ['the consent left is for another purpose', [toMunicipality({ purpose: ConsentPurpose.COORDINATED_DISCHARGE })]],
    ])('fails when %s', (_, consents) => {
      expect(sipConsentToPlanHolds(principals, moment(consents))).toBe(false);
    });

    it('does not count a consent between two principals of one kind', () => {
      const two = [...principals.slice(0, 1), { organisationId: 'region-orebro', organisationKind: K.REGION }];
      expect(sipConsentToPlanHolds(two, moment([sipConsent({ recipientOrganisationId: 'region-orebro' })]))).toBe(false);
    });
  });

  it('lets relatives take part only if the person does not object', () => {
    expect(relativeMayTakePart(false)).toBe(true);
    expect(relativeMayTakePart(true)).toBe(false);
  });
});

describe('SIP follow-up', () => {
  it('accepts a follow-up date today or later, and refuses yesterday', () => {
    expect(followUpDateProblem('2026-05-10', TODAY)).toBeNull();
    expect(followUpDateProblem('2026-12-01', TODAY)).toBeNull();
    expect(followUpDateProblem('2026-05-09', TODAY)).toBe('the follow-up date 2026-05-09 is before today (2026-05-10)');
  });

  it('lists follow-ups due before today and not done, keeping the items', () => {
    const followUps = [
      { id: 'overdue', dueDate: '2026-05-09', doneAt: null },
      { id: 'long-overdue', dueDate: '2025-12-31', doneAt: null },
      { id: 'due-today', dueDate: '2026-05-10', doneAt: null },
      { id: 'future', dueDate: '2026-06-01', doneAt: null },
      { id: 'done-late', dueDate: '2026-05-01', doneAt: new Date('2026-05-05T10:00:00Z') },
    ];
    expect(overdueFollowUps(followUps, TODAY).map((f) => f.id)).toEqual(['overdue', 'long-overdue']);
    expect(overdueFollowUps([], TODAY)).toEqual([]);
  });

  it('counts a follow-up on time when done on or before its due date', () => {
    expect(followedUpOnTime('2026-05-10', '2026-05-01')).toBe(true);
    expect(followedUpOnTime('2026-05-10', '2026-05-10')).toBe(true);
    expect(followedUpOnTime('2026-05-10', '2026-05-11')).toBe(false);
  });
});

describe('KVÅ codes for SIP', () => {
  const version = (code: string, title: string, validFrom: string, validTo: string | null): KvaCode => ({ code, title, validFrom, validTo });
  const codes = [
    version('AU124', 'Old title', '2015-01-01', '2021-12-31'),
    version('AU124', 'New title', '2022-01-01', null),
    version('UX301', 'Follow-up', '2020-01-01', '2024-12-31'),
  ];

  it('picks the version valid on the date, both ends inclusive', () => {
    expect(kvaCodeOn(codes, 'AU124', '2014-12-31')).toBeUndefined();
    expect(kvaCodeOn(codes, 'AU124', '2015-01-01')?.title).toBe('Old title');
    expect(kvaCodeOn(codes, 'AU124', '2021-12-31')?.title).toBe('Old title');
    expect(kvaCodeOn(codes, 'AU124', '2022-01-01')?.title).toBe('New title');
    expect(kvaCodeOn(codes, 'AU124', '2099-01-01')?.title).toBe('New title');
    expect(kvaCodeOn(codes, 'UX301', '2025-01-01')).toBeUndefined();
    expect(kvaCodeOn(codes, 'GC001', '2022-01-01')).toBeUndefined();
  });

  it('prefers the version that started last where versions overlap', () => {
    const overlapping = [version('AU124', 'First', '2020-01-01', null), version('AU124', 'Revised', '2023-01-01', null)];
    expect(kvaCodeOn(overlapping, 'AU124', '2022-06-01')?.title).toBe('First');
    expect(kvaCodeOn(overlapping, 'AU124', '2023-06-01')?.title).toBe('Revised');
  });

  it('records establishing and following up a SIP with the configured codes', () => {
    expect(kvaCodeFor(SipKvaUse.ESTABLISH, DEFAULT_KVA_CODES, TODAY, DEFAULT_SIP_KVA_MAPPING)).toEqual({
      code: 'AU124',
      title: 'Upprättande av samordnad individuell plan (SIP)',
      validFrom: '2020-01-01',
      validTo: null,
    });
    expect(kvaCodeFor(SipKvaUse.FOLLOW_UP, DEFAULT_KVA_CODES, TODAY, DEFAULT_SIP_KVA_MAPPING)?.title).toBe('Uppföljning av samordnad individuell plan (SIP)');
    expect(kvaCodeFor(SipKvaUse.FOLLOW_UP, DEFAULT_KVA_CODES, '2019-12-31', DEFAULT_SIP_KVA_MAPPING)).toBeUndefined();
  });

  it('follows the mapping it is given, not a built-in code', () => {
    const renumbered = { [SipKvaUse.ESTABLISH]: 'AU124', [SipKvaUse.FOLLOW_UP]: 'XX999' };
    const withNew = [...DEFAULT_KVA_CODES, version('XX999', 'Renumbered follow-up', '2026-01-01', null)];
    expect(kvaCodeFor(SipKvaUse.FOLLOW_UP, withNew, TODAY, renumbered)?.code).toBe('XX999');
    expect(kvaCodeFor(SipKvaUse.FOLLOW_UP, DEFAULT_KVA_CODES, TODAY, renumbered)).toBeUndefined();
  });
});
