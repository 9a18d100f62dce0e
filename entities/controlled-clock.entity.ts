import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The clock of a deployment started with CLOCK=controlled: one row, how far it runs ahead of the
 * real time, and its last move (see server/clock/controlled-clock.ts).
 */
@Entity({ name: 'controlled_clock' })
export class ControlledClockEntity {
  /** Always true: the table has one row. */
  @PrimaryColumn('boolean')
  id: boolean;

  /** Milliseconds the clock runs ahead of the real time (never negative, never smaller than before). */
  @Column({ name: 'offset_ms', type: 'bigint' })
  offsetMs: string;

  /** The instant it was last moved to; null until it has been moved. */
  @Column({ name: 'advanced_to', type: 'timestamptz', nullable: true })
  advancedTo: Date | null;

  /** The real time of that move. */
  @Column({ name: 'advanced_at', type: 'timestamptz', nullable: true })
  advancedAt: Date | null;

  @Column({ name: 'advanced_by_user_id', type: 'text', nullable: true })
  advancedByUserId: string | null;

  @Column({ name: 'advanced_by_organisation_id', type: 'uuid', nullable: true })
  advancedByOrganisationId: string | null;
}
