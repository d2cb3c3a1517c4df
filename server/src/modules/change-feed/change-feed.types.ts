import { Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionOf } from '../../core/connection';

@ObjectType('Change', {
  description: 'A change to a plan, report, request, decision, reporting round or the registry, as other systems follow them',
})
export class ChangeNode {
  @Field(() => ID, { description: 'The event id: the same for every delivery of this event (its place in the feed)' })
  id: string;

  @Field(() => Int, { description: 'Its place in the feed: increasing in the order the changes were committed' })
  seq: number;

  @Field({ description: 'e.g. progressReport.saved, projectYear.reviewed, baselineRequest.decided (docs/API.md lists them)' })
  event: string;

  @Field({ description: 'The audit action behind it, e.g. approveAddition or rejectAddition' })
  action: string;

  @Field({ description: 'The kind of record changed, e.g. ProgressReport, ProjectYear, BaselineRequest' })
  targetType: string;

  @Field(() => String, { nullable: true })
  targetId: string | null;

  @Field(() => String, { nullable: true })
  laoCode: string | null;

  @Field(() => String, { nullable: true })
  provinceCode: string | null;

  @Field(() => Int, { nullable: true })
  fiscalYear: number | null;

  @Field(() => String, { nullable: true, description: 'The record after the change (before it, for a deletion), as JSON' })
  data: string | null;

  @Field()
  occurredAt: Date;
}

/** A page of the change feed: `edges { cursor node }`, `pageInfo`, `totalCount`. */
export const ChangeConnection = connectionOf(ChangeNode, 'Change', 'A page of the change feed, in commit order');
export type ChangeConnection = InstanceType<typeof ChangeConnection>;
