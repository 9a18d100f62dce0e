/** Enumerations shared by the database, the API and the rules. Values are stored as text. */

/** Countries whose principals the platform serves (ISO 3166-1 alpha-2). Åland is part of Finland. */
export enum Country {
  SE = 'SE',
  FI = 'FI',
}

export enum OrganisationKind {
  REGION = 'REGION',
  MUNICIPALITY = 'MUNICIPALITY',
  COORDINATION_ASSOCIATION = 'COORDINATION_ASSOCIATION',
  STATE_AGENCY = 'STATE_AGENCY',
  PRIVATE_PROVIDER = 'PRIVATE_PROVIDER',
  OCCUPATIONAL_HEALTH = 'OCCUPATIONAL_HEALTH',
  EMPLOYER = 'EMPLOYER',
}

export enum CareLevel {
  MUNICIPAL_HOME_REHAB = 'MUNICIPAL_HOME_REHAB',
  PRIMARY_CARE = 'PRIMARY_CARE',
  SPECIALIST_CARE = 'SPECIALIST_CARE',
  INPATIENT_CARE = 'INPATIENT_CARE',
}

export enum HousingForm {
  ORDINARY_HOUSING = 'ORDINARY_HOUSING',
  SPECIAL_HOUSING = 'SPECIAL_HOUSING',
  SHORT_TERM_STAY = 'SHORT_TERM_STAY',
}

export enum Role {
  TENANT_ADMIN = 'TENANT_ADMIN',
  RESPONSIBILITY_EDITOR = 'RESPONSIBILITY_EDITOR',
  PLANNER = 'PLANNER',
  CARE_STAFF = 'CARE_STAFF',
  REHAB_COORDINATOR = 'REHAB_COORDINATOR',
  INTEGRATION = 'INTEGRATION',
}

/** Legal sex as the identity number records it; used for gender-disaggregated statistics. */
export enum LegalSex {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
}

/** A Swedish personnummer, or a samordningsnummer (day of birth + 60) for people not registered. */
export enum IdentityNumberKind {
  PERSONNUMMER = 'PERSONNUMMER',
  SAMORDNINGSNUMMER = 'SAMORDNINGSNUMMER',
}

/** Categories of patient data a consent can cover. */
export enum DataCategory {
  IDENTITY_AND_CONTACT = 'IDENTITY_AND_CONTACT',
  HEALTH_STATUS = 'HEALTH_STATUS',
  FUNCTIONAL_ABILITY = 'FUNCTIONAL_ABILITY',
  CARE_AND_REHAB_PLAN = 'CARE_AND_REHAB_PLAN',
  SICK_LEAVE = 'SICK_LEAVE',
  WORK_CAPACITY = 'WORK_CAPACITY',
  SOCIAL_SITUATION = 'SOCIAL_SITUATION',
}

/** Why data may flow under a consent. */
export enum ConsentPurpose {
  COORDINATED_DISCHARGE = 'COORDINATED_DISCHARGE',
  SIP = 'SIP',
  REHABILITATION_COORDINATION = 'REHABILITATION_COORDINATION',
  WORK_ORIENTED_REHABILITATION = 'WORK_ORIENTED_REHABILITATION',
  REHABILITATION_PLAN = 'REHABILITATION_PLAN',
}

/** Who gave a consent. */
export enum ConsentGivenBy {
  PATIENT = 'PATIENT',
  REPRESENTATIVE = 'REPRESENTATIVE',
}

/** Which version of the responsibility split an agreement describes. */
export enum AgreementScenario {
  CURRENT = 'CURRENT',
  TARGET = 'TARGET',
  DRAFT = 'DRAFT',
}

/** Where an agreement stands. Withdrawn agreements answer nothing; superseded ones answer for their own period. */
export enum AgreementStatus {
  ACTIVE = 'ACTIVE',
  SUPERSEDED = 'SUPERSEDED',
  WITHDRAWN = 'WITHDRAWN',
}

/**
 * Who a rule names, relative to the case: the person's home municipality, the region (its
 * regional principal), or one named organisation.
 */
export enum PrincipalRole {
  HOME_MUNICIPALITY = 'HOME_MUNICIPALITY',
  REGION = 'REGION',
  ORGANISATION = 'ORGANISATION',
}

/** The profession level an intervention is given at (the competence principle for assistive devices). */
export enum Profession {
  PHYSICIAN = 'PHYSICIAN',
  NURSE = 'NURSE',
  OCCUPATIONAL_THERAPIST = 'OCCUPATIONAL_THERAPIST',
  PHYSIOTHERAPIST = 'PHYSIOTHERAPIST',
  SPEECH_THERAPIST = 'SPEECH_THERAPIST',
}
