import { Role } from './enums';

/** Roles that work with patient data. PLANNER, TENANT_ADMIN and INTEGRATION get none. */
export const PATIENT_ROLES = [Role.CARE_STAFF, Role.REHAB_COORDINATOR];

/** Who reads hand-offs: care staff, and a machine client polling its organisation's inbox. */
export const HANDOFF_READ_ROLES = [...PATIENT_ROLES, Role.INTEGRATION];
