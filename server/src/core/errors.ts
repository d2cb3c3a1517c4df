import type { GraphQLFormattedError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import type { Logger } from 'pino';

/** The error codes of the API contract (PRODUCT.md §7), each with the Thai message a user sees by default. */
export const ERROR_CODES = {
  BAD_USER_INPUT: 'ข้อมูลที่กรอกไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง',
  UNAUTHENTICATED: 'กรุณาเข้าสู่ระบบก่อนใช้งาน',
  FORBIDDEN: 'ท่านไม่มีสิทธิ์ทำรายการนี้',
  NOT_FOUND: 'ไม่พบข้อมูลที่ต้องการ',
  CONFLICT: 'ข้อมูลถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดข้อมูลใหม่แล้วลองอีกครั้ง',
  LOCKED: 'บัญชีผู้ใช้งานถูกล็อกชั่วคราว',
  ROUND_CLOSED: 'ขณะนี้ไม่อยู่ในช่วงเวลาการรายงานผล',
  RATE_LIMITED: 'มีการใช้งานบ่อยเกินกำหนด กรุณารอสักครู่แล้วลองใหม่อีกครั้ง',
  TOO_COMPLEX: 'คำขอนี้ขอข้อมูลมากเกินกว่าที่ระบบตอบได้ในครั้งเดียว',
  INTERNAL_SERVER_ERROR: 'ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง หากยังพบปัญหากรุณาติดต่อผู้ดูแลระบบ',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  /** The input field, by its name in the input object (`name`, `laoCode`; nested: `awards.0.text`). */
  field: string;
  message: string;
}

/** Codes that refuse the whole request, with their HTTP status (429 also says when to come back: Retry-After). */
export const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { RATE_LIMITED: 429, TOO_COMPLEX: 400 };

/** An error a service raises on purpose: its code and Thai message reach the client as they are. */
export class DomainError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string = ERROR_CODES[code],
    public readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** The HTTP status and headers of a refusal of the whole request: graphql-js copies these onto its error and Apollo sends them. */
  get extensions(): { http: { status: number; headers: HeaderMap } } | undefined {
    const status = HTTP_STATUS[this.code];
    if (!status) return undefined;
    const headers = new HeaderMap();
    if (typeof this.extra.retryAfterSeconds === 'number') headers.set('retry-after', String(this.extra.retryAfterSeconds));
    return { http: { status, headers } };
  }
}

export const badInput = (fields: FieldError[], message: string = ERROR_CODES.BAD_USER_INPUT) =>
  new DomainError('BAD_USER_INPUT', message, { fields });
export const notFound = (message: string = ERROR_CODES.NOT_FOUND) => new DomainError('NOT_FOUND', message);
export const forbidden = (message: string = ERROR_CODES.FORBIDDEN) => new DomainError('FORBIDDEN', message);
export const unauthenticated = (message: string = ERROR_CODES.UNAUTHENTICATED, extra = {}) =>
  new DomainError('UNAUTHENTICATED', message, extra);
export const conflict = (message: string = ERROR_CODES.CONFLICT) => new DomainError('CONFLICT', message);

/** Codes Apollo gives to a request it refused before running it: their messages describe the request only. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Thai for graphql-js's complaints about a variable's value, by what they say. */
const COERCION_TH: Array<[RegExp, string]> = [
  [/Int cannot represent/, 'กรุณากรอกเป็นจำนวนเต็ม'],
  [/Float cannot represent/, 'กรุณากรอกเป็นตัวเลข'],
  [/Boolean cannot represent/, 'กรุณาเลือกใช่หรือไม่ใช่'],
  [/does not exist in ".*" enum|Value ".*" does not exist/, 'ค่าที่เลือกไม่ถูกต้อง'],
  [/of required type .* was not provided|must not be null/, 'กรุณากรอกข้อมูลนี้'],
];

/**
 * A variable that does not fit its type (e.g. 1.5 for an Int): which input field it was, from
 * graphql-js's message ('Variable "$input" got invalid value 1.5 at "input.population"; …'), and a Thai
 * message, so forms can show it under the field like any other.
 */
function variableError(formatted: GraphQLFormattedError): FieldError | null {
  const m = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?;/s.exec(formatted.message);
  if (!m) return null;
  const path = m[2] ? m[2].split('.').slice(1).join('.') : '';
  const field = path || m[1];
  const message = COERCION_TH.find(([re]) => re.test(formatted.message))?.[1] ?? ERROR_CODES.BAD_USER_INPUT;
  return { field, message };
}

const THAI = /[\u0E00-\u0E7F]/;

/** Flattens class-validator errors into field paths with the Thai messages set on the decorators. */
export function fieldErrorsOf(errors: readonly ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const message of Object.values(e.constraints ?? {})) {
      out.push({ field, message: THAI.test(message) ? message : ERROR_CODES.BAD_USER_INPUT });
    }
    if (e.children?.length) out.push(...fieldErrorsOf(e.children, field));
  }
  return out;
}

/**
 * The one mapping from whatever a resolver threw to what a client sees. Domain errors keep their code
 * and message; validation and auth errors of the framework get Thai messages; anything else is logged
 * and replaced, so SQL and stack traces never reach a client.
 */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    let error = unwrapResolverError(raw);
    // A domain error raised while coercing a variable (e.g. the Money scalar) arrives wrapped, once by
    // graphql-js and once by Apollo: look through the chain.
    for (let cause: unknown = error; cause; cause = (cause as { originalError?: unknown }).originalError) {
      if (cause instanceof DomainError) {
        error = cause;
        break;
      }
    }
    const coercion = variableError(formatted);
    if (error instanceof DomainError && error.code === 'BAD_USER_INPUT' && coercion && !error.extra.fields) {
      return {
        message: error.message,
        extensions: { code: 'BAD_USER_INPUT', fields: [{ field: coercion.field, message: error.message }] },
      };
    }
    if (!(error instanceof DomainError) && coercion) {
      return { message: coercion.message, extensions: { code: 'BAD_USER_INPUT', fields: [coercion] } };
    }
    if (error instanceof DomainError) {
      return { message: error.message, path: formatted.path, extensions: { code: error.code, ...error.extra } };
    }
    if (error instanceof ArgumentValidationError) {
      const fields = fieldErrorsOf(error.extensions.validationErrors as ValidationError[]);
      return {
        message: fields[0]?.message ?? ERROR_CODES.BAD_USER_INPUT,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', fields },
      };
    }
    if (error instanceof AuthenticationError) {
      return { message: ERROR_CODES.UNAUTHENTICATED, path: formatted.path, extensions: { code: 'UNAUTHENTICATED' } };
    }
    if (error instanceof AuthorizationError) {
      return { message: ERROR_CODES.FORBIDDEN, path: formatted.path, extensions: { code: 'FORBIDDEN' } };
    }
    // Errors of the request itself, found before any resolver ran (syntax, unknown fields, variable types, limits).
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      return { message: formatted.message, locations: formatted.locations, extensions: { code } };
    }
    logger.error({ err: error, path: formatted.path }, 'unexpected error in resolver');
    return {
      message: ERROR_CODES.INTERNAL_SERVER_ERROR,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
