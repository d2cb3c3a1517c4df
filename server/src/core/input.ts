import type { GraphQLResolveInfo } from 'graphql';
import { getNamedType } from 'graphql';
import { IsInt, Max, Min, ValidateBy, validate, type ValidationError, type ValidationOptions } from 'class-validator';
import { createParameterDecorator, getMetadataStorage, Int, type ValidatorFn } from 'type-graphql';
import type { AppContext } from './context';
import { badInput, ERROR_CODES, type FieldError } from './errors';
import { fiscalYearProblem } from './fiscal-year';
import { hasFormat, labelled, requiredMessage, trimText, type FormatRule } from './field-rules';
import { MAX_PAGE_SIZE } from './limits';
import { checkPageSize } from './connection';

/*
 * The edge of the API. Every argument and input field passes here before a service sees it: text is
 * normalised and refused when blank, too long or carrying characters no form can type; fiscal years
 * must lie in the supported plan periods; counts and decimals stay within their columns. Input classes
 * declare their rules with the decorators below; scalar arguments use the *Arg decorators.
 */

const THAI = /[\u0E00-\u0E7F]/;

// ---------------------------------------------------------------------------------------------- text

export interface TextRule {
  /** The field's Thai name, as messages say it ("ชื่อโครงการ"). */
  label: string;
  /** Most characters (code points) kept: the column's length. */
  max: number;
  /** Blank (after trimming) is refused; otherwise blank becomes null. */
  required?: boolean;
  /** A text area: line breaks and tabs are kept (single-line text gets spaces instead). */
  multiline?: boolean;
}

/** Control characters other than tab and line feed, direction overrides and isolates, broken UTF-16, non-characters. */
const REFUSED =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFD\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text as it is kept: line breaks made uniform (or made spaces in single-line text, as a browser's
 * text box does), and whitespace and invisible characters trimmed from both ends, so text made only of
 * them becomes empty.
 */
export function normalizeText(raw: string, multiline = false): string {
  const text = multiline ? raw.replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n') : raw.replace(/\r\n|[\t\n\r\u0085\u2028\u2029]/g, ' ');
  return trimText(text);
}

/** The Thai message for normalised text that breaks the rule; null when it is fine. */
export function textProblem(text: string, rule: TextRule): string | null {
  if (REFUSED.test(text)) {
    return labelled(rule.label, 'มีอักขระพิเศษที่ระบบไม่รับ (เช่น อักขระควบคุมที่ติดมาจากการคัดลอก) กรุณาลบออกแล้วพิมพ์ใหม่');
  }
  if (rule.required && text === '') return requiredMessage(rule.label);
  if (text.length > rule.max && [...text].length > rule.max)
    return labelled(rule.label, `ต้องไม่เกิน ${rule.max.toLocaleString('en-US')} ตัวอักษร`);
  return null;
}

/** Normalises and checks one value: the text to keep (null for blank optional text) or the problem. */
export function cleanText(raw: unknown, rule: TextRule): { value: string | null; problem: string | null } {
  if (raw === null || raw === undefined) return { value: null, problem: rule.required ? requiredMessage(rule.label) : null };
  if (typeof raw !== 'string') return { value: null, problem: `กรุณากรอก${labelled(rule.label, 'เป็นข้อความ')}` };
  const text = normalizeText(raw, rule.multiline);
  const problem = textProblem(text, rule);
  return { value: problem || text === '' ? null : text, problem };
}

// ------------------------------------------------------------------------------------------- numbers

/** Counts of projects (baseline, minimum, requested, SAR): whole numbers 0–10,000. */
export const MAX_COUNT = 10_000;

const countMessage = (label: string) => labelled(label, `ต้องเป็นจำนวนเต็ม 0–${MAX_COUNT.toLocaleString('en-US')}`);

/** The number of decimals a finite number really has, exponent notation included (5e-324 has 324). */
export function decimalPlaces(value: number): number {
  const [mantissa, exponent = '0'] = String(Math.abs(value)).split('e');
  return Math.max(0, (mantissa.split('.')[1]?.length ?? 0) - Number(exponent));
}

