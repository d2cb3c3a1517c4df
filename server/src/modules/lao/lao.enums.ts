import { registerEnumType } from 'type-graphql';

export enum LaoType {
  PAO = 'PAO',
  CITY_MUNICIPALITY = 'CITY_MUNICIPALITY',
  TOWN_MUNICIPALITY = 'TOWN_MUNICIPALITY',
  SUBDISTRICT_MUNICIPALITY = 'SUBDISTRICT_MUNICIPALITY',
  SAO = 'SAO',
  BANGKOK = 'BANGKOK',
  PATTAYA = 'PATTAYA',
}
registerEnumType(LaoType, {
  name: 'LaoType',
  description: 'อบจ. / เทศบาลนคร / เทศบาลเมือง / เทศบาลตำบล / อบต. / กรุงเทพมหานคร / เมืองพัทยา',
});

export enum LaoSize {
  SMALL = 'SMALL',
  MEDIUM = 'MEDIUM',
  LARGE = 'LARGE',
}
registerEnumType(LaoSize, { name: 'LaoSize', description: 'ขนาด อปท. เล็ก / กลาง / ใหญ่' });

/** Thai names of LAO types, as written before an LAO's own name. */
export const LAO_TYPE_TH: Record<LaoType, string> = {
  PAO: 'องค์การบริหารส่วนจังหวัด',
  CITY_MUNICIPALITY: 'เทศบาลนคร',
  TOWN_MUNICIPALITY: 'เทศบาลเมือง',
  SUBDISTRICT_MUNICIPALITY: 'เทศบาลตำบล',
  SAO: 'องค์การบริหารส่วนตำบล',
  BANGKOK: 'กรุงเทพมหานคร',
  PATTAYA: 'เมืองพัทยา',
};

/** The abbreviations of LAO types as officials write them before a name (อบต.ขอนหาด, ทต.คลองท่อมใต้). */
export const LAO_TYPE_ABBREVIATIONS: Record<string, LaoType> = {
  'อบจ.': LaoType.PAO,
  'ทน.': LaoType.CITY_MUNICIPALITY,
  'ทม.': LaoType.TOWN_MUNICIPALITY,
  'ทต.': LaoType.SUBDISTRICT_MUNICIPALITY,
  'อบต.': LaoType.SAO,
  'กทม.': LaoType.BANGKOK,
};
