import { Field, Int, ObjectType } from 'type-graphql';
import { ReportRound } from '../plan/report.enums';
import { PublicationState } from './publication';

@ObjectType({ description: 'การเผยแพร่ต่อสาธารณะ of a round of a fiscal year: on the public pages and in the open data or not, and why' })
export class RoundPublicationStatus {
  @Field(() => Int)
  fiscalYear: number;

  @Field(() => ReportRound)
  round: ReportRound;

  @Field(() => PublicationState, {
    description: 'PUBLISHED: closed, on the public pages; NOT_CLOSED: published once it closes; WITHDRAWN: ADMIN withdrew it',
  })
  state: PublicationState;

  @Field(() => String, { nullable: true, description: 'Why ADMIN withdrew it (WITHDRAWN only)' })
  reason: string | null;

  @Field(() => Date, { nullable: true, description: 'When ADMIN last withdrew or published it again; null = never' })
  changedAt: Date | null;
}