/** A finite number with at most `places` decimals. */
export function MaxDecimals(places: number, options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxDecimals',
      constraints: [places],
      validator: { validate: (v: unknown) => typeof v === 'number' && Number.isFinite(v) && decimalPlaces(v) <= places },
    },
    options,
  );
}

/** Text of a format of core/field-rules (the client checks the same rule with the same message). */
export function Format(rule: FormatRule): PropertyDecorator {
  return ValidateBy({ name: 'format', validator: { validate: (v: unknown) => hasFormat(rule, v) } }, { message: rule.message });
}

/** A count of projects: a whole number 0–10,000. */
export function Count(label: string): PropertyDecorator {
  const message = countMessage(label);
  return (target, key) => {
    IsInt({ message })(target, key as string);
    Min(0, { message })(target, key as string);
    Max(MAX_COUNT, { message })(target, key as string);
  };
}

// ------------------------------------------------------------------------------- rules on input classes

type FieldRule = { kind: 'text'; rule: TextRule } | { kind: 'fiscalYear' };

const fieldRules = new Map<object, Map<string, FieldRule>>();

function addRule(target: object, key: string | symbol, rule: FieldRule): void {
  const rules = fieldRules.get(target.constructor) ?? new Map<string, FieldRule>();
  rules.set(String(key), rule);
  fieldRules.set(target.constructor, rules);
}

/** The rules of an input class, those of the classes it extends included (a subclass's own win). */
function rulesOf(type: unknown): Map<string, FieldRule> {
  const rules = new Map<string, FieldRule>();
  for (let t = type; typeof t === 'function' && t !== Function.prototype; t = Object.getPrototypeOf(t)) {
    for (const [key, rule] of fieldRules.get(t) ?? []) if (!rules.has(key)) rules.set(key, rule);
  }
  return rules;
}

/** A text field: normalised in place, then refused when blank (if required), too long or with refused characters. */
export function Text(rule: TextRule): PropertyDecorator {
  return (target, key) => addRule(target, key, { kind: 'text', rule });
}

/** A fiscal year (or a list of them) within the supported plan periods. */
export function FiscalYear(): PropertyDecorator {
  return (target, key) => addRule(target, key, { kind: 'fiscalYear' });
}

/** Flattens class-validator errors into field paths with the Thai messages set on the decorators. */
function fieldErrorsOf(errors: readonly ValidationError[], prefix: string): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = `${prefix}${e.property}`;
    for (const message of Object.values(e.constraints ?? {})) {
      out.push({ field, message: THAI.test(message) ? message : ERROR_CODES.BAD_USER_INPUT });
    }
    if (e.children?.length) out.push(...fieldErrorsOf(e.children, `${field}.`));
  }
  return out;
}

/**
 * Applies the rules of an input object (or a list of them) at `now`: normalises its text fields in
 * place and returns every field error, named by path from the argument (`name`, `awards.0.text`).
 */
export async function checkInput(input: object, now: Date, prefix = ''): Promise<FieldError[]> {
  if (Array.isArray(input)) {
    const nested = await Promise.all(
      input.map((item, i) => (item !== null && typeof item === 'object' ? checkInput(item, now, `${prefix}${i}.`) : [])),
    );
    return nested.flat();
  }
  const fields: FieldError[] = [];
  const target = input as Record<string, unknown>;
  for (const [key, rule] of rulesOf(input.constructor)) {
    const value = target[key];
    if (value === undefined || value === null) continue;
    if (rule.kind === 'text') {
      const { value: text, problem } = cleanText(value, rule.rule);
      if (problem) fields.push({ field: `${prefix}${key}`, message: problem });
      else target[key] = text;
    } else {
      const years = Array.isArray(value) ? value : [value];
      const problem = years.map((y) => fiscalYearProblem(y, now)).find(Boolean);
      if (problem) fields.push({ field: `${prefix}${key}`, message: problem });
    }
  }
  for (const [key, value] of Object.entries(target)) {
    if (value !== null && typeof value === 'object' && !(value instanceof Date))
      fields.push(...(await checkInput(value, now, `${prefix}${key}.`)));
  }
  let errors: ValidationError[];
  try {
    errors = await validate(input, { skipMissingProperties: true, forbidUnknownValues: false });
  } catch (err) {
    // A validator that cannot read a value the rules above refused already (e.g. broken UTF-16): that refusal is the answer.
    if (fields.length) return fields;
    throw err;
  }
  for (const e of fieldErrorsOf(errors, prefix)) if (!fields.some((f) => f.field === e.field)) fields.push(e);
  return fields;
}

