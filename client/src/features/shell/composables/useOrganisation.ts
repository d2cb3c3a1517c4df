import { computed } from 'vue';
import { useAuth } from '@/core/auth';
import { t } from '@/core/i18n';
import { placeLabel, provinceOfficeLabel } from '@/core/places';

/**
 * Whom the signed-in user works for, as the header shows it: the LAO with its district and province,
 * the provincial NACC office, or NACC's central bureau.
 */
export function useOrganisation() {
  const { user, reachOf } = useAuth();
  return computed(() => {
    const u = user.value;
    if (!u) return { name: '', place: '' };
    // The office the account works for: its LAO, its province's NACC office, or NACC central.
    const reach = reachOf('READ_LAO');
    if (reach === 'OWN_LAO' && u.lao) {
      return { name: u.lao.name, place: placeLabel(u.lao.district, u.lao.province) };
    }
    if (reach === 'OWN_PROVINCE' && u.province) {
      return { name: provinceOfficeLabel(u.province), place: u.province.label };
    }
    if (reachOf('ADMINISTER') === 'NATION') return { name: t.app.centralOffice, place: t.app.office };
    return { name: u.displayName || u.username, place: t.app.office };
  });
}

/**
 * The signed-in account as the header and home page name it: its own name, else its LAO's (an LAO's
 * username is its code), with the username after it unless that would say the same thing twice.
 */
export function useAccountName() {
  const { user } = useAuth();
  return computed(() => {
    const u = user.value;
    if (!u) return { name: '', label: '' };
    const name = u.displayName || u.lao?.name || u.username;
    return { name, label: name === u.username ? name : `${name} (${u.username})` };
  });
}
