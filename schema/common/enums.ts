import { registerEnumType } from 'type-graphql';
import {
  AgreementScenario,
  AgreementStatus,
  CareLevel,
  ConsentGivenBy,
  ConsentPurpose,
  Country,
  DataCategory,
  HousingForm,
  IdentityNumberKind,
  LegalSex,
  OrganisationKind,
  PrincipalRole,
  Profession,
  Role,
} from '../../domain/enums';
import { AuditOutcome, AuditRecordType } from '../../domain/audit';

registerEnumType(Country, {
  name: 'Country',
  description: 'Country of a region (ISO 3166-1 alpha-2). Åland is part of Finland.',
  valuesConfig: { SE: { description: 'Sweden' }, FI: { description: 'Finland (Åland)' } },
});

registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'What kind of principal or actor an organisation is.',
  valuesConfig: {
    REGION: { description: 'A region (county council) or Åland\'s ÅHS: principal for regional health care.' },
    MUNICIPALITY: { description: 'A municipality: principal for municipal health care in the home and social services.' },
    COORDINATION_ASSOCIATION: { description: 'A coordination association (samordningsförbund, lag 2003:1210).' },
    STATE_AGENCY: { description: 'A state agency such as Försäkringskassan, Arbetsförmedlingen or FPA.' },
    PRIVATE_PROVIDER: { description: 'A private care provider acting on a principal\'s behalf.' },
    OCCUPATIONAL_HEALTH: { description: 'An occupational health service (företagshälsovård).' },
    EMPLOYER: { description: 'An employer taking part in return-to-work rehabilitation.' },
  },
});

registerEnumType(CareLevel, {
  name: 'CareLevel',
  description: 'Care level (vårdnivå) at which a care unit works.',
  valuesConfig: {
    MUNICIPAL_HOME_REHAB: { description: 'Municipal health care and rehabilitation in the home (hemsjukvård, hemrehabilitering).' },
    PRIMARY_CARE: { description: 'Regional primary care (vårdcentral, primary care rehabilitation).' },
    SPECIALIST_CARE: { description: 'Specialist outpatient care and specialised home rehabilitation.' },
    INPATIENT_CARE: { description: 'Inpatient care: rehabilitation wards and other wards.' },
  },
});

registerEnumType(HousingForm, {
  name: 'HousingForm',
  description: 'Where a person lives, which decides parts of the responsibility split.',
  valuesConfig: {
    ORDINARY_HOUSING: { description: 'Ordinary housing (ordinärt boende).' },
    SPECIAL_HOUSING: { description: 'Special housing (särskilt boende).' },
    SHORT_TERM_STAY: { description: 'Short-term stay (korttidsvistelse).' },
  },
});

registerEnumType(Role, {
  name: 'Role',
  description: 'What a viewer may do.',
  valuesConfig: {
    TENANT_ADMIN: { description: 'Manages organisations and care units of their region.' },
    RESPONSIBILITY_EDITOR: { description: 'Edits agreements and responsibility rules of their region.' },
    PLANNER: { description: 'Reads county-wide aggregates; never patient rows.' },
    CARE_STAFF: { description: 'Works with hand-offs, SIPs and plans for patients their organisation takes part in.' },
    REHAB_COORDINATOR: { description: 'Runs rehabilitation coordination cases, plus what care staff may.' },
    INTEGRATION: { description: 'A machine client such as a municipal system: look-ups and its own inbox.' },
  },
});

registerEnumType(LegalSex, {
  name: 'LegalSex',
  description: 'Legal sex as the identity number records it; used for statistics by sex.',
  valuesConfig: { FEMALE: { description: 'Female.' }, MALE: { description: 'Male.' } },
});

registerEnumType(IdentityNumberKind, {
  name: 'IdentityNumberKind',
  description: 'What kind of Swedish identity number identifies a patient.',
  valuesConfig: {
    PERSONNUMMER: { description: 'Personal identity number (personnummer) of a person registered in Sweden.' },
    SAMORDNINGSNUMMER: { description: 'Coordination number (samordningsnummer): day of birth + 60, for people not registered.' },
  },
});

registerEnumType(DataCategory, {
  name: 'DataCategory',
  description: 'A category of patient data a consent can cover.',
  valuesConfig: {
    IDENTITY_AND_CONTACT: { description: 'Identity and contact details.' },
    HEALTH_STATUS: { description: 'Diagnoses, health status and care given.' },
    FUNCTIONAL_ABILITY: { description: 'Functional ability and activity limitations.' },
    CARE_AND_REHAB_PLAN: { description: 'Care and rehabilitation plans, goals and interventions.' },
    SICK_LEAVE: { description: 'Sick leave and certificates.' },
    WORK_CAPACITY: { description: 'Work capacity and work situation (for employers, FK, AF).' },
    SOCIAL_SITUATION: { description: 'Housing, family and social situation.' },
  },
});