/** The argument a list of input objects was sent as, so field paths start with it (`rows.2.selfScore`). */
function listArgumentName(type: unknown, info: GraphQLResolveInfo): string {
  const typeName = getMetadataStorage().inputTypes.find((t) => t.target === type)?.name;
  const field = info.parentType.getFields()[info.fieldName];
  return field?.args.find((a) => getNamedType(a.type).name === typeName)?.name ?? '';
}

/** TypeGraphQL's validation of every argument (buildSchema `validateFn`): the rules above, then class-validator's. */
export const validateArgument: ValidatorFn = async (value, type, { context, info }) => {
  if (value === null || typeof value !== 'object' || value instanceof Date) return;
  const prefix = Array.isArray(value) ? `${listArgumentName(type, info)}.` : '';
  const fields = await checkInput(value, (context as AppContext).clock.now(), prefix === '.' ? '' : prefix);
  // A list of 10,000 bad rows gets the first errors, not a reply as large as the request.
  if (fields.length) throw badInput(fields.slice(0, 50), fields[0].message);
};

// ------------------------------------------------------------------------------- scalar arguments

const refuse = (field: string, message: string) => badInput([{ field, message }], message);

/** A fiscal-year argument (`fiscalYear: Int`), refused outside the supported plan periods. */
export function FiscalYearArg(options: { name?: string; nullable?: boolean; description?: string } = {}) {
  const name = options.name ?? 'fiscalYear';
  return createParameterDecorator<AppContext>(
    ({ args, context }) => {
      const year = args[name] as number | null | undefined;
      if (year === null || year === undefined) return year;
      const problem = fiscalYearProblem(year, context.clock.now());
      if (problem) throw refuse(name, problem);
      return year;
    },
    { arg: { name, typeFunc: () => Int, options: { nullable: options.nullable, description: options.description } } },
  );
}

/** A text argument (a reason, a note): normalised as input fields are; blank optional text arrives as null. */
export function TextArg(name: string, rule: TextRule & { nullable?: boolean }) {
  return createParameterDecorator<AppContext>(
    ({ args }) => {
      const raw = args[name] as string | null | undefined;
      if (raw === undefined && rule.nullable) return undefined;
      const { value, problem } = cleanText(raw, rule);
      if (problem) throw refuse(name, problem);
      return value;
    },
    { arg: { name, typeFunc: () => String, options: { nullable: rule.nullable } } },
  );
}

/** A count argument (`requestedCount: Int`): a whole number 0–10,000. Left out stays undefined, null stays null. */
export function CountArg(name: string, label: string, options: { nullable?: boolean; description?: string } = {}) {
  return createParameterDecorator<AppContext>(
    ({ args }) => {
      const count = args[name] as number | null | undefined;
      if (count === null || count === undefined) return count;
      if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT) throw refuse(name, countMessage(label));
      return count;
    },
    { arg: { name, typeFunc: () => Int, options: { nullable: options.nullable, description: options.description } } },
  );
}

/** A page size argument (`first: Int!`): a whole number from 1 to MAX_PAGE_SIZE. */
export function PageSizeArg(name: string, options: { description?: string } = {}) {
  return createParameterDecorator<AppContext>(({ args }) => checkPageSize(name, args[name] as number), {
    arg: { name, typeFunc: () => Int, options: { description: options.description ?? `How many, 1 to ${MAX_PAGE_SIZE}` } },
  });
}
