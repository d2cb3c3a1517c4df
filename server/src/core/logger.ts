import pino, { type Logger } from 'pino';
import { currentRequestId } from './request-id';

/** Structured JSON logs; secrets and cookies are redacted wherever they appear. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'e-plannacc' },
    mixin: () => {
      const reqId = currentRequestId();
      return reqId ? { reqId } : {};
    },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.newPassword', '*.currentPassword', '*.token'],
      censor: '[redacted]',
    },
  });
}