registerEnumType(ConsentPurpose, {
  name: 'ConsentPurpose',
  description: 'Why data may flow under a consent.',
  valuesConfig: {
    COORDINATED_DISCHARGE: { description: 'Coordinated discharge from inpatient care (lag 2017:612).' },
    SIP: { description: 'A coordinated individual plan (SIP).' },
    REHABILITATION_COORDINATION: { description: 'Rehabilitation coordination for sick-listed patients (lag 2019:1297).' },
    WORK_ORIENTED_REHABILITATION: { description: 'Informing Försäkringskassan or others about work-oriented rehabilitation.' },
    REHABILITATION_PLAN: { description: 'A rehabilitation plan with therapy periods and payment commitments.' },
  },
});

registerEnumType(ConsentGivenBy, {
  name: 'ConsentGivenBy',
  description: 'Who gave a consent.',
  valuesConfig: {
    PATIENT: { description: 'The patient.' },
    REPRESENTATIVE: { description: 'A representative (guardian, trustee) on the patient\'s behalf.' },
  },
});

registerEnumType(AuditOutcome, {
  name: 'AccessOutcome',
  description: 'What came of an attempt to read or change patient data.',
  valuesConfig: {
    ALLOWED: { description: 'Allowed and done.' },
    DENIED: { description: 'Refused: missing role or right.' },
    NOT_FOUND: { description: 'No such record, or one the caller may not see.' },
    REJECTED: { description: 'Refused input or a conflict; nothing was written.' },
    UNAUTHENTICATED: { description: 'No valid token.' },
    FAILED: { description: 'An unexpected failure.' },
  },
});

registerEnumType(AuditRecordType, {
  name: 'AccessRecordType',
  description: 'What kind of record an access concerned.',
  valuesConfig: {
    PATIENT: { description: 'A patient record.' },
    CONSENT: { description: 'A consent.' },
    ACCESS_LOG: { description: 'The access log itself.' },
    HANDOFF: { description: 'A hand-off between care levels (and the patient data it carries).' },
    HANDOFF_MESSAGE: { description: 'A message of a hand-off (its acknowledgement).' },
    SIP: { description: 'A coordinated individual plan (SIP) or anything in it.' },
    REHAB_PLAN: { description: 'A rehabilitation plan or anything in it (GAS goals, scores, evaluations).' },
    PAYMENT_COMMITMENT: { description: 'A payment commitment for therapy, or a visit recorded under it.' },
    THERAPY_REPORT: { description: "A therapy report (or the patient's copy of it)." },
    COORDINATION_CASE: { description: 'A rehabilitation coordination case or anything in it (consents, employers, activities, return-to-work plan).' },
  },
});

registerEnumType(AgreementScenario, {
  name: 'AgreementScenario',
  description: 'Which version of the responsibility split an agreement describes.',
  valuesConfig: {
    CURRENT: { description: 'The split in force.' },
    TARGET: { description: 'The target state (målbild) being worked out.' },
    DRAFT: { description: 'A proposal under discussion.' },
  },
});

registerEnumType(AgreementStatus, {
  name: 'AgreementStatus',
  description: 'Where an agreement stands.',
  valuesConfig: {
    ACTIVE: { description: 'In use for its period.' },
    SUPERSEDED: { description: 'Replaced by a newer version; still answers for its own period.' },
    WITHDRAWN: { description: 'Withdrawn: answers nothing.' },
  },
});

registerEnumType(PrincipalRole, {
  name: 'PrincipalRole',
  description: 'Who a rule names, relative to the person in question.',
  valuesConfig: {
    HOME_MUNICIPALITY: { description: "The person's home municipality." },
    REGION: { description: 'The regional principal (e.g. Region Dalarna).' },
    ORGANISATION: { description: 'One named organisation.' },
  },
});

registerEnumType(Profession, {
  name: 'Profession',
  description: 'The profession level an intervention is given at (the competence principle).',
  valuesConfig: {
    PHYSICIAN: { description: 'Physician.' },
    NURSE: { description: 'Registered nurse.' },
    OCCUPATIONAL_THERAPIST: { description: 'Occupational therapist.' },
    PHYSIOTHERAPIST: { description: 'Physiotherapist.' },
    SPEECH_THERAPIST: { description: 'Speech and language therapist.' },
  },
});
