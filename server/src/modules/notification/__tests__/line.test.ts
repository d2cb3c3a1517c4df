import { createHmac } from 'node:crypto';
import { inQuietHours, lineText, outsideQuietHours } from '../line.channel';
import { validLineSignature } from '../line.link';

const quiet = { from: 21, to: 7 };

describe('LINE quiet hours (Thailand, UTC+7)', () => {
  it.each([
    ['2024-05-02T13:59:00Z', false], // 20:59
    ['2024-05-02T14:00:00Z', true], // 21:00
    ['2024-05-02T17:00:00Z', true], // 00:00
    ['2024-05-02T23:59:00Z', true], // 06:59
    ['2024-05-03T00:00:00Z', false], // 07:00
  ])('%s is quiet: %s', (at, expected) => {
    expect(inQuietHours(quiet, new Date(at))).toBe(expected);
  });

  it('moves a push of the night to 07:00 the same or the next morning, and leaves a daytime one', () => {
    expect(outsideQuietHours(quiet, new Date('2024-05-02T15:00:00Z')).toISOString()).toBe('2024-05-03T00:00:00.000Z');
    expect(outsideQuietHours(quiet, new Date('2024-05-02T18:30:00Z')).toISOString()).toBe('2024-05-03T00:00:00.000Z');
    expect(outsideQuietHours(quiet, new Date('2024-05-02T03:00:00Z')).toISOString()).toBe('2024-05-02T03:00:00.000Z');
    expect(outsideQuietHours(null, new Date('2024-05-02T15:00:00Z')).toISOString()).toBe('2024-05-02T15:00:00.000Z');
    // A window within one day (e.g. 12–13) too.
    expect(inQuietHours({ from: 12, to: 13 }, new Date('2024-05-02T05:30:00Z'))).toBe(true);
    expect(inQuietHours({ from: 12, to: 13 }, new Date('2024-05-02T06:00:00Z'))).toBe(false);
  });
});

describe('LINE messages and signatures', () => {
  it('writes title, body and link, within LINE’s 5,000 characters', () => {
    expect(lineText({ title: 'หัวเรื่อง', body: 'ข้อความ', url: null })).toBe('หัวเรื่อง\n\nข้อความ');
    expect(lineText({ title: 'ก', body: 'ข'.repeat(6000), url: 'https://x.example/' })).toHaveLength(5000);
  });

  it('accepts only the channel secret’s HMAC-SHA256 of the exact body', () => {
    const body = Buffer.from('{"events":[]}');
    const good = createHmac('sha256', 'secret').update(body).digest('base64');
    expect(validLineSignature('secret', body, good)).toBe(true);
    expect(validLineSignature('other', body, good)).toBe(false);
    expect(validLineSignature('secret', Buffer.from('{"events":[] }'), good)).toBe(false);
    expect(validLineSignature('secret', body, undefined)).toBe(false);
    expect(validLineSignature('secret', body, good.slice(0, 20))).toBe(false);
  });
});
