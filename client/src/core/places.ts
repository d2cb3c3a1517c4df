import { fmt, t } from './i18n';

interface Labelled {
  label: string;
}

/** "อำเภอชะอวด จังหวัดนครศรีธรรมราช"; "เขตคลองเตย กรุงเทพมหานคร": the server names each place (as its documents do). */
export function placeLabel(district: Labelled, province: Labelled): string {
  return `${district.label} ${province.label}`;
}

/** "สำนักงาน ป.ป.ช. ประจำจังหวัดนครศรีธรรมราช". */
export function provinceOfficeLabel(province: { name: string }): string {
  return fmt(t.shell.provinceOffice, { province: province.name });
}
