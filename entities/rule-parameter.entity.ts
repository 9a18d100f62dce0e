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
}
