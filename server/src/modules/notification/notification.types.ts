import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageInfo } from '../../core/connection';
import { edgesOfPage } from '../../core/limits';
import { Notification } from './notification.entity';

@ObjectType({ description: 'One notice of a page, with its cursor' })
export class NotificationEdge {
  @Field({ description: 'Opaque: pass it as `after`' })
  cursor: string;

  @Field(() => Notification)
  node: Notification;
}

@ObjectType({ description: 'The caller’s own notices, newest first, with how many are unread (the bell)' })
export class NotificationConnection {
  @Field(() => Int, { description: 'Unread notices of the caller (all of them, not only this page)' })
  unread: number;

  @Field(() => [NotificationEdge], { complexity: edgesOfPage })
  edges: NotificationEdge[];

  @Field(() => [Notification], { complexity: edgesOfPage, description: 'The notices of the page (the edges’ nodes)' })
  nodes: Notification[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType({ description: 'What markNotificationsRead did' })
export class NotificationsRead {
  @Field(() => Int, { description: 'Notices marked read now (already read or not the caller’s: not counted)' })
  marked: number;

  @Field(() => Int, { description: 'The caller’s unread notices left' })
  unread: number;
}

@ObjectType({ description: 'การตั้งค่าการแจ้งเตือนของผู้ใช้: ช่องทาง และการเตือนที่ต้องการรับ (the in-app list always)' })
export class NotificationSettings {
  @Field({ description: 'ส่งทางอีเมลด้วย (to the account’s e-mail address)' })
  email: boolean;

  @Field(() => String, { nullable: true, description: 'The address e-mail goes to (null: the account has none, so no e-mail goes)' })
  emailAddress: string | null;

  @Field({ description: 'ส่งทาง LINE ด้วย (once a LINE account is linked)' })
  line: boolean;

  @Field({ description: 'A LINE account is linked' })
  lineLinked: boolean;

  @Field({ description: 'ระบบเปิดใช้การแจ้งเตือนทาง LINE (false: the server has no LINE channel; linking is refused)' })
  lineAvailable: boolean;

  @Field({ description: 'รับการเตือนก่อนปิดรอบรายงานผล (DEADLINE_REMINDER)' })
  deadlineReminders: boolean;

  @Field({ description: 'รับการแจ้งเปิดรอบรายงานผล (ROUND_OPENED)' })
  roundOpened: boolean;
}

@InputType({ description: 'Settings to change; a field left out keeps its value' })
export class NotificationSettingsInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  email?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  line?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  deadlineReminders?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  roundOpened?: boolean;
}
