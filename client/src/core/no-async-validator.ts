/**
 * Element Plus's form items check the `rules` given to them (with their `prop`) with the async-validator library.
 * The app's forms give none: their fields are checked by core/form.ts with the server's own rules (`@rules`),
 * and the server's answers are shown per field. A form item without `prop` never validates, so the library is left
 * out of every form's code (client/vite.config.ts); a form item given rules would fail here, loudly.
 */
export default class AsyncValidator {
  constructor() {
    throw new Error('Element Plus form rules are not used in this app: check fields with core/form.ts');
  }
}
