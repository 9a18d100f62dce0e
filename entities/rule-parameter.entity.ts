import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A dated configuration value (see domain/rule-parameters.ts). */
@Entity({ name: 'rule_parameter' })
export class RuleParameterEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'region_id', type: 'uuid', nullable: true })
  regionId: string | null;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'jsonb' })
  value: unknown;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'text', nullable: true })
  source: string | null;

  /** Who set it through the API (the token's subject); null for seeded values. */
  @Column({ name: 'set_by_user_id', type: 'text', nullable: true })
  setByUserId: string | null;

  /** The organisation that user acted for; null for seeded values. */
  @Column({ name: 'set_by_organisation_id', type: 'uuid', nullable: true })
  setByOrganisationId: string | null;

  /** When it was set (the server's clock); null for seeded values. */
  @Column({ name: 'set_at', type: 'timestamptz', nullable: true })
  setAt: Date | null;
}
