import { t } from '@/features/notifications/i18n';
import { parseReminderDays } from '../composables/useReminderAdmin';

describe('parseReminderDays (the reminder schedule field)', () => {
  it('reads days separated by commas or spaces, largest first and each once', () => {
    expect(parseReminderDays('21, 14, 7, 1')).toEqual({ days: [21, 14, 7, 1] });
    expect(parseReminderDays(' 1 7,14  21,7 ')).toEqual({ days: [21, 14, 7, 1] });
    expect(parseReminderDays('0')).toEqual({ days: [0] });
  });

  it('takes an empty field as no reminders', () => {
    expect(parseReminderDays('')).toEqual({ days: [] });
    expect(parseReminderDays(' , ')).toEqual({ days: [] });
  });

  it('refuses what is not a whole number of days from 0 to 60, and more than six days, in Thai', () => {
    for (const text of ['7, -1', '61', '7.5', 'เจ็ด', '100'])
      expect(parseReminderDays(text)).toEqual({ error: t.reminderAdmin.daysInvalid });
    expect(parseReminderDays('30, 21, 14, 7, 3, 1, 0')).toEqual({ error: t.reminderAdmin.daysTooMany });
  });
});
