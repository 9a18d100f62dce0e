import { LegalSex } from '../../domain/enums';
import type { SipFollowUpLife, SipLife } from '../../domain/sip-statistics';
import { SipParticipantBasis, SipParticipantKind, SipStatus } from '../../domain/sip';

export interface SipRow {
  id: string;
  regionId: string;
  patientId: string;
  status: SipStatus;
  version: number;
  initiatingOrganisationId: string;
  handoffId: string | null;
  overallResponsibleOrganisationId: string | null;
  personGoals: string | null;
  personOwnActions: string | null;
  personObjectsToRelatives: boolean;
  meetingPlannedAt: Date | null;
  meetingPlannedPlace: string | null;
  /** The due date of the plan's open follow-up. */
  nextFollowUpDate: string | null;
  createdAt: Date;
  updatedAt: Date;
  calledAt: Date | null;
  activatedAt: Date | null;
  endedAt: Date | null;
  endReason: string | null;
}

export const SIP_COLUMNS = `s.id, s.region_id AS "regionId", s.patient_id AS "patientId", s.status, s.version,
  s.initiating_organisation_id AS "initiatingOrganisationId", s.handoff_id AS "handoffId",
  s.overall_responsible_organisation_id AS "overallResponsibleOrganisationId", s.person_goals AS "personGoals",
  s.person_own_actions AS "personOwnActions", s.person_objects_to_relatives AS "personObjectsToRelatives",
  s.meeting_planned_at AS "meetingPlannedAt", s.meeting_planned_place AS "meetingPlannedPlace",
  (SELECT f.due_date::text FROM sip_follow_up f WHERE f.sip_id = s.id AND f.region_id = s.region_id AND f.done_at IS NULL) AS "nextFollowUpDate",
  s.created_at AS "createdAt", s.updated_at AS "updatedAt", s.called_at AS "calledAt", s.activated_at AS "activatedAt",
  s.ended_at AS "endedAt", s.end_reason AS "endReason"`;

export interface SipParticipantRow {
  id: string;
  sipId: string;
  kind: SipParticipantKind;
  organisationId: string | null;
  careUnitId: string | null;
  basis: SipParticipantBasis | null;
  contactName: string | null;
  contactRole: string | null;
  contactDetails: string | null;
  addedAt: Date;
  removedAt: Date | null;
}

export const SIP_PARTICIPANT_COLUMNS = `sp.id, sp.sip_id AS "sipId", sp.kind, sp.organisation_id AS "organisationId", sp.care_unit_id AS "careUnitId",
  sp.basis, sp.contact_name AS "contactName", sp.contact_role AS "contactRole", sp.contact_details AS "contactDetails", sp.added_at AS "addedAt", sp.removed_at AS "removedAt"`;

export interface SipInterventionRow {
  id: string;
  sipId: string;
  position: number;
  description: string;
  responsibleOrganisationId: string;
  dueDate: string | null;
}

export const SIP_INTERVENTION_COLUMNS = `si.id, si.sip_id AS "sipId", si.position, si.description,
  si.responsible_organisation_id AS "responsibleOrganisationId", si.due_date::text AS "dueDate"`;

export interface SipMeetingRow {
  id: string;
  sipId: string;
  /** The plan's region: with sipId, the key of the plan's participants. */
  regionId: string;
  heldAt: Date;
  place: string | null;
  video: boolean;
  note: string | null;
  kvaCode: string | null;
  recordedAt: Date;
  /** Participants present. */
  attendeeIds: string[];
}

export const SIP_MEETING_COLUMNS = `sm.id, sm.sip_id AS "sipId", sm.region_id AS "regionId", sm.held_at AS "heldAt", sm.place, sm.video, sm.note, sm.kva_code AS "kvaCode",
  sm.recorded_at AS "recordedAt", ARRAY(SELECT a.participant_id FROM sip_meeting_attendee a WHERE a.meeting_id = sm.id AND a.region_id = sm.region_id ORDER BY a.participant_id) AS "attendeeIds"`;

export interface SipFollowUpRow {
  id: string;
  sipId: string;
  /** The plan's region: with sipId, the key of the plan's meetings. */
  regionId: string;
  dueDate: string;
  doneAt: Date | null;
  meetingId: string | null;
  note: string | null;
  kvaCode: string | null;
  createdAt: Date;
}

export const SIP_FOLLOW_UP_COLUMNS = `f.id, f.sip_id AS "sipId", f.region_id AS "regionId", f.due_date::text AS "dueDate", f.done_at AS "doneAt", f.meeting_id AS "meetingId",
  f.note, f.kva_code AS "kvaCode", f.created_at AS "createdAt"`;

/** A plan as the planners' statistics need it: no identity, only the sex and home municipality. */
export interface SipStatisticsRow extends SipLife {
  id: string;
  homeMunicipalityId: string | null;
  legalSex: LegalSex;
  followUps: SipFollowUpLife[];
}
