import { computed, reactive, type Ref } from 'vue';
import type { GraphQLFormattedError } from 'graphql';
import { t } from './i18n';

/** The codes of the API contract, plus NETWORK when the server could not be reached. */
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'LOCKED'
  | 'ROUND_CLOSED'
  | 'RATE_LIMITED'
  | 'TOO_COMPLEX'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK'
  | (string & {});

export interface ApiError {
  code: ApiErrorCode;
  /** The server's Thai message, fit to show as it is. */
  message: string;
  /** Field errors of BAD_USER_INPUT, keyed by the input field's name (`input.` prefix dropped). */
  fields: Record<string, string>;
  extensions: Record<string, unknown>;
}

interface ApolloLikeError {
  graphQLErrors?: readonly GraphQLFormattedError[];
  networkError?: (Error & { result?: unknown; statusCode?: number }) | null;
}

/** `input.laoCode` → `laoCode`: forms are keyed by the field, whatever the argument is called. */
export function fieldKey(path: string): string {
  return path.replace(/^input\./, '');
}

/** Reads what the server said, by code and by field, from whatever a query or mutation threw. */
export function toApiError(error: unknown): ApiError {
  const e = (error ?? {}) as ApolloLikeError;
  let graphQLErrors: readonly GraphQLFormattedError[] = e.graphQLErrors ?? [];
  // A request the server refused as a whole (HTTP 400) carries its errors in the network error's body.
  const body = e.networkError?.result as { errors?: GraphQLFormattedError[] } | undefined;
  if (!graphQLErrors.length && body && Array.isArray(body.errors)) graphQLErrors = body.errors;

  const first = graphQLErrors[0];
  // Too many requests, refused by something in front of the server (its own 429s carry their message).
  if (!first && e.networkError?.statusCode === 429) {
    return { code: 'RATE_LIMITED', message: t.errors.rateLimited, fields: {}, extensions: {} };
  }
  if (!first) {
    return {
      code: e.networkError ? 'NETWORK' : 'INTERNAL_SERVER_ERROR',
      message: e.networkError ? t.errors.network : t.errors.unknown,
      fields: {},
      extensions: {},
    };
  }
  const extensions = (first.extensions ?? {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const err of graphQLErrors) {
    const list = (err.extensions?.fields ?? []) as Array<{ field?: string; message?: string }>;
    for (const f of list) {
      if (f.field && f.message && !(fieldKey(f.field) in fields)) fields[fieldKey(f.field)] = f.message;
    }
  }
  return {
    code: String(extensions.code ?? 'INTERNAL_SERVER_ERROR'),
    message: first.message || t.errors.unknown,
    fields,
    extensions,
  };
}

/** What a query's error says to the user ('' while there is none). */
export function errorMessageOf(error: Ref<unknown>) {
  return computed(() => (error.value ? toApiError(error.value).message : ''));
}

export interface FormErrors<F extends string> {
  /** Message under each field, by the field's name. */
  fields: Partial<Record<F, string>>;
  /** Message for the form as a whole (shown when no field message fits). */
  message: string;
  code: ApiErrorCode | '';
  clear(): void;
  setField(field: F, text: string): void;
  hasFieldErrors(): boolean;
  /**
   * Shows an error: field messages go under their fields; the form message shows the server's message
   * when none of them fits this form, else the field messages that fit no field of it.
   */
  apply(error: unknown): ApiError;
}

/**
 * Error state of one form: messages under its fields (from the server's `extensions.fields` or the
 * client's own checks) and one message for the form as a whole. Reactive: templates read
 * `errors.fields.name` and `errors.message` directly. Fields are matched by name, never by message text.
 */
export function useFormErrors<F extends string>(formFields: readonly F[]): FormErrors<F> {
  const state = reactive({
    fields: {},
    message: '',
    code: '',
    clear() {
      state.fields = {};
      state.message = '';
      state.code = '';
    },
    setField(field, text) {
      state.fields = { ...state.fields, [field]: text };
    },
    hasFieldErrors() {
      return Object.keys(state.fields).length > 0;
    },
    apply(error) {
      state.clear();
      const api = toApiError(error);
      state.code = api.code;
      const next: Partial<Record<F, string>> = {};
      const elsewhere: string[] = [];
      for (const [field, text] of Object.entries(api.fields)) {
        if ((formFields as readonly string[]).includes(field)) next[field as F] = text;
        else if (!elsewhere.includes(text)) elsewhere.push(text);
      }
      state.fields = next;
      // Nothing the server said is lost: what no field of this form shows is said for the form as a whole.
      if (Object.keys(next).length === 0) state.message = api.message;
      else if (elsewhere.length) state.message = elsewhere.join(' ');
      return api;
    },
  } as FormErrors<F>) as FormErrors<F>;
  return state;
}
