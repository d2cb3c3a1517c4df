import { BeforeInsert, BeforeUpdate, Column } from 'typeorm';

/**
 * createdAt/updatedAt stamped by the application in UTC, not by a database default: MySQL's
 * CURRENT_TIMESTAMP follows the server's time zone, SQLite's does not, and the two must agree.
 */
export abstract class Timestamped {
  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime' })
  updatedAt: Date;

  @BeforeInsert()
  protected stampInsert(): void {
    const now = new Date();
    this.createdAt ??= now;
    this.updatedAt ??= now;
  }

  @BeforeUpdate()
  protected stampUpdate(): void {
    this.updatedAt = new Date();
  }
}
