import { LegalSex } from '../../domain/enums';
import type { SipFollowUpLife, SipLife } from '../../domain/sip-statistics';
import { SipEntity, SipFollowUpEntity, SipInterventionEntity, SipMeetingEntity, SipParticipantEntity } from '../../entities';
import { RowOf, selectList } from './entity-columns';

const SIP = selectList(SipEntity, 's', ['createdBy']);

export type SipRow = RowOf<typeof SIP> & {
  /** The due date of the plan's open follow-up. */
  nextFollowUpDate: string | null;
};

export const SIP_COLUMNS = `${SIP.sql},
  (SELECT f.due_date::text FROM sip_follow_up f WHERE f.sip_id = s.id AND f.region_id = s.region_id AND f.done_at IS NULL) AS "nextFollowUpDate"`;

const SIP_PARTICIPANT = selectList(SipParticipantEntity, 'sp', ['regionId', 'addedBy', 'seq', 'sipCreatedAt', 'sipStatus', 'followUpId', 'followUpDue']);

export type SipParticipantRow = RowOf<typeof SIP_PARTICIPANT>;

export const SIP_PARTICIPANT_COLUMNS = SIP_PARTICIPANT.sql;

const SIP_INTERVENTION = selectList(SipInterventionEntity, 'si', ['regionId']);

export type SipInterventionRow = RowOf<typeof SIP_INTERVENTION>;

export const SIP_INTERVENTION_COLUMNS = SIP_INTERVENTION.sql;

/** The plan's region (regionId) with sipId is the key of the plan's participants. */
const SIP_MEETING = selectList(SipMeetingEntity, 'sm', ['recordedBy']);

export type SipMeetingRow = RowOf<typeof SIP_MEETING> & {
  /** Participants present. */
  attendeeIds: string[];
};

export const SIP_MEETING_COLUMNS = `${SIP_MEETING.sql},
  ARRAY(SELECT a.participant_id FROM sip_meeting_attendee a WHERE a.meeting_id = sm.id AND a.region_id = sm.region_id ORDER BY a.participant_id) AS "attendeeIds"`;

/** The plan's region (regionId) with sipId is the key of the plan's meetings. */
const SIP_FOLLOW_UP = selectList(SipFollowUpEntity, 'f', ['doneBy']);

export type SipFollowUpRow = RowOf<typeof SIP_FOLLOW_UP>;

export const SIP_FOLLOW_UP_COLUMNS = SIP_FOLLOW_UP.sql;

/** A plan as the planners' statistics need it: no identity, only the sex and home municipality. */
export interface SipStatisticsRow extends SipLife {
  id: string;
  homeMunicipalityId: string | null;
  legalSex: LegalSex;
  followUps: SipFollowUpLife[];
}
