import { Field, ObjectType } from 'type-graphql';
import { type Actor, Permission, permissionsOf, Reach, reachOf } from './policy';

@ObjectType({ description: 'A permission an account holds, and how far it reaches' })
export class Grant {
  @Field(() => Permission)
  permission: Permission;

  @Field(() => Reach)
  reach: Reach;
}

/** What an account may do and where, for the client's menus, routes and buttons. */
export const grantsOf = (actor: Actor): Grant[] =>
  permissionsOf(actor).map((permission) => ({ permission, reach: reachOf(actor!, permission)! }));
