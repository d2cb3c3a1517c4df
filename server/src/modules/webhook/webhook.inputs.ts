import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Where to push which events of the change feed' })
export class CreateWebhookInput {
  @Field({ description: 'https:// (or http://) address of the receiver, at most 500 characters, without user or password' })
  url: string;

  @Field(() => [String], { description: 'Event names, e.g. progressReport.saved, projectYear.reviewed (docs/API.md lists them)' })
  events: string[];
}
