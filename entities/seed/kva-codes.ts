import { KvaCode, SipKvaMapping, SipKvaUse } from '../../domain/sip';

/** KVÅ codes the platform records (Socialstyrelsen's classification of care measures; named in seed 003). */
export const DEFAULT_KVA_CODES: KvaCode[] = [
  { code: 'AU124', title: 'Upprättande av samordnad individuell plan (SIP)', validFrom: '2020-01-01', validTo: null },
  { code: 'UX301', title: 'Uppföljning av samordnad individuell plan (SIP)', validFrom: '2020-01-01', validTo: null },
];

/** Where the codes come from, stored with each seeded version. */
export const KVA_SOURCE = 'Socialstyrelsen, Klassifikation av vårdåtgärder (KVÅ), as named in seed 003; start of validity not known';

/** The code each SIP step is recorded with; seeded as the dated rule parameters sip.kvaCode.<use>. */
export const DEFAULT_SIP_KVA_MAPPING: SipKvaMapping = {
  [SipKvaUse.ESTABLISH]: 'AU124',
  [SipKvaUse.FOLLOW_UP]: 'UX301',
};
