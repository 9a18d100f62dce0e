import { CoordinationActivityKind, CoordinationActorKind } from '../../domain/coordination';
import { KvaCondition, KvaRule } from '../../domain/coordination-activity';
import { KvaCode, SipKvaMapping, SipKvaUse } from '../../domain/sip';

/** KVÅ codes the platform records (Socialstyrelsen's classification of care measures; named in seed 003). */
export const DEFAULT_KVA_CODES: KvaCode[] = [
  { code: 'AU124', title: 'Upprättande av samordnad individuell plan (SIP)', validFrom: '2020-01-01', validTo: null },
  { code: 'UX301', title: 'Uppföljning av samordnad individuell plan (SIP)', validFrom: '2020-01-01', validTo: null },
  // Rehabilitation coordination (lag 2019:1297), as named in seed 003 (VGR's guide).
  { code: 'GC001', title: 'Rehabiliteringskoordinering', validFrom: '2020-01-01', validTo: null },
  { code: 'DV077', title: 'Upprättande av plan för återgång i arbete', validFrom: '2020-01-01', validTo: null },
  { code: 'AW026', title: 'Uppföljning av sjukskrivning och rehabiliteringsplan', validFrom: '2020-01-01', validTo: null },
  { code: 'ZV506', title: 'Kontakt med arbetsgivare', validFrom: '2020-01-01', validTo: null },
  { code: 'ZV502', title: 'Kontakt med Arbetsförmedlingen', validFrom: '2020-01-01', validTo: null },
];

/** Where the codes come from, stored with each seeded version. */
export const KVA_SOURCE = 'Socialstyrelsen, Klassifikation av vårdåtgärder (KVÅ), as named in seed 003; start of validity not known';

/** The code each SIP step is recorded with; seeded as the dated rule parameters sip.kvaCode.<use>. */
export const DEFAULT_SIP_KVA_MAPPING: SipKvaMapping = {
  [SipKvaUse.ESTABLISH]: 'AU124',
  [SipKvaUse.FOLLOW_UP]: 'UX301',
};

const { CONTACT, MEETING, RETURN_TO_WORK_PLAN, FOLLOW_UP, FK_NOTICE } = CoordinationActivityKind;

/**
 * Which KVÅ code a coordination activity earns (seed 003, VGR's KVÅ guidance), seeded as the dated
 * rule parameter coordination.kvaRules: GC001 only when the activity created value (the actor
 * reached, on a case whose intervention is under way), DV077 for the return-to-work plan, AW026 for
 * the follow-up of sick leave and plan, ZV506 for a contact with the employer, ZV502 with AF.
 */
export const DEFAULT_COORDINATION_KVA_RULES: KvaRule[] = [
  { code: 'GC001', activityKinds: [CONTACT, MEETING, RETURN_TO_WORK_PLAN, FOLLOW_UP, FK_NOTICE], actorKinds: null, condition: KvaCondition.VALUE_CREATED },
  { code: 'DV077', activityKinds: [RETURN_TO_WORK_PLAN], actorKinds: null, condition: KvaCondition.ALWAYS },
  { code: 'AW026', activityKinds: [FOLLOW_UP], actorKinds: null, condition: KvaCondition.ALWAYS },
  { code: 'ZV506', activityKinds: [CONTACT, MEETING], actorKinds: [CoordinationActorKind.EMPLOYER], condition: KvaCondition.REACHED },
  { code: 'ZV502', activityKinds: [CONTACT, MEETING], actorKinds: [CoordinationActorKind.AF], condition: KvaCondition.REACHED },
];

export const COORDINATION_KVA_SOURCE = 'Västra Götalandsregionen, guide to rehabilitation coordination (seed 003): KVÅ codes for the coordinator\'s work and when GC001 may be set';
