import { Authorized, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { listOf } from '../../core/limits';
import { Permission } from './policy';
import { Role, ROLE_TRAITS, RoleCredential, RolePlace } from './role';

@ObjectType({ description: 'A role an ADMIN may give an account: its Thai names, what its accounts belong to and how they sign in' })
export class RoleOption {
  @Field(() => Role)
  role: Role;

  @Field({ description: 'Its Thai name in forms and pickers' })
  label: string;

  @Field({ description: 'Its Thai name in narrow table columns' })
  shortLabel: string;

  @Field(() => RolePlace, { description: 'What creating an account of it asks for: an LAO, a province, or neither' })
  place: RolePlace;

  @Field(() => RoleCredential, { description: 'A password (reset and reassign apply) or API tokens' })
  credential: RoleCredential;

  @Field(() => String, { nullable: true, description: 'The unit its accounts work for when the role names no place' })
  unit: string | null;
}

/** The roles, in the order of the enum, as the ADMIN's account forms offer them (role.ts). */
export const roleOptions = (): RoleOption[] => Object.values(Role).map((role) => ({ role, ...ROLE_TRAITS[role] }));

@Resolver()
export class RoleOptionsResolver {
  @Authorized(Permission.ADMINISTER)
  @Query(() => [RoleOption], {
    complexity: listOf(Object.keys(Role).length),
    description: 'The roles an ADMIN may give an account, with what each needs (modules/access/role.ts)',
  })
  roleOptions(): RoleOption[] {
    return roleOptions();
  }
}
