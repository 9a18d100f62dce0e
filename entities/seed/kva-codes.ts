import { KvaCode, SipKvaMapping, SipKvaUse } from '../../domain/sip';

/** KVÅ codes the platform records (Socialstyrelsen's classification of care measures; named in seed 003). */
export const DEFAULT_KVA_CODES: KvaCode[] = [
  { code: 'AU124', title: 'Upprättande av samordnad individuell plan (SIP)', validFrom: '2020-01-01', validTo: null },
  { code: 'UX301', title: 'Uppföljning av samordnad individuell plan (SIP)', validFrom: '2020-01-01', validTo: null },
];

/** The code each SIP step is recorded with. */
export const DEFAULT_SIP_KVA_MAPPING: SipKvaMapping = {
  [SipKvaUse.ESTABLISH]: 'AU124',
  [SipKvaUse.FOLLOW_UP]: 'UX301',
};
