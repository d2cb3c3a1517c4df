import { registerEnumType } from 'type-graphql';

/** The rules of the ควรตรวจสอบ queue (red-flag.rules.ts holds what each one looks for). */
export enum RedFlagRule {
  CONFIRMED_WARNING = 'CONFIRMED_WARNING',
  ALL_DONE_SIX_MONTHS = 'ALL_DONE_SIX_MONTHS',
  LAST_MINUTE = 'LAST_MINUTE',
  SCORE_JUMP = 'SCORE_JUMP',
  IDENTICAL_PLANS = 'IDENTICAL_PLANS',
  IDENTICAL_NOTES = 'IDENTICAL_NOTES',
}
registerEnumType(RedFlagRule, {
  name: 'RedFlagRule',
  description:
    'Why an LAO is in the ควรตรวจสอบ queue: warnings confirmed on a report; every project DONE at six months; every report saved in the last minutes before the close; a score far above last year and the province’s change; the same project list or the same note as another LAO of the province',
});

/** What an officer did about a flag. */
export enum RedFlagAction {
  /** ติดตามตรวจสอบ: the office looks into it. */
  FOLLOW_UP = 'FOLLOW_UP',
  /** ไม่มีประเด็น: the office found nothing wrong. */
  DISMISS = 'DISMISS',
}
registerEnumType(RedFlagAction, { name: 'RedFlagAction', description: 'ติดตามตรวจสอบ / ไม่มีประเด็น (dismissed)' });

/** Where a flag stands: nobody has decided yet, followed up, or dismissed (final). */
export enum RedFlagStatus {
  OPEN = 'OPEN',
  FOLLOWING_UP = 'FOLLOWING_UP',
  DISMISSED = 'DISMISSED',
}
registerEnumType(RedFlagStatus, { name: 'RedFlagStatus', description: 'รอพิจารณา / อยู่ระหว่างติดตาม / ไม่มีประเด็น' });
