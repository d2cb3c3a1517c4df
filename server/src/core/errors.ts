import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { AuthenticationError, AuthorizationError } from 'type-graphql';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { dbFailureOf } from './db';
import { currentRequestId } from './request-id';

/** The error codes of the API contract (PRODUCT.md §7), each with the Thai message a user sees by default. */
export const ERROR_CODES = {
  BAD_USER_INPUT: 'ข้อมูลที่กรอกไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง',
  UNAUTHENTICATED: 'กรุณาเข้าสู่ระบบก่อนใช้งาน',
  FORBIDDEN: 'ท่านไม่มีสิทธิ์ทำรายการนี้',
  NOT_FOUND: 'ไม่พบข้อมูลที่ต้องการ',
  CONFLICT: 'ข้อมูลถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดข้อมูลใหม่แล้วลองอีกครั้ง',
  LOCKED: 'บัญชีผู้ใช้งานถูกล็อกชั่วคราว',
  ROUND_CLOSED: 'ขณะนี้ไม่อยู่ในช่วงเวลาการรายงานผล',
  WARNINGS_UNCONFIRMED: 'กรุณาตรวจสอบข้อมูลก่อนบันทึก แล้วยืนยันการบันทึก',
  RATE_LIMITED: 'มีการใช้งานบ่อยเกินกำหนด กรุณารอสักครู่แล้วลองใหม่อีกครั้ง',
  TOO_COMPLEX: 'คำขอนี้ขอข้อมูลมากเกินกว่าที่ระบบตอบได้ในครั้งเดียว',
  UNTRUSTED_DOCUMENT: 'คำขอนี้ไม่ใช่คำสั่งที่ระบบรับรองไว้สำหรับหน้าเว็บ กรุณาโหลดหน้าเว็บใหม่ (ระบบอื่นใช้ API token)',
  SERVICE_UNAVAILABLE: 'ระบบไม่ว่างชั่วคราว เนื่องจากมีผู้ใช้งานพร้อมกันจำนวนมาก กรุณาลองใหม่อีกครั้งในอีกสักครู่',
  INTERNAL_SERVER_ERROR: 'ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง หากยังพบปัญหากรุณาติดต่อผู้ดูแลระบบ',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The HTTP status of each code: of every answer outside GraphQL (documents, uploads), and of GraphQL answers refused as a whole. */
const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LOCKED: 423,
  ROUND_CLOSED: 409,
  WARNINGS_UNCONFIRMED: 409,
  RATE_LIMITED: 429,
  TOO_COMPLEX: 400,
  UNTRUSTED_DOCUMENT: 400,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};
export const httpStatusOf = (code: ErrorCode): number => HTTP_STATUS[code];

/**
 * Codes that refuse a GraphQL request as a whole — too costly, too frequent, the system too busy: the
 * HTTP status says so too (429 and 503 with Retry-After), so that proxies and clients back off.
 */
const WHOLE_REQUEST_CODES = new Set<ErrorCode>(['RATE_LIMITED', 'TOO_COMPLEX', 'SERVICE_UNAVAILABLE']);

/** The message of an unexpected error, with the reference support needs to find it in the log. */
export function internalErrorMessage(requestId: string | null = currentRequestId()): string {
  return requestId ? `${ERROR_CODES.INTERNAL_SERVER_ERROR} (รหัสอ้างอิง ${requestId})` : ERROR_CODES.INTERNAL_SERVER_ERROR;
}

export interface FieldError {
  /** The input field, by its name in the input object (`name`, `laoCode`; nested: `awards.0.text`). */
  field: string;
  message: string;
}

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
}

export const badInput = (fields: FieldError[], message: string = ERROR_CODES.BAD_USER_INPUT) =>
  new DomainError('BAD_USER_INPUT', message, { fields });
export const notFound = (message: string = ERROR_CODES.NOT_FOUND) => new DomainError('NOT_FOUND', message);
export const forbidden = (message: string = ERROR_CODES.FORBIDDEN) => new DomainError('FORBIDDEN', message);
export const unauthenticated = (message: string = ERROR_CODES.UNAUTHENTICATED, extra = {}) =>
  new DomainError('UNAUTHENTICATED', message, extra);
export const conflict = (message: string = ERROR_CODES.CONFLICT) => new DomainError('CONFLICT', message);

/**
 * What a request that met an unreachable database (or a Galera node cut off from its cluster) answers:
 * a state of the server, not a fault of the request, so 503 with Retry-After and a Thai message; null
 * for any other error.
 */
export function databaseUnavailable(err: unknown): DomainError | null {
  if (dbFailureOf(err) !== 'unavailable') return null;
  return new DomainError('SERVICE_UNAVAILABLE', 'ระบบไม่สามารถติดต่อฐานข้อมูลได้ชั่วคราว กรุณาลองใหม่อีกครั้งในอีกสักครู่', {
    retryAfterSeconds: 5,
  });
}

