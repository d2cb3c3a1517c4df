/**
 * What a channel throws when it knows more than "try again later": `permanent` — the channel refused
 * the message itself (LINE's 4xx), retrying cannot help, the delivery is FAILED at once; `retryAfterMs`
 * — the channel said when to come back (Retry-After), the next attempt is not before it.
 */
export class ChannelError extends Error {
  constructor(
    message: string,
    readonly options: { permanent?: boolean; retryAfterMs?: number } = {},
  ) {
    super(message);
  }
}
