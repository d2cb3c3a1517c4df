import { Field, Int, ObjectType } from 'type-graphql';
import { listOf } from '../../core/limits';
import { MAX_FILE_BYTES } from './attachment-file';
import { Attachment } from './attachment.entity';

/** Evidence files an LAO may keep of one report or of one plan: more are rare, and its quota bounds them. */
const EXPECTED_ATTACHMENTS = 20;

@ObjectType({ description: 'ไฟล์หลักฐานของรายงานผลหนึ่งรายการ หรือของแผนปีงบประมาณหนึ่ง พร้อมสิ่งที่ผู้ใช้ทำได้และพื้นที่ที่ใช้ไป' })
export class AttachmentList {
  @Field(() => [Attachment], { complexity: listOf(EXPECTED_ATTACHMENTS), description: 'Oldest first' })
  items: Attachment[];

  @Field({
    description:
      'Whether the caller may upload, publish, withdraw and delete here now (its LAO’s officer; the round open, or the plan’s year not past)',
  })
  canEdit: boolean;

  @Field(() => Int, { description: 'Bytes the LAO’s evidence files take together' })
  usedBytes: number;

  @Field(() => Int, { description: 'Bytes the LAO’s evidence files may take together (ATTACHMENT_QUOTA_MB)' })
  quotaBytes: number;

  @Field(() => Int, { description: 'Largest file accepted, in bytes (10 MB)' })
  maxFileBytes: number = MAX_FILE_BYTES;
}
