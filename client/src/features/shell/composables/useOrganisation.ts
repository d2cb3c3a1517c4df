import { computed } from 'vue';
import { useAuth } from '@/core/auth';
import { t } from '@/core/i18n';
import { placeLabel, provinceLabel, provinceOfficeLabel } from '@/core/places';

/**
 * Whom the signed-in user works for, as the header shows it: the LAO with its district and province,
 * the provincial NACC office, or NACC's central bureau.
 */
export function useOrganisation() {
  const { user } = useAuth();
  return computed(() => {
    const u = user.value;
    if (!u) return { name: '', place: '' };
    if (u.role === 'LAO_OFFICER' && u.lao) {
      return { name: u.lao.name, place: placeLabel(u.lao.district, u.lao.province) };
    }
    if (u.role === 'PROVINCE_OFFICER' && u.province) {
      return { name: provinceOfficeLabel(u.province), place: provinceLabel(u.province) };
    }
    if (u.role === 'ADMIN') return { name: t.app.centralOffice, place: t.app.office };
    return { name: u.displayName || u.username, place: t.app.office };
  });
}
