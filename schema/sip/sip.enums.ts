import { registerEnumType } from 'type-graphql';
import { SipContentItem, SipParticipantBasis, SipParticipantKind, SipStatus } from '../../domain/sip';

/** What a follow-up decided. */
export enum SipFollowUpOutcome {
  CONTINUE = 'CONTINUE',
  CLOSE = 'CLOSE',
}

registerEnumType(SipStatus, {
  name: 'SipStatus',
  description: 'Where a SIP stands: DRAFT → CALLED → ACTIVE → FOLLOW_UP → CLOSED; a follow-up may find the plan still needed (back to ACTIVE). Any open plan can be CANCELLED.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; nobody has been called yet.' },
    CALLED: { description: 'The SIP meeting has been called; the plan is agreed there.' },
    ACTIVE: { description: 'Agreed, with every required content item: the interventions run.' },
    FOLLOW_UP: { description: 'Being followed up.' },
    CLOSED: { description: 'Finished (final).' },
    CANCELLED: { description: 'Called off (final).' },
  },
});

registerEnumType(SipParticipantKind, {
  name: 'SipParticipantKind',
  description: 'Who takes part in a SIP.',
  valuesConfig: {
    ORGANISATION: { description: 'An organisation, with its contact person.' },
    PERSON: { description: 'The person the plan is for (always takes part).' },
    RELATIVE: { description: 'A relative, only while the person does not object.' },
  },
});

registerEnumType(SipParticipantBasis, {
  name: 'SipParticipantBasis',
  description: 'Why an organisation may take part in a SIP.',
  valuesConfig: {
    INITIATOR: { description: 'It called the plan (a region or municipality).' },
    PRINCIPAL: { description: "The person's own region or home municipality: the law obliges both once the person consents to the plan." },
    SIP_CONSENT: { description: "Anyone else (another municipality included): the person's SIP consent from the inviting organisation to it." },
  },
});

registerEnumType(SipContentItem, {
  name: 'SipContentItem',
  description: 'What a SIP must state before it is activated (HSL 16 kap 4 §, SoL 2 kap 7 §, and the good practice the platform holds).',
  valuesConfig: {
    INTERVENTIONS: { description: 'The interventions needed, each saying what is done.' },
    INTERVENTION_RESPONSIBLE_NOT_PARTICIPATING: { description: 'Every intervention is done by an organisation that takes part.' },
    PRINCIPAL_RESPONSIBILITIES: { description: 'What the region and the municipality each are responsible for.' },
    OTHERS_RESPONSIBILITIES: { description: 'What each other participating organisation does.' },
    OVERALL_RESPONSIBILITY: { description: 'Which participating principal has overall responsibility.' },
    PERSON_GOALS: { description: "The person's own goals, in their own words." },
    CONTACT_PERSONS: { description: 'A contact person for every organisation.' },
    NEXT_FOLLOW_UP: { description: 'A follow-up date, not in the past.' },
  },
});

registerEnumType(SipFollowUpOutcome, {
  name: 'SipFollowUpOutcome',
  description: 'What a follow-up decided.',
  valuesConfig: {
    CONTINUE: { description: 'The plan is still needed: it goes on (ACTIVE) with a new follow-up date.' },
    CLOSE: { description: 'The plan has done its work: it is CLOSED.' },
  },
});
