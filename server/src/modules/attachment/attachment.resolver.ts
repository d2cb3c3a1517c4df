import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { badInput } from '../../core/errors';
import { parseId } from '../../core/ids';
import { FiscalYearArg } from '../../core/input';
import { Permission } from '../access/policy';
import { ReportRound } from '../plan/report.enums';
import { Project } from '../project/project.entity';
import { Attachment } from './attachment.entity';
import { deleteAttachment, listAttachments, setAttachmentPublic } from './attachment.service';
import { AttachmentList } from './attachment.types';

/** Evidence files (uploaded by POST /attachments, opened by GET /attachments/<id>): listed, published or withdrawn, deleted. */
@Resolver(() => Attachment)
export class AttachmentResolver {
  @Authorized(Permission.READ_LAO)
  @Query(() => AttachmentList, {
    description:
      'The evidence files of a progress report (`progressReportId`), of every report of a round (`laoCode`, `fiscalYear` and `round`), or of the plan of an LAO’s fiscal year (`laoCode` and `fiscalYear`); metadata only, the bytes are at GET /attachments/<id>',
  })
  async attachments(
    @Arg('laoCode', () => String, { nullable: true }) laoCode: string | null | undefined,
    @FiscalYearArg({ nullable: true }) fiscalYear: number | null | undefined,
    @Arg('progressReportId', () => ID, { nullable: true }) progressReportId: string | null | undefined,
    @Arg('round', () => ReportRound, { nullable: true, description: 'With laoCode and fiscalYear: the files of every report of the round' })
    round: ReportRound | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<AttachmentList> {
    const hasReport = progressReportId !== null && progressReportId !== undefined;
    if ((!hasReport && (!laoCode || !fiscalYear)) || (hasReport && round)) {
      const message = 'กรุณาระบุรายงานผล (progressReportId) หรือ อปท. และปีงบประมาณ (laoCode, fiscalYear และรอบ round ถ้าต้องการ)';
      throw badInput([{ field: hasReport ? 'round' : laoCode ? 'fiscalYear' : 'laoCode', message }], message);
    }
    const listing = await listAttachments(ctx, {
      progressReportId: hasReport ? parseId(progressReportId) : null,
      laoCode: laoCode ?? null,
      fiscalYear: fiscalYear ?? null,
      round: round ?? null,
    });
    return Object.assign(new AttachmentList(), listing);
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The project of the report it was attached to; null for the plan' })
  project(@Root() attachment: Attachment, @Ctx() ctx: AppContext): Promise<Project | null> | null {
    return attachment.projectId === null ? null : ctx.loaders.projectById.load(attachment.projectId);
  }

  @Authorized(Permission.EDIT_LAO)
  @Mutation(() => Attachment, {
    description:
      'เผยแพร่ / ไม่เผยแพร่ an evidence file: once published, anyone may open it when its round (for the plan: a round of its year) is published',
  })
  setAttachmentPublic(
    @Arg('id', () => ID) id: string,
    @Arg('public', () => Boolean) isPublic: boolean,
    @Ctx() ctx: AppContext,
  ): Promise<Attachment> {
    return setAttachmentPublic(ctx, parseId(id), isPublic);
  }

  @Authorized(Permission.EDIT_LAO)
  @Mutation(() => Boolean, {
    description: 'ลบไฟล์หลักฐาน (its LAO’s officer, while its round is open, or for the plan while its year has not passed)',
  })
  deleteAttachment(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<boolean> {
    return deleteAttachment(ctx, parseId(id));
  }
}
