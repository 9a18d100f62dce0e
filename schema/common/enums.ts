import { registerEnumType } from 'type-graphql';
import { CareLevel, Country, HousingForm, OrganisationKind, Role } from '../../domain/enums';

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
