import { reactive } from 'vue';
import { hasFormat, type FormatRule } from '@rules';
import { useFormErrors, type FormErrors } from './errors';
import { t } from './i18n';

export interface SubmitFormOptions<S extends object, F extends string> {
  /** The form's fields, as the server names them in its field errors. */
  fields: readonly F[];
  /** The values of an empty form. */
  blank: () => S;
  /** The client's own checks: a message set under a field keeps the form from being sent. */
  check?: (form: S, errors: FormErrors<F>) => void;
  /** Sends the form; what it throws is what the server said. */
  send: (form: S) => Promise<unknown>;
}

/**
 * A form that sends one request: its values (blank again on `reset` and after a success), its errors
 * by field, and `submit` — the client's own checks, the request, then the server's messages under
 * their fields (or for the whole form). `submit` answers whether the form was sent and accepted.
 */
export function useSubmitForm<S extends object, F extends string>(options: SubmitFormOptions<S, F>) {
  const form = reactive(options.blank()) as S;
  const errors = useFormErrors(options.fields);

  function reset(): void {
    Object.assign(form, options.blank());
    errors.clear();
  }

  async function submit(): Promise<boolean> {
    errors.clear();
    options.check?.(form, errors);
    if (errors.hasFieldErrors()) return false;
    try {
      await options.send(form);
      reset();
      return true;
    } catch (error) {
      errors.apply(error);
      return false;
    }
  }

  return { form, errors, reset, submit };
}

/** A new password typed twice: required, and the same both times (the server judges its strength). */
export function checkNewPassword(
  form: { newPassword: string; confirmPassword: string },
  errors: FormErrors<'newPassword' | 'confirmPassword'>,
): void {
  if (!form.newPassword) errors.setField('newPassword', t.common.required);
  if (form.newPassword !== form.confirmPassword) errors.setField('confirmPassword', t.errors.passwordsDiffer);
}

/**
 * A format of the server's (`@rules`, e.g. PHONE, EMAIL) checked in the browser: its message, the server's
 * own words, goes under `field` when the value is filled in and has not the format. A field's first
 * message stays (a blank required field says it is blank, not that it is malformed).
 */
export function checkFormat<F extends string>(errors: FormErrors<F>, field: F, value: string, rule: FormatRule): void {
  const text = value.trim();
  if (text && !errors.fields[field] && !hasFormat(rule, text)) errors.setField(field, rule.message);
}
