import { onBeforeUnmount, ref, type Ref } from 'vue';

/** A phone's width, as the styles' phone rules (`@media (max-width: 600px)`) take it. */
export const PHONE_QUERY = '(max-width: 600px)';

/**
 * Whether the window is a phone's width, kept up to date as it is turned or resized: for a page that
 * shows a phone another layout (cards instead of a wide table) rather than the same one squeezed.
 */
export function usePhoneWidth(): Ref<boolean> {
  const query = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(PHONE_QUERY) : null;
  const phone = ref(query?.matches ?? false);
  const update = (e: MediaQueryListEvent) => (phone.value = e.matches);
  query?.addEventListener('change', update);
  onBeforeUnmount(() => query?.removeEventListener('change', update));
  return phone;
}
