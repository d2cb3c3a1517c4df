import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A secret the server instances share (e.g. the key that signs device cookies), made at first use. */
@Entity('server_secret')
export class ServerSecret {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  /** Random bytes, base64url. */
  @Column({ type: 'varchar', length: 128 })
  value: string;
}
