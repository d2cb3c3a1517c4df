import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { can, useAuth } from '@/core/auth';
import { isGroup, MENU, type MenuGroup, type MenuItem } from '../menu';

/** The menu entries the signed-in user's permissions open, and the entry of the page now shown. */
export function useShellMenu() {
  const { user } = useAuth();
  const router = useRouter();
  const route = useRoute();

  const allowed = (item: MenuItem): boolean => {
    if (item.action) return true;
    if (!item.route || !user.value || !router.hasRoute(item.route)) return false;
    const need = router.resolve({ name: item.route }).meta.can;
    return !need || can(need.permission, need.reach, user.value);
  };

  const entries = computed<Array<MenuItem | MenuGroup>>(() =>
    MENU.flatMap((entry) => {
      if (!isGroup(entry)) return allowed(entry) ? [entry] : [];
      const items = entry.items.filter(allowed);
      return items.length ? [{ ...entry, items }] : [];
    }),
  );

  const active = computed(() => String(route.name ?? ''));

  return { entries, active };
}
