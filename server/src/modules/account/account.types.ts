import { Field, Int, ObjectType } from 'type-graphql';
import { AuthToken } from './auth-token.entity';
import { User } from './user.entity';

@ObjectType({ description: 'The answer to a successful sign-in' })
export class AuthPayload {
  @Field({ description: 'Bearer token of the new session (the web client uses the httpOnly cookie instead)' })
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => User)
  user: User;
}

@ObjectType({ description: 'ค้นหาชื่อผู้ใช้งาน: an LAO and the username of one of its officers' })
export class LaoAccount {
  @Field()
  laoCode: string;

  @Field()
  laoName: string;

  @Field(() => String, { nullable: true, description: 'Null when the LAO has no account yet' })
  username: string | null;
}

@ObjectType({ description: 'A new API token: the secret is shown this once and never again' })
export class ApiTokenSecret {
  @Field()
  secret: string;

  @Field(() => AuthToken)
  apiToken: AuthToken;
}

@ObjectType({ description: 'Fiscal years (Buddhist Era) for the year selector' })
export class FiscalYearOptions {
  @Field(() => Int, { description: 'The fiscal year of today' })
  current: number;

  @Field(() => [Int], { description: 'Years to offer, newest first' })
  years: number[];

  @Field(() => [Int], { description: 'Years a project may be planned in, oldest first: last year (closed) to four years ahead' })
  planYears: number[];
}
