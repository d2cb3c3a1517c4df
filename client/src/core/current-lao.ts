import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { reachOf, useAuth, type CurrentUser } from './auth';
import { LAO_QUERY } from './url-query';

export { LAO_QUERY };

/** An LAO officer's own LAO, the only one it works on; null for whoever reads several. */
export function ownLaoOf(user: CurrentUser | null): string | null {
  return reachOf('READ_LAO', user) === 'OWN_LAO' ? (user?.lao?.code ?? null) : null;
}

/**
 * The LAO a page shows: an LAO officer's own LAO (always, whatever the URL says); for a province
 * officer or an admin, the one chosen with the LAO picker and kept in the URL (`?lao=6800707`), so a
 * link or a reload shows the same LAO. The server checks the scope either way.
 */
export function useCurrentLao() {
  const { user } = useAuth();
  const route = useRoute();
  const router = useRouter();

  // An LAO officer works on its own LAO; whoever reads several picks one.
  const ownLao = computed(() => ownLaoOf(user.value));
  const picksLao = computed(() => user.value !== null && reachOf('READ_LAO', user.value) !== 'OWN_LAO');
  const laoCode = computed<string | null>(() => {
    if (ownLao.value) return ownLao.value;
    const raw = route.query[LAO_QUERY];
    const value = Array.isArray(raw) ? raw[0] : raw;
    return typeof value === 'string' && /^\d{7}$/.test(value) ? value : null;
  });

  function setLao(code: string | null): void {
    const query = { ...route.query };
    if (code) query[LAO_QUERY] = code;
    else delete query[LAO_QUERY];
    void router.replace({ query });
  }

  return { laoCode, picksLao, setLao };
}
