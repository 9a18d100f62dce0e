import { registerEnumType } from 'type-graphql';
import {
  ConsentDirection,
  CoordinationActivityKind,
  CoordinationActorKind,
  CoordinationArea,
  CoordinationOutcome,
  CoordinationStatus,
  MeetingMode,
  Occupation,
} from '../../domain/coordination';

registerEnumType(CoordinationStatus, {
  name: 'CoordinationStatus',
  description: 'Where a rehabilitation coordination case stands (as in the national sick-leave overview): NONE → CONTACTED → ACTIVE → FOLLOW_UP → CLOSED, or DECLINED (then only CLOSED).',
  valuesConfig: {
    NONE: { description: 'Opened; the patient is not yet contacted.' },
    CONTACTED: { description: 'The patient has been contacted and offered coordination.' },
    ACTIVE: { description: 'Coordination under way, with the patient’s consent to it.' },
    FOLLOW_UP: { description: 'The sick leave and the plan are being followed up.' },
    CLOSED: { description: 'Ended, with its outcome (final).' },
    DECLINED: { description: 'The patient said no: nothing more may be recorded but the closing.' },
  },
});

registerEnumType(Occupation, {
  name: 'Occupation',
  description: 'The patient’s occupation when the sick leave started.',
  valuesConfig: {
    EMPLOYED: { description: 'Has an employer.' },
    JOB_SEEKING: { description: 'Registered as a job seeker.' },
    STUDENT: { description: 'Studying.' },
    OTHER: { description: 'Anything else.' },
  },
});

registerEnumType(CoordinationOutcome, {
  name: 'CoordinationOutcome',
  description: 'How a closed case ended.',
  valuesConfig: {
    RETURNED_TO_WORK: { description: 'Back at work (or studies) to the full extent.' },
    PARTLY_RETURNED_TO_WORK: { description: 'Back at work (or studies) in part.' },
    OTHER_SUPPORT: { description: 'Handed on to another actor’s support (e.g. Arbetsförmedlingen, social services).' },
    NO_INTERVENTION: { description: 'The case led to no intervention (not reached, declined, or not needed).' },
  },
});

registerEnumType(CoordinationActorKind, {
  name: 'CoordinationActorKind',
  description: 'An actor the coordinator works with besides the patient.',
  valuesConfig: {
    EMPLOYER: { description: 'The patient’s employer, named in the case (not a tenant of the platform).' },
    FK: { description: 'Försäkringskassan, the social insurance agency.' },
    AF: { description: 'Arbetsförmedlingen, the public employment service.' },
    OCCUPATIONAL_HEALTH: { description: 'An occupational health service (företagshälsovård).' },
    SOCIAL_SERVICES: { description: 'The municipality’s social services.' },
    CARE_UNIT: { description: 'Another care unit (internal coordination within health care).' },
  },
});

registerEnumType(ConsentDirection, {
  name: 'ConsentDirection',
  description: 'Which way information may go under a consent: one way only.',
  valuesConfig: {
    TO_ACTOR: { description: 'The coordinator may give information to the actor.' },
    FROM_ACTOR: { description: 'The coordinator may ask for and receive information from the actor.' },
  },
});

registerEnumType(CoordinationArea, {
  name: 'CoordinationArea',
  description: 'The statutory areas of rehabilitation coordination (lag 2019:1297), and the follow-up.',
  valuesConfig: {
    PERSONAL_SUPPORT: { description: 'Personal support to the patient.' },
    INTERNAL_COORDINATION: { description: 'Coordination within health care (with another care unit).' },
    EXTERNAL_COLLABORATION: { description: 'Collaboration with actors outside health care (employer, FK, AF, occupational health, social services).' },
    FOLLOW_UP: { description: 'Follow-up of the sick leave and the plan.' },
  },
});

registerEnumType(CoordinationActivityKind, {
  name: 'CoordinationActivityKind',
  description: 'What kind of activity.',
  valuesConfig: {
    CONTACT: { description: 'A contact or an attempt at one, answered or not.' },
    MEETING: { description: 'A meeting, held or not, by phone, video or in person.' },
    RETURN_TO_WORK_PLAN: { description: 'The return-to-work plan set or changed (coordinationReturnToWorkPlanSet).' },
    FOLLOW_UP: { description: 'A follow-up of the sick leave and the plan.' },
    FK_NOTICE: { description: 'The notice to Försäkringskassan of a need for work-oriented rehabilitation (coordinationFkNoticeSend).' },
  },
});

registerEnumType(MeetingMode, {
  name: 'MeetingMode',
  description: 'How a meeting takes place.',
  valuesConfig: {
    PHONE: { description: 'By phone.' },
    VIDEO: { description: 'By video.' },
    IN_PERSON: { description: 'In person.' },
  },
});
