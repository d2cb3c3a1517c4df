import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'The caller’s budget of query cost in the current window (per account or token; per address when signed out), after this operation was charged',
})
export class RateLimit {
  @Field(() => Int, { description: 'Cost units one window allows' })
  limit: number;

  @Field(() => Int, { description: 'Units left in the current window' })
  remaining: number;

  @Field({ description: 'When the current window ends and the budget is whole again' })
  resetAt: Date;

  @Field(() => Int, { description: 'Units spent in the current window, this operation included' })
  used: number;

  @Field(() => Int, { description: 'What this operation cost (its estimate: `rateLimit` itself costs nothing)' })
  cost: number;
}
