import { thaiDuration } from '../../../core/rate-limit';
import { PASSWORD_PATTERN } from '../account.inputs';

describe('sign-in helpers', () => {
  it.each([
    [300_000, '5 นาที'],
    [239_000, '3 นาที 59 วินาที'],
    [59_500, '1 นาที'],
    [45_000, '45 วินาที'],
    [1, '1 วินาที'],
    [0, '1 วินาที'],
  ])('%i ms reads "%s"', (ms, text) => {
    expect(thaiDuration(ms)).toBe(text);
  });

  it.each([
    ['Lao@2567', true],
    ['รหัสผ่าน2567', true],
    ['abcdefgh', false],
    ['12345678', false],
    ['a1', false],
  ])('password %p acceptable: %p', (pw, ok) => {
    expect(PASSWORD_PATTERN.test(pw)).toBe(ok);
  });
});
