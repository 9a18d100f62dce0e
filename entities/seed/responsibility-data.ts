import { AgreementScenario, CareLevel, HousingForm, PrincipalRole, Profession } from '../../domain/enums';

/** The intervention catalogue (national, shared by every region): groups and interventions in display order. */
export const INTERVENTION_GROUPS = [
  { code: 'REHABILITATION', name: 'Rehabilitation', description: 'Rehabilitation in the home or at a clinic, to regain or keep functional ability.' },
  { code: 'ASSISTIVE_DEVICES', name: 'Assistive devices', description: 'Assistive devices (hjälpmedel): needs assessment, prescription and fitting; follows the competence principle.' },
  { code: 'HOME_ENVIRONMENT', name: 'Home environment', description: 'Changes to the home so that a person can live and manage there.' },
  { code: 'THERAPY', name: 'Therapy', description: 'Physiotherapy, occupational therapy and speech therapy.' },
  { code: 'SPECIALISED_REHABILITATION', name: 'Specialised rehabilitation', description: 'Rehabilitation that needs a specialised team or an inpatient stay.' },
] as const;

export const INTERVENTIONS = [
  { code: 'HOME_REHAB', groupCode: 'REHABILITATION', name: 'Home rehabilitation', description: 'Rehabilitation in the person\'s home (hemrehabilitering) by physiotherapist or occupational therapist.' },
  { code: 'ASSISTIVE_DEVICE_ASSESSMENT', groupCode: 'ASSISTIVE_DEVICES', name: 'Assessment of needs for assistive devices', description: 'Assessing whether and which assistive devices a person needs (behovsbedömning).' },
  { code: 'ASSISTIVE_DEVICE_FITTING', groupCode: 'ASSISTIVE_DEVICES', name: 'Prescription and fitting of assistive devices', description: 'Prescribing, fitting and teaching the use of an assistive device such as a walking aid (förskrivning och anpassning).' },
  { code: 'HOME_ADAPTATION', groupCode: 'HOME_ENVIRONMENT', name: 'Adaptation of the home', description: 'Adapting the home environment to the person\'s needs (anpassning av hemmiljön).' },
  { code: 'PHYSIOTHERAPY', groupCode: 'THERAPY', name: 'Physiotherapy', description: 'Physiotherapy (fysioterapi).' },
  { code: 'OCCUPATIONAL_THERAPY', groupCode: 'THERAPY', name: 'Occupational therapy', description: 'Occupational therapy (arbetsterapi).' },
  { code: 'SPEECH_THERAPY', groupCode: 'THERAPY', name: 'Speech therapy', description: 'Speech and language therapy (logopedi).' },
  { code: 'SPECIALISED_HOME_REHAB', groupCode: 'SPECIALISED_REHABILITATION', name: 'Specialised home rehabilitation', description: 'Home rehabilitation by a specialised team for complex needs.' },
  { code: 'INPATIENT_REHAB', groupCode: 'SPECIALISED_REHABILITATION', name: 'Inpatient rehabilitation', description: 'Rehabilitation during a stay at a rehabilitation ward.' },
] as const;

const MUNICIPALITY = PrincipalRole.HOME_MUNICIPALITY;
const REGION = PrincipalRole.REGION;

export interface RuleSeed {
  slug: string;
  intervention?: string;
  group?: string;
  housingForms?: HousingForm[];
  enrolled?: boolean;
  professions?: Profession[];
  /** Responsible principal; it also performs (at `performerCareLevel`) and bears the cost. */
  responsible: PrincipalRole;
  performerCareLevel: CareLevel;
  note: string;
}

/**
 * Dalarna's split as publicly described (../shared/DOMAIN.md, "Responsibility"): the municipality
 * for people enrolled in its home health care, the region for everybody else and for specialist
 * and physician-level input; assistive devices follow the competence principle.
 */
