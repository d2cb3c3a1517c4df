import { ArgsType, Field, ObjectType } from 'type-graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { connectionOf, PageArgs } from '../../core/connection';
import { NotificationChannel, NotificationDelivery, NoticeDeliveryStatus } from './notification.entity';

@ObjectType({ description: 'รหัสเชื่อมบัญชี LINE: ส่งรหัสนี้ในแชตของบัญชีทางการ (LINE Official Account) ของระบบ ภายใน 15 นาที' })
export class LineLinkCodeResult {
  @Field({ description: 'รหัส 8 ตัวอักษร (ใช้ได้ครั้งเดียว; a new one replaces it)' })
  code: string;

  @Field({ description: 'หมดอายุเมื่อ' })
  expiresAt: Date;

  @Field({ description: 'วิธีใช้รหัส (Thai)' })
  instructions: string;
}

export const NotificationDeliveryConnection = connectionOf(
  NotificationDelivery,
  'NotificationDelivery',
  'A page of the notices’ delivery log, in the order they were queued (`last` for the newest)',
);

@ArgsType()
export class NotificationDeliveriesArgs extends PageArgs {
  @Field(() => NoticeDeliveryStatus, { nullable: true, description: 'Only deliveries of this status' })
  @IsOptional()
  @IsEnum(NoticeDeliveryStatus, { message: 'สถานะการส่งไม่ถูกต้อง' })
  status?: NoticeDeliveryStatus | null;

  @Field(() => NotificationChannel, { nullable: true, description: 'Only deliveries by this channel' })
  @IsOptional()
  @IsEnum(NotificationChannel, { message: 'ช่องทางไม่ถูกต้อง' })
  channel?: NotificationChannel | null;
}