/**
 * An error of the GraphQL context function (authentication, before any resolver): Apollo answers it
 * with the HTTP status the error itself carries, else 500. A domain error or an unreachable database
 * keeps its status (503 with Retry-After for the latter); formatError then gives its code and message.
 */
export function contextError(err: unknown): unknown {
  const domain = err instanceof DomainError ? err : databaseUnavailable(err);
  if (!domain) return err;
  const headers = new Map<string, string>();
  if (typeof domain.extra.retryAfterSeconds === 'number') headers.set('retry-after', String(domain.extra.retryAfterSeconds));
  return new GraphQLError(domain.message, {
    originalError: domain,
    extensions: { code: domain.code, http: { status: httpStatusOf(domain.code), headers } },
  });
}

/**
 * What a route outside GraphQL (/export, /import) answers for an error: the status of the one table,
 * Retry-After where the error carries one, the Thai message; an unexpected error is logged and answered
 * with the request's reference. `as` is the body: text for a document the browser opens, JSON for the client.
 */
export function sendHttpError(res: Response, err: unknown, log: Logger, as: 'text' | 'json'): void {
  const domain = err instanceof DomainError ? err : databaseUnavailable(err);
  if (!domain) log.error({ err }, 'request failed');
  const status = domain ? httpStatusOf(domain.code) : 500;
  const message = domain ? domain.message : internalErrorMessage();
  if (typeof domain?.extra.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(domain.extra.retryAfterSeconds));
  if (as === 'json') res.status(status).json({ message, code: domain?.code ?? 'INTERNAL_SERVER_ERROR' });
  else res.status(status).type('text/plain; charset=utf-8').send(message);
}

/** Codes Apollo gives to a request it refused before running it, with what to tell the caller in Thai. */
const REQUEST_ERROR_TH: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: 'คำขอไม่ถูกต้อง: รูปแบบคำสั่ง GraphQL ผิด',
  GRAPHQL_VALIDATION_FAILED: 'คำขอไม่ถูกต้อง: ไม่ตรงกับโครงสร้างของ API',
  BAD_USER_INPUT: ERROR_CODES.BAD_USER_INPUT,
  BAD_REQUEST: 'คำขอไม่ถูกต้อง',
  OPERATION_RESOLUTION_FAILURE: 'คำขอไม่ถูกต้อง: ไม่พบคำสั่งที่ระบุ',
  PERSISTED_QUERY_NOT_FOUND: 'คำขอไม่ถูกต้อง: ไม่พบคำสั่งที่บันทึกไว้',
  PERSISTED_QUERY_NOT_SUPPORTED: 'คำขอไม่ถูกต้อง: ระบบไม่รองรับคำสั่งที่บันทึกไว้',
};

/** Thai for graphql-js's complaints about a value that does not fit its type, by what they say. */
const COERCION_TH: Array<[RegExp, string]> = [
  [/^Int cannot represent non 32-bit/, 'ตัวเลขมากหรือน้อยเกินกว่าที่ระบบรับได้'],
  [/^Int cannot represent/, 'กรุณากรอกเป็นจำนวนเต็ม'],
  [/^Float cannot represent/, 'กรุณากรอกเป็นตัวเลข'],
  [/^String cannot represent/, 'กรุณากรอกเป็นข้อความ'],
  [/^Boolean cannot represent/, 'กรุณาเลือกใช่หรือไม่ใช่'],
  [/^ID cannot represent/, 'รหัสอ้างอิงไม่ถูกต้อง'],
  [/^Enum "\w+" cannot represent|^Value .* does not exist in "\w+" enum/s, 'ค่าที่เลือกไม่ถูกต้อง'],
  [/not to be null\.$|must be non-null\.$|must not be null\.$|was not provided\.$/, 'กรุณากรอกข้อมูลนี้'],
  [/^Field "\w+" is not defined by type/, 'มีข้อมูลที่ระบบไม่รู้จัก กรุณาตรวจสอบรูปแบบข้อมูลที่ส่ง'],
  [/^Expected type "\w+" to be an object|^Exactly one key/, 'รูปแบบข้อมูลไม่ถูกต้อง'],
  [/^Too many errors processing variables/, 'ข้อมูลที่ส่งมาผิดรูปแบบหลายรายการ กรุณาตรวจสอบอีกครั้ง'],
];

const coercionTh = (detail: string): string | undefined => COERCION_TH.find(([re]) => re.test(detail))?.[1];

/** The messages of an error and of the errors it wraps, outermost first. */
function messageChain(raw: unknown): string[] {
  const out: string[] = [];
  for (let e = raw as { message?: unknown; originalError?: unknown } | undefined; e && out.length < 10; e = e.originalError as typeof e) {
    if (typeof e.message === 'string') out.push(e.message);
  }
  return out;
}

