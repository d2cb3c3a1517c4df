import { fmt, t } from './i18n';

const BANGKOK = '10';

interface Named {
  code: string;
  name: string;
}

/** "อำเภอชะอวด" — Bangkok's districts are เขต. */
export function districtLabel(district: Named, provinceCode: string): string {
  return `${provinceCode === BANGKOK ? 'เขต' : 'อำเภอ'}${district.name}`;
}

/** "จังหวัดนครศรีธรรมราช" — กรุงเทพมหานคร takes no prefix. */
export function provinceLabel(province: Named): string {
  return province.code === BANGKOK ? province.name : `จังหวัด${province.name}`;
}

/** "อำเภอชะอวด จังหวัดนครศรีธรรมราช" */
export function placeLabel(district: Named, province: Named): string {
  return `${districtLabel(district, province.code)} ${provinceLabel(province)}`;
}

export function provinceOfficeLabel(province: Named): string {
  return fmt(t.shell.provinceOffice, { province: province.name });
}
