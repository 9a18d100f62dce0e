import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Membership of an organisation in a coordination association (samordningsförbund). */
@Entity({ name: 'association_membership' })
export class AssociationMembershipEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** The association's region: memberships are configuration of the association's tenant. */
  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'association_id', type: 'uuid' })
  associationId: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  /** Financing share in percent (two decimals), null when not known. Select lists read it as float8. */
  @Column({ name: 'financing_share', type: 'numeric', precision: 5, scale: 2, nullable: true })
  financingShare: number | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
