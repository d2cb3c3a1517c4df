/**
 * How a place is named on screens and in documents. Bangkok (province 10) is no จังหวัด and its districts
 * are เขต: "เขตคลองเตย กรุงเทพมหานคร"; elsewhere "อำเภอชะอวด จังหวัดนครศรีธรรมราช" (เมืองพัทยา too:
 * อำเภอบางละมุง จังหวัดชลบุรี). Every document names places through these.
 */
export const BANGKOK_PROVINCE_CODE = '10';

/** "จังหวัดนครศรีธรรมราช"; "กรุงเทพมหานคร" alone. */
export function provinceLabel(provinceCode: string, provinceName: string): string {
  return provinceCode === BANGKOK_PROVINCE_CODE ? provinceName : `จังหวัด${provinceName}`;
}

/** What a district is called in its province: เขต in Bangkok, อำเภอ elsewhere. */
export function districtWord(provinceCode: string): string {
  return provinceCode === BANGKOK_PROVINCE_CODE ? 'เขต' : 'อำเภอ';
}

/** "อำเภอชะอวด"; "เขตคลองเตย". */
export function districtLabel(provinceCode: string, districtName: string): string {
  return `${districtWord(provinceCode)}${districtName}`;
}

/** "อำเภอชะอวด จังหวัดนครศรีธรรมราช"; "เขตคลองเตย กรุงเทพมหานคร". */
export function placeLine(provinceCode: string, provinceName: string, districtName: string): string {
  return `${districtLabel(provinceCode, districtName)} ${provinceLabel(provinceCode, provinceName)}`;
}
