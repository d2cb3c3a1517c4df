import { Field, ID, Int, ObjectType } from 'type-graphql';
import { listOf } from '../../core/limits';
import { Lao } from '../lao/lao.entity';
import { ReportRound } from '../plan/report.enums';
import { RedFlagAction, RedFlagRule, RedFlagStatus } from './red-flag.enums';

@ObjectType({ description: 'What an officer decided on a red flag, with the note' })
export class RedFlagDecisionView {
  @Field(() => RedFlagAction)
  action: RedFlagAction;

  @Field()
  note: string;

  @Field({ description: 'The officer who decided (the account’s name, else its username)' })
  decidedBy: string;

  @Field(() => Date)
  decidedAt: Date;
}

@ObjectType({
  description:
    'ควรตรวจสอบ: something in an LAO’s round a province office should look at, by a rule, with its evidence. Computed from the data on each request; it never changes a score',
})
export class RedFlag {
  @Field(() => ID, { description: 'Stable: the rule, the LAO, the year, the round and a hash of what the flag is about' })
  id: string;

  @Field(() => RedFlagRule)
  rule: RedFlagRule;

  @Field({ description: 'The rule in Thai' })
  title: string;

  @Field({ description: 'What the rule looks for, with its thresholds, in Thai' })
  criterion: string;

  @Field(() => Lao)
  lao: Lao;

  @Field(() => Int)
  fiscalYear: number;

  @Field(() => ReportRound)
  round: ReportRound;

  @Field({ description: 'What was found, in Thai, with the figures, dates and names it rests on' })
  evidence: string;

  @Field(() => RedFlagStatus)
  status: RedFlagStatus;

  @Field(() => [RedFlagDecisionView], {
    complexity: listOf(2),
    description: 'Decisions so far, oldest first: a follow-up, then perhaps a dismissal (two at most)',
  })
  decisions: RedFlagDecisionView[];

  @Field({ description: 'Whether the caller may follow it up or dismiss it (REVIEW over the LAO’s province)' })
  canDecide: boolean;
}
