import fs from 'node:fs';
import path from 'node:path';
import { ERROR_CODES, httpStatusOf, type ErrorCode } from '../errors';

/** docs/API.md tells other systems every error code with its HTTP status: a code added here without a row there fails. */
describe('the error codes of the API contract', () => {
  const doc = fs.readFileSync(path.join(__dirname, '../../../../docs/API.md'), 'utf8');
  const rows = new Map([...doc.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])]));

  it.each(Object.keys(ERROR_CODES) as ErrorCode[])('%s is documented with its HTTP status', (code) => {
    expect(rows.get(code)).toBe(httpStatusOf(code));
  });

  it('documents no code the server does not have', () => {
    expect([...rows.keys()].filter((code) => !(code in ERROR_CODES))).toEqual([]);
  });
});
