import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const requests = new AsyncLocalStorage<{ requestId: string }>();

/**
 * Gives every HTTP request a short reference (8 hex digits, easy to read out over the phone), sent
 * back as `X-Request-Id`, written on every log line of the request and shown in the Thai message of an
 * unexpected error, so that support can find what happened from what the official sees.
 */
export function requestIdMiddleware(_req: Request, res: Response, next: NextFunction): void {
  const requestId = randomBytes(4).toString('hex').toUpperCase();
  res.setHeader('X-Request-Id', requestId);
  requests.run({ requestId }, next);
}

/** The reference of the request being served, or null outside one. */
export const currentRequestId = (): string | null => requests.getStore()?.requestId ?? null;
