import { ref } from 'vue';
import { useRouter } from 'vue-router';
import { useAuth } from '@/core/auth';

/** ออกจากระบบ: ends the session on the server, then shows the sign-in page. */
export function useSignOut() {
  const { logout } = useAuth();
  const router = useRouter();
  const signingOut = ref(false);

  async function signOut(): Promise<void> {
    signingOut.value = true;
    try {
      await logout();
    } finally {
      signingOut.value = false;
      await router.replace({ name: 'login' });
    }
  }

  return { signOut, signingOut };
}