/**
 * A variable that does not fit its type (e.g. 1.5 for an Int): which field it was and a Thai message,
 * so forms show it under the field like any other. graphql-js says 'Variable "$input" got invalid value
 * 1.5 at "input.population"; Int cannot represent…' (the value may hold anything, so the path is read
 * from just before the detail, which the wrapped error carries), or that a required variable is missing.
 * The field is named from the variable: inside an input object relative to it (`population`), inside a
 * list with the variable's name (`awards.0.kind`).
 */
function variableError(formatted: GraphQLFormattedError, raw: unknown): FieldError | null {
  const text = formatted.message;
  const missing = /^Variable "\$(\w+)" of (?:required|non-null) type "[^"]*" (?:was not provided|must not be null)\.$/.exec(text);
  if (missing) return { field: missing[1], message: 'กรุณากรอกข้อมูลนี้' };
  const variable = /^Variable "\$(\w+)" got invalid value /.exec(text);
  if (!variable) return null;
  const detail = messageChain(raw).find((m) => m !== text && text.endsWith(`; ${m}`)) ?? text.slice(text.lastIndexOf('; ') + 2);
  const head = text.slice(0, text.length - detail.length - 2);
  let segments = (/ at "([\w.[\]]+)"$/.exec(head)?.[1] ?? variable[1]).replace(/\[(\d+)\]/g, '.$1').split('.');
  if (!/^\d+$/.test(segments[1] ?? '')) segments = segments.slice(1);
  // A field left out or not known is named in the detail, not in the path.
  const named = /^Field "(\w+)" (?:of required type|is not defined)/.exec(detail)?.[1];
  if (named) segments.push(named);
  return { field: segments.join('.') || variable[1], message: coercionTh(detail) ?? ERROR_CODES.BAD_USER_INPUT };
}

const THAI = /[\u0E00-\u0E7F]/;

/**
 * The one mapping from whatever a resolver threw to what a client sees. Domain errors keep their code
 * and message; validation and auth errors of the framework get Thai messages; anything else is logged
 * and replaced, so SQL and stack traces never reach a client. Every message is Thai; what graphql-js
 * said about a malformed request stays in `extensions.detail` for the developers of other systems.
 */
export function formatError(logger: Logger) {
  const internal = (path: GraphQLFormattedError['path']): GraphQLFormattedError => {
    const requestId = currentRequestId();
    return { message: internalErrorMessage(requestId), path, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } };
  };
  const format = (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    let error = unwrapResolverError(raw);
    // A domain error raised while coercing a variable (e.g. the Money scalar) arrives wrapped, once by
    // graphql-js and once by Apollo, and one raised while the context was made once: look through the chain.
    for (let cause: unknown = error; cause; cause = (cause as { originalError?: unknown }).originalError) {
      if (cause instanceof DomainError) {
        error = cause;
        break;
      }
      const unavailable = databaseUnavailable(cause);
      if (unavailable) {
        logger.warn({ err: cause, path: formatted.path }, 'database unavailable');
        error = unavailable;
        break;
      }
    }
    const coercion = variableError(formatted, raw);
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
    if (error instanceof AuthenticationError) {
      return { message: ERROR_CODES.UNAUTHENTICATED, path: formatted.path, extensions: { code: 'UNAUTHENTICATED' } };
    }
    if (error instanceof AuthorizationError) {
      return { message: ERROR_CODES.FORBIDDEN, path: formatted.path, extensions: { code: 'FORBIDDEN' } };
    }
    // Errors of the request itself, found before any resolver ran (syntax, unknown fields, literal values, limits).
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && (code in REQUEST_ERROR_TH || (formatted.path === undefined && THAI.test(formatted.message)))) {
      if (THAI.test(formatted.message)) return { message: formatted.message, locations: formatted.locations, extensions: { code } };
      const message = coercionTh(formatted.message.replace(/^.*?; /s, '')) ?? REQUEST_ERROR_TH[code] ?? ERROR_CODES.BAD_USER_INPUT;
      return { message, locations: formatted.locations, extensions: { code, detail: formatted.message } };
    }
    logger.error({ err: error, path: formatted.path }, 'unexpected error in resolver');
    return internal(formatted.path);
  };
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    try {
      return format(formatted, raw);
    } catch (err) {
      // Never Apollo's own English "Internal server error", and never unlogged.
      logger.error({ err, cause: raw }, 'formatting an error failed');
      return internal(formatted.path);
    }
  };
}

/**
 * Sets the HTTP status (and Retry-After) of a GraphQL answer refused as a whole — too costly, too
 * frequent, the system busy or its database out of reach — from the code its error ends up with, in
 * whichever phase it was raised (the cost check, a resolver, the database).
 */
export const errorStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single' || response.body.singleResult.data) return;
        for (const error of response.body.singleResult.errors ?? []) {
          const code = String(error.extensions?.code) as ErrorCode;
          if (!WHOLE_REQUEST_CODES.has(code)) continue;
          response.http.status = HTTP_STATUS[code];
          const retryAfter = error.extensions?.retryAfterSeconds;
          if (typeof retryAfter === 'number') response.http.headers.set('retry-after', String(retryAfter));
          return;
        }
      },
    };
  },
};
