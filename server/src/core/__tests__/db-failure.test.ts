import { QueryFailedError } from 'typeorm';
import { dbFailureOf } from '../db';

const failed = (driverError: Record<string, unknown>) =>
  new QueryFailedError('UPDATE …', [], Object.assign(new Error('driver'), driverError));

describe('what a failed statement means', () => {
  it.each([
    [failed({ errno: 1213, code: 'ER_LOCK_DEADLOCK' }), 'retry'],
    [failed({ errno: 1205, code: 'ER_LOCK_WAIT_TIMEOUT' }), 'retry'],
    [failed({ errno: 1062, code: 'ER_DUP_ENTRY' }), 'duplicate'],
    [failed({ errno: 1452, code: 'ER_NO_REFERENCED_ROW_2' }), 'missing'],
    [failed({ errno: 1047, code: 'ER_UNKNOWN_COM_ERROR' }), 'unavailable'],
    [failed({ code: 'PROTOCOL_CONNECTION_LOST' }), 'unavailable'],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:13403'), { code: 'ECONNREFUSED', errno: -111 }), 'unavailable'],
    [failed({ code: 'SQLITE_BUSY' }), 'retry'],
    [failed({ errno: 1064, code: 'ER_PARSE_ERROR' }), null],
    [new Error('anything else'), null],
    ['not an error', null],
  ])('%#: %s → %s', (err, meaning) => {
    expect(dbFailureOf(err)).toBe(meaning);
  });
});
