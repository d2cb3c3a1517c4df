import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The count of one rate-limit bucket (e.g. sign-in tries of one address) in its current fixed window. */
@Entity('rate_limit')
@Index('idx_rate_limit_window', ['windowStart'])
export class RateLimitCounter {
  /** What is counted, and for whom: `login:a:203.0.113.7`, `cost:u:42`… */
  @PrimaryColumn({ type: 'varchar', length: 200 })
  bucket: string;

  /** Start of the current window, in milliseconds since the epoch (no dialect's date rules in the way). */
  @Column({ type: 'bigint' })
  windowStart: string;

  @Column({ type: 'int' })
  hits: number;
}
