import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, pageRequest, toConnection } from '../../schema/common/page';
import { Organisation } from '../../schema/organisation/organisation.type';
import {
  Consent,
  ConsentConnection,
  ConsentRecordInput,
  ConsentRecordPayload,
  ConsentRevokeInput,
  ConsentRevokePayload,
  ConsentStatus,
} from '../../schema/patient/consent.type';
import type { ConsentRow } from '../../server/access/rows.patient';
import type { Context } from '../../server/context';
import { recordConsent, revokeConsent } from './consent.service';

@Resolver(() => Consent)
export class ConsentResolver {
  @Query(() => ConsentConnection, { description: 'Consents of a patient you may see, newest first. Logged.' })
  async consents(
    @Arg('patientId', () => ID, { description: 'The patient.' }) patientId: string,
    @Args() page: PageArgs,
    @Ctx() { access }: Context,
  ) {
    const rows = await access.consents.ofPatient(patientId, pageRequest(page, ['timestamp', 'uuid']));
    return toConnection(rows, (c: ConsentRow) => [c.recordedAtKey, c.id]);
  }

  @FieldResolver(() => ConsentStatus, { description: "Whether it allows data to flow today (in the viewer's region)." })
  async status(@Root() consent: ConsentRow, @Ctx() { access }: Context) {
    if (consent.revokedAt) return ConsentStatus.REVOKED;
    const today = await access.today();
    if (today < consent.validFrom) return ConsentStatus.NOT_YET_VALID;
    return today > consent.validTo ? ConsentStatus.EXPIRED : ConsentStatus.ACTIVE;
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation that may send the data; null only if it cannot be read.' })
  source(@Root() consent: ConsentRow, @Ctx() { access }: Context) {
    return access.reference.organisation(consent.sourceOrganisationId);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation that may receive the data; null only if it cannot be read.' })
  recipient(@Root() consent: ConsentRow, @Ctx() { access }: Context) {
    return access.reference.organisation(consent.recipientOrganisationId);
  }

  @Mutation(() => ConsentRecordPayload, { description: "Records a patient's consent for data to flow from your organisation to another. Logged." })
  async consentRecord(@Arg('input', () => ConsentRecordInput, { description: 'The consent.' }) input: ConsentRecordInput, @Ctx() { access }: Context) {
    return { consent: await recordConsent(access, input) };
  }

  @Mutation(() => ConsentRevokePayload, { description: "Revokes a consent (its source organisation or the patient's own organisation). An organisation that took part in the person's SIPs on it alone leaves them; a running SIP left without the person's consent between its principals is cancelled. Logged." })
  async consentRevoke(@Arg('input', () => ConsentRevokeInput, { description: 'The revocation.' }) input: ConsentRevokeInput, @Ctx() { access }: Context) {
    return { consent: await revokeConsent(access, input) };
  }
}
