import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The one ครุฑ image that memos print at the top left (NACC sets it; no row = the space stays empty). */
@ObjectType({ description: 'ภาพครุฑที่พิมพ์มุมบนซ้ายของบันทึกข้อความ' })
@Entity('memo_emblem')
export class MemoEmblem {
  /** Always 1: there is one emblem for the whole country. */
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Field({ description: 'image/png or image/jpeg' })
  @Column({ type: 'varchar', length: 16 })
  mediaType: string;

  @Field(() => Int, { description: 'Pixels' })
  @Column({ type: 'int' })
  width: number;

  @Field(() => Int, { description: 'Pixels' })
  @Column({ type: 'int' })
  height: number;

  /** The image file, base64. */
  @Column({ type: 'text' })
  data: string;

  @Field(() => Date)
  @Column({ type: 'datetime' })
  updatedAt: Date;

  @Field({ description: 'The image as a data: URL, for a preview' })
  get dataUrl(): string {
    return `data:${this.mediaType};base64,${this.data}`;
  }
}
