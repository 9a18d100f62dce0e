import { registerEnumType } from 'type-graphql';
import { HandoffKind, HandoffState } from '../../domain/handoff';
import { HandoffMessageKind, HandoffSide, RecipientBasis } from '../../domain/handoff-messages';
import { DeadlineStatus } from '../../domain/handoff-timeline';

registerEnumType(HandoffKind, {
  name: 'HandoffKind',
  description: 'What kind of hand-off between care units or levels.',
  valuesConfig: {
    DISCHARGE_FROM_INPATIENT: { description: 'Coordinated discharge from inpatient care (lag 2017:612): notices, SIP call-out, payment liability.' },
    REFERRAL: { description: 'A referral to another care unit or level.' },
    TRANSFER_BETWEEN_LEVELS: { description: 'A transfer of responsibility between care levels.' },
  },
});

registerEnumType(HandoffState, {
  name: 'HandoffState',
  description:
    'Where a hand-off stands. A discharge runs ADMITTED → DISCHARGE_READY → PLANNING → DISCHARGED; a READINESS_INTERRUPTED message takes it back to ADMITTED (liability stops until a new discharge-ready notice). Referrals and transfers run SENT → ACCEPTED → COMPLETED. Any open hand-off can be CANCELLED.',
  valuesConfig: {
    ADMITTED: { description: 'Admitted to inpatient care; not (or no longer) discharge-ready.' },
    DISCHARGE_READY: { description: 'Discharge-ready notice sent; the SIP call-out and payment-liability clocks run.' },
    PLANNING: { description: 'The SIP meeting has been called; discharge is being planned.' },
    DISCHARGED: { description: 'The patient has left inpatient care (final).' },
    SENT: { description: 'A referral or transfer is sent and awaits the receiver.' },
    ACCEPTED: { description: 'The receiver has taken the referral or transfer on.' },
    COMPLETED: { description: 'The receiver has done what was asked (final).' },
    CANCELLED: { description: 'Called off (final).' },
  },
});

registerEnumType(HandoffMessageKind, {
  name: 'HandoffMessageKind',
  description: 'The kind of a hand-off message; most kinds move the hand-off to its next state.',
  valuesConfig: {
    ADMISSION_NOTICE: { description: 'Inskrivningsmeddelande: within 24 hours of admission, to the home municipality and primary care. Sent by the sender.' },
    DISCHARGE_READY_NOTICE: { description: 'Meddelande om utskrivningsklar: ADMITTED → DISCHARGE_READY. Needs an admission notice first. Sent by the sender.' },
    READINESS_INTERRUPTED: { description: 'The patient is no longer discharge-ready: back to ADMITTED, liability stops. Sent by the sender; text gives the reason.' },
    SIP_CALL_OUT: { description: 'Kallelse till SIP-möte from the fast vårdkontakt: DISCHARGE_READY → PLANNING. Needs meetingAt and a SIP consent covering every other organisation.' },
    DISCHARGE_NOTICE: { description: 'Utskrivningsmeddelande: the patient has left, → DISCHARGED. Sent by the sender.' },
    REFERRAL: { description: 'The opening message of a referral or transfer.' },
    ACCEPTANCE: { description: 'The receiver accepts a referral or transfer: SENT → ACCEPTED.' },
    COMPLETION: { description: 'The receiver has done what was asked: ACCEPTED → COMPLETED.' },
    CANCELLATION: { description: 'Calls the hand-off off: → CANCELLED. Sent by the sender; text gives the reason.' },
    FREE_TEXT: { description: 'Any other message between the parties, at any time; needs text; changes nothing.' },
  },
});

registerEnumType(HandoffSide, {
  name: 'HandoffSide',
  description: 'Which party of a hand-off an organisation is.',
  valuesConfig: {
    SENDER: { description: 'The sending care unit and its organisation.' },
    RECIPIENT: { description: 'An organisation (or care unit) the messages go to.' },
  },
});

registerEnumType(RecipientBasis, {
  name: 'RecipientBasis',
  description: "Why an organisation may receive a hand-off's messages (patient data crosses organisations only on a basis).",
  valuesConfig: {
    HOME_MUNICIPALITY: { description: "The patient's home municipality (lag 2017:612), in any region." },
    LISTED_PRIMARY_CARE: { description: 'The organisation of the primary care unit the patient is listed at (lag 2017:612).' },
    REGION_PRIMARY_CARE: { description: "The region's primary care, when the patient's listing is unknown (lag 2017:612)." },
    SAME_REGION_PRINCIPAL: { description: "Another principal (region or municipality) of the sender's own region." },
    CONSENT: { description: "A consent of the patient covers the flow of health data from the sender's organisation." },
  },
});

registerEnumType(DeadlineStatus, {
  name: 'DeadlineStatus',
  description: 'Whether a deadline was kept.',
  valuesConfig: {
    PENDING: { description: 'Open and still in time.' },
    MET: { description: 'Done in time.' },
    MISSED: { description: 'Done late, or not done when it fell due.' },
    NOT_NEEDED: { description: 'The case (or discharge-ready period) ended before the deadline without the action.' },
  },
});
