import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Lao } from '../lao/lao.entity';
import { ReportRound } from '../plan/report.enums';
import { ProgressReport } from '../progress-report/progress-report.entity';
import { Project } from '../project/project.entity';

/**
 * A file of evidence an LAO attached to a progress report or to its plan of a fiscal year (PDF, JPEG or
 * PNG, up to 10 MB): what it is, whose and of what, and whether the LAO publishes it. Its bytes are in
 * `attachment_chunk`, in the database every instance reads.
 */
@ObjectType({ description: 'ไฟล์หลักฐานที่ อปท. แนบกับรายงานผลหรือกับแผนของปีงบประมาณ (PDF, JPEG, PNG; ไม่เกิน 10 MB)' })
@Entity('attachment')
@Index('idx_attachment_lao_year', ['laoCode', 'fiscalYear'])
@Index('idx_attachment_report', ['progressReportId'])
@Index('idx_attachment_project', ['projectId'])
export class Attachment {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'The LAO whose evidence it is' })
  @Column({ type: 'varchar', length: 7 })
  laoCode: string;

  @ManyToOne(() => Lao, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'lao_code', foreignKeyConstraintName: 'fk_attachment_lao' })
  lao?: Relation<Lao>;

  @Field(() => Int, { description: 'Fiscal year (BE)' })
  @Column({ type: 'int' })
  fiscalYear: number;

  @Field(() => ReportRound, { nullable: true, description: 'The round of the report it was attached to; null for the plan of the year' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  round: ReportRound | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The progress report it was attached to; null for the plan of the year, or once a carried report it was on is removed (it stays its round’s and its project’s)',
  })
  @Column({ type: 'int', nullable: true })
  progressReportId: number | null;

  @ManyToOne(() => ProgressReport, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'progress_report_id', foreignKeyConstraintName: 'fk_attachment_report' })
  progressReport?: Relation<ProgressReport>;

  /** The project of the report it was attached to (kept when that report goes); null for the plan. Its field is `project`. */
  @Column({ type: 'int', nullable: true })
  projectId: number | null;

  @ManyToOne(() => Project, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_attachment_project' })
  project?: Relation<Project>;

  @Field({ description: 'The file’s name as it was sent, made safe (no folders or control characters), with the extension of its type' })
  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Field({
    description: 'What the content was found to be: application/pdf, image/jpeg or image/png (never what the name or the browser said)',
  })
  @Column({ type: 'varchar', length: 32 })
  mediaType: string;

  @Field(() => Int, { description: 'Size in bytes' })
  @Column({ type: 'int' })
  size: number;

  @Field({ description: 'SHA-256 of the content, hex: what was received is what is served' })
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Field({
    name: 'public',
    description: 'The LAO publishes it: anyone may open it once its round (or, for the plan, a round of its year) is published',
  })
  @Column({ type: 'boolean', default: false })
  isPublic: boolean;

  /** The account that uploaded it (its audit row names it too). */
  @Column({ type: 'int', nullable: true })
  uploadedBy: number | null;

  @Field(() => Date)
  @Column({ type: 'datetime' })
  uploadedAt: Date;
}

/** One piece of an attachment's bytes, in order: small rows, so that no statement carries a whole file (MariaDB's max_allowed_packet). */
@Entity('attachment_chunk')
export class AttachmentChunk {
  @PrimaryColumn({ type: 'int' })
  attachmentId: number;

  @ManyToOne(() => Attachment, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'attachment_id', foreignKeyConstraintName: 'fk_attachment_chunk_attachment' })
  attachment?: Relation<Attachment>;

  /** 0, 1, 2, … */
  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ type: 'blob' })
  data: Buffer;
}
