import { computed, onBeforeUnmount, reactive, ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useAuth } from '@/core/auth';
import { formatDuration } from '@/core/duration';
import { useFormErrors } from '@/core/errors';
import { t } from '@/features/account/i18n';
import { safeRedirect } from '@/core/router';

const FIELDS = ['username', 'password'] as const;

/**
 * The sign-in form. A wrong password shows the server's message (with the tries left); a locked
 * account, or too many tries (429), shows the server's message and counts down the time left
 * (`extensions.retryAfterSeconds`).
 */
export function useLoginForm() {
  const { login } = useAuth();
  const router = useRouter();
  const route = useRoute();

  const form = reactive({ username: '', password: '' });
  const errors = useFormErrors(FIELDS);
  const submitting = ref(false);

  const lockedUsername = ref('');
  const lockedSeconds = ref(0);
  const lockOver = ref(false);
  let timer: ReturnType<typeof setInterval> | undefined;

  function stopCountdown(): void {
    if (timer) clearInterval(timer);
    timer = undefined;
  }

  function startCountdown(username: string, seconds: number): void {
    stopCountdown();
    const until = Date.now() + seconds * 1000;
    lockedUsername.value = username;
    lockOver.value = false;
    const tick = () => {
      lockedSeconds.value = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      if (lockedSeconds.value === 0) {
        stopCountdown();
        errors.clear();
        lockOver.value = true;
      }
    };
    tick();
    timer = setInterval(tick, 1000);
  }

  /** Locked for the username now typed (another account may still sign in). */
  const locked = computed(() => lockedSeconds.value > 0 && lockedUsername.value === form.username.trim());
  const lockTimeLeft = computed(() => formatDuration(lockedSeconds.value));

  async function submit(): Promise<void> {
    errors.clear();
    lockOver.value = false;
    const username = form.username.trim();
    if (!username) errors.setField('username', t.login.usernameRequired);
    if (!form.password) errors.setField('password', t.login.passwordRequired);
    if (!username || !form.password) return;

    submitting.value = true;
    try {
      await login(username, form.password);
      await router.replace(safeRedirect(route.query.redirect));
    } catch (error) {
      const api = errors.apply(error);
      form.password = '';
      if (api.code === 'LOCKED' || api.code === 'RATE_LIMITED') {
        const seconds = Number(api.extensions.retryAfterSeconds);
        // The countdown below the message says the wait: the message says only why (once, not twice).
        if (typeof api.extensions.reason === 'string' && api.extensions.reason) errors.message = api.extensions.reason;
        startCountdown(username, Number.isFinite(seconds) && seconds > 0 ? seconds : 300);
      } else {
        stopCountdown();
        lockedSeconds.value = 0;
      }
    } finally {
      submitting.value = false;
    }
  }

  onBeforeUnmount(stopCountdown);

  return { form, errors, submitting, locked, lockTimeLeft, lockOver, submit };
}
