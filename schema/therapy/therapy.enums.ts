import { registerEnumType } from 'type-graphql';
import { NotPaidReason } from '../../domain/payment-commitment';
import { TherapyReportItem } from '../../domain/therapy-report';

registerEnumType(NotPaidReason, {
  name: 'NotPaidReason',
  description: 'Why a payment commitment does not pay a visit (the `notPaidReason` of a CONFLICT with reason NOT_PAID).',
  valuesConfig: {
    BEFORE_VALIDITY: { description: 'The visit is before the commitment is valid.' },
    AFTER_VALIDITY: { description: "The visit is after the commitment's validity." },
    AFTER_INTERVENTION_END: { description: "The visit is after the end date of the intervention text, which overrides the validity." },
    REVOKED: { description: 'The commitment is revoked from that date.' },
    AHEAD_OF_SPREAD: { description: 'More visits by that date than the even spread over the validity allows (visitsAllowed).' },
    ALL_VISITS_USED: { description: 'Every committed visit is used.' },
    LONGER_THAN_COMMITTED: { description: 'The visit is longer than the committed visit length (record keeping is not visit time).' },
  },
});

registerEnumType(TherapyReportItem, {
  name: 'TherapyReportItem',
  description: 'A required item of a therapy report (ÅHS, seed 000).',
  valuesConfig: {
    PATIENT_NAME: { description: "The patient's name (from the patient's record)." },
    THERAPIST_NAME: { description: "The therapist's name." },
    THERAPIST_CONTACT: { description: "The therapist's contact details." },
    SESSIONS: { description: 'The sessions held, with dates and lengths (the visits recorded under the commitment).' },
    FUNCTIONAL_ABILITY: { description: "The patient's functional ability and how it affects everyday life." },
    GOALS: { description: 'The goals set before therapy and how they were met (a GAS score −2…+2 where the goal is a GAS goal).' },
    ASSESSMENTS: { description: 'The assessment instruments used and their results.' },
    CONTINUED_THERAPY: { description: 'Whether therapy should continue, and if so on what grounds and with what goal.' },
    PATIENT_MOTIVATION: { description: "The provider's view of the patient's motivation." },
    END_SUMMARY: { description: 'A summary of the therapy, when it ends with the commitment.' },
  },
});
