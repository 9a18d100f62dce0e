import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Country } from '../domain/enums';

/** A tenant: a Swedish county region (län) or Åland. Configuration and aggregation space. */
@Entity({ name: 'region' })
export class RegionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  country: Country;

  /** Official 2-digit code (SCB county code, or Statistics Finland region code). */
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** IANA time zone for local-date rules (Europe/Stockholm, Europe/Mariehamn). */
  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