const CURRENT_RULES: RuleSeed[] = [
  { slug: 'home-rehab-enrolled', intervention: 'HOME_REHAB', enrolled: true, responsible: MUNICIPALITY, performerCareLevel: CareLevel.MUNICIPAL_HOME_REHAB, note: 'Home rehabilitation for people enrolled in municipal home health care, ordinary and special housing.' },
  { slug: 'home-rehab-not-enrolled', intervention: 'HOME_REHAB', enrolled: false, responsible: REGION, performerCareLevel: CareLevel.PRIMARY_CARE, note: 'All care for people not enrolled in home health care is the region\'s.' },
  { slug: 'physiotherapy-enrolled', intervention: 'PHYSIOTHERAPY', enrolled: true, responsible: MUNICIPALITY, performerCareLevel: CareLevel.MUNICIPAL_HOME_REHAB, note: 'Physiotherapist input in the home for enrolled people.' },
  { slug: 'occupational-therapy-enrolled', intervention: 'OCCUPATIONAL_THERAPY', enrolled: true, responsible: MUNICIPALITY, performerCareLevel: CareLevel.MUNICIPAL_HOME_REHAB, note: 'Occupational therapist input in the home for enrolled people.' },
  { slug: 'speech-therapy-enrolled', intervention: 'SPEECH_THERAPY', enrolled: true, responsible: REGION, performerCareLevel: CareLevel.SPECIALIST_CARE, note: 'Municipal home health care has no speech therapists: specialist input is the region\'s.' },
  { slug: 'therapy-not-enrolled', group: 'THERAPY', enrolled: false, responsible: REGION, performerCareLevel: CareLevel.PRIMARY_CARE, note: 'Therapy for people not enrolled: regional primary care (vårdcentral, primary care rehabilitation).' },
  { slug: 'home-adaptation', intervention: 'HOME_ADAPTATION', responsible: MUNICIPALITY, performerCareLevel: CareLevel.MUNICIPAL_HOME_REHAB, note: 'Adapting the home is the municipality\'s.' },
  { slug: 'assistive-devices-enrolled', group: 'ASSISTIVE_DEVICES', enrolled: true, responsible: MUNICIPALITY, performerCareLevel: CareLevel.MUNICIPAL_HOME_REHAB, note: 'Competence principle: each principal is responsible up to nurse level, including OT and PT input; for enrolled people that is the municipality.' },
  { slug: 'assistive-devices-not-enrolled', group: 'ASSISTIVE_DEVICES', enrolled: false, responsible: REGION, performerCareLevel: CareLevel.PRIMARY_CARE, note: 'Competence principle: for people not enrolled, the region.' },
  { slug: 'assistive-devices-physician-level', group: 'ASSISTIVE_DEVICES', enrolled: true, professions: [Profession.PHYSICIAN, Profession.SPEECH_THERAPIST], responsible: REGION, performerCareLevel: CareLevel.SPECIALIST_CARE, note: 'Competence principle: above nurse, OT and PT level (physician, speech therapist) the region prescribes.' },
  { slug: 'specialised-home-rehab', intervention: 'SPECIALISED_HOME_REHAB', responsible: REGION, performerCareLevel: CareLevel.SPECIALIST_CARE, note: 'Specialised home rehabilitation for complex needs is the region\'s.' },
  { slug: 'inpatient-rehab', intervention: 'INPATIENT_REHAB', responsible: REGION, performerCareLevel: CareLevel.INPATIENT_CARE, note: 'Inpatient rehabilitation wards are the region\'s.' },
];

/** The example target state changes one thing (seed 001: devices that do not follow the patient home). */
const TARGET_CHANGE: RuleSeed = {
  slug: 'assistive-devices-short-term-stay',
  intervention: 'ASSISTIVE_DEVICE_FITTING',
  enrolled: true,
  housingForms: [HousingForm.SHORT_TERM_STAY],
  responsible: REGION,
  performerCareLevel: CareLevel.INPATIENT_CARE,
  note: 'EXAMPLE: the discharging ward prescribes and fits assistive devices before a short-term stay, so that they follow the patient.',
};

export interface AgreementSeed {
  slug: string;
  title: string;
  scenario: AgreementScenario;
  validFrom: string;
  sourceDocument: string;
  sourceDate: string | null;
  example: boolean;
  rules: RuleSeed[];
}

export const DALARNA_AGREEMENTS: AgreementSeed[] = [
  {
    slug: 'rehab-habilitation-assistive-devices',
    title: 'Överenskommelse om rehabilitering, habilitering och hjälpmedel (bilaga till hemsjukvårdsavtalet)',
    scenario: AgreementScenario.CURRENT,
    validFrom: '2012-01-01',
    sourceDocument: 'Annex to the home health care agreement, made at the municipalisation of home health care in 2012 (seed 001); split as publicly described',
    sourceDate: null,
    example: false,
    rules: CURRENT_RULES,
  },
  {
    slug: 'target-state-example',
    title: 'Målbild rehabilitering Dalarna (EXEMPEL, ej beslutad)',
    scenario: AgreementScenario.TARGET,
    validFrom: '2026-01-01',
    sourceDocument: 'Example data for the target-state work started 2025 (seed 001): not a decided agreement',
    sourceDate: null,
    example: true,
    rules: [...CURRENT_RULES, TARGET_CHANGE],
  },
];
