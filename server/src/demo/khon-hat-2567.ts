/**
 * The 49 projects of อบต.ขอนหาด in FY 2567, as its six-month report memo lists them (shared seed 002):
 * number, name, dimension, planned budget (baht), and the six-month report that reproduces the memo's
 * tables (49 planned, 31 done, 18 in progress; 370,000.00 planned, 112,652.00 disbursed; 3 in the
 * ordinance). The memo came out of a PDF: its garbled words (การค้าฟรุติ, หนองหวาย, …) are restored here
 * to what the LAO wrote (การทุจริต, ขอนหาด).
 */
export interface SeedProject {
  name: string;
  dimension: number;
  budget: number;
  done: boolean;
  /** With a report (of IN_PROGRESS when not done); false = not yet reported. */
  inProgress?: boolean;
  disbursed?: number;
  inOrdinance?: boolean;
}

const KH = 'องค์การบริหารส่วนตำบลขอนหาด';

export const KHON_HAT_2567: SeedProject[] = [
  { name: 'โครงการส่งเสริมการดำเนินชีวิตตามหลักปรัชญาของเศรษฐกิจพอเพียง', dimension: 1, budget: 10_000, done: true, inOrdinance: true },
  { name: 'ยกย่องเชิดชูเกียรติหน่วยงานและบุคคลที่ประพฤติปฏิบัติดีเป็นต้นแบบที่ประจักษ์', dimension: 1, budget: 0, done: false },
  {
    name: 'โครงการเผยแพร่ประชาสัมพันธ์ความรู้ด้านกฎหมายและระเบียบที่เกี่ยวข้องกับการปฏิบัติงานให้แก่บุคลากรองค์กรปกครองส่วนท้องถิ่น ผู้บริหารและสมาชิกสภาท้องถิ่น',
    dimension: 1,
    budget: 0,
    done: true,
  },
  { name: 'โครงการเสริมสร้างค่านิยมต่อต้านการทุจริต', dimension: 1, budget: 0, done: false },
  { name: 'โครงการเชิดชูเกียรติบุคลากรที่ปฏิบัติงานเป็นไปตามมาตรฐาน ด้วยความวิริยะอุตสาหะ และซื่อสัตย์สุจริต', dimension: 1, budget: 0, done: false },
  { name: 'โครงการปลูกฝังวิถีคิดแยกแยะผลประโยชน์ส่วนตนและผลประโยชน์ส่วนรวม', dimension: 1, budget: 10_000, done: true },
  {
    name: 'โครงการฝึกอบรมการส่งเสริมคุณธรรมจริยธรรมบุคลากรองค์กรปกครองส่วนท้องถิ่นเพื่อเสริมสร้างวัฒนธรรมองค์กรสุจริต',
    dimension: 1,
    budget: 15_000,
    done: true,
    inOrdinance: true,
  },
  { name: 'โครงการส่งเสริมการบริหารงานตามหลักธรรมาภิบาลเพื่อป้องกันการทุจริต', dimension: 1, budget: 20_000, done: false },
  {
    name: 'โครงการพัฒนาความรู้ด้านกฎหมายและระเบียบที่เกี่ยวข้องกับการปฏิบัติงานสำหรับบุคลากรองค์กรปกครองส่วนท้องถิ่น ผู้บริหารและสมาชิกสภาท้องถิ่น',
    dimension: 1,
    budget: 30_000,
    done: false,
  },
  { name: `โครงการป้องกันผลประโยชน์ทับซ้อนของ${KH}`, dimension: 1, budget: 0, done: false },
  { name: 'โครงการบุคลากรต้นแบบ ด้าน "บริการเป็นเลิศ"', dimension: 1, budget: 0, done: false },
  { name: 'โครงการเสริมสร้างองค์ความรู้ด้านการต่อต้านการทุจริต', dimension: 1, budget: 0, done: false },
  { name: `กิจกรรมยกย่องและเชิดชูเกียรติแก่บุคคล หน่วยงาน องค์กรดีเด่น ผู้ทำคุณประโยชน์หรือเข้าร่วมในกิจกรรมของ${KH}`, dimension: 1, budget: 0, done: false },
  { name: 'โครงการโรงเรียนคุณธรรม', dimension: 1, budget: 20_000, done: false },
  { name: `มาตรการ "ส่งเสริมการปฏิบัติงานตามประมวลจริยธรรมของ${KH}"`, dimension: 1, budget: 0, done: true },
  {
    name: `มาตรการแสดงเจตจำนงในการนำหลักคุณธรรมมาใช้ในการบริหารงานของผู้บริหาร${KH}ด้วยการจัดทำแผนปฏิบัติการป้องกันการทุจริตเพื่อยกระดับคุณธรรมและความโปร่งใส`,
    dimension: 2,
    budget: 0,
    done: true,
  },
  { name: `มาตรการเปิดเผยข้อมูลสาธารณะ และกำกับติดตามการเผยแพร่ข้อมูลสาธารณะของ${KH}`, dimension: 2, budget: 0, done: true },
  { name: 'มาตรการปรับปรุงและพัฒนาฐานข้อมูลข่าวสารเพื่อเผยแพร่ข้อมูลข่าวสารแก่ประชาชน', dimension: 2, budget: 0, done: true },
  { name: `มาตรการส่งเสริมคุณธรรมและความโปร่งใสของ${KH}`, dimension: 2, budget: 0, done: true },
  { name: 'โครงการเสริมสร้างความโปร่งใสในการบริหารงบประมาณ', dimension: 2, budget: 0, done: true },
  { name: 'มาตรการ NO Gift Policy', dimension: 2, budget: 0, done: true },
  { name: 'มาตรการการสร้างความโปร่งใสในการบริหารงานบุคคล', dimension: 2, budget: 0, done: true },
  { name: 'มาตรการ "จัดทำข้อตกลงการปฏิบัติราชการตามหลักธรรมาภิบาล"', dimension: 2, budget: 0, done: true },
  { name: 'โครงการจัดทำมาตรฐานการให้บริการประชาชน', dimension: 2, budget: 0, done: true },
  { name: `โครงการจัดทำคู่มือหรือมาตรฐานการปฏิบัติงานสำหรับเจ้าหน้าที่${KH}`, dimension: 2, budget: 0, done: true },
  { name: `โครงการประเมินความพึงพอใจของประชาชนที่มีต่อการให้บริการของ${KH}`, dimension: 2, budget: 0, done: true },
  { name: `มาตรการออกคำสั่งมอบหมายของ${KH}`, dimension: 2, budget: 0, done: true },
  { name: 'มาตรการจัดทำแผนปฏิบัติการป้องกันการทุจริตเพื่อยกระดับคุณธรรมและความโปร่งใส', dimension: 2, budget: 0, done: true },
  { name: `กิจกรรม “การจัดทำข้อตกลงการปฏิบัติราชการของ${KH}”`, dimension: 2, budget: 0, done: true },
  { name: 'โครงการจัดทำคู่มือสำหรับประชาชนผ่านสื่ออิเล็กทรอนิกส์', dimension: 2, budget: 0, done: true },
  { name: 'โครงการเสริมสร้างความโปร่งใสในการใช้ทรัพย์สินของทางราชการ', dimension: 2, budget: 0, done: true },
  { name: 'กิจกรรม "สร้างความโปร่งใสในการพิจารณาเลื่อนขั้นเงินเดือน"', dimension: 2, budget: 0, done: true },
  { name: 'กิจกรรม "ควบคุมการเบิกจ่ายเงินตามข้อบัญญัติงบประมาณรายจ่ายประจำปี"', dimension: 2, budget: 0, done: true },
  { name: 'โครงการพัฒนาคุณภาพการให้บริการประชาชนตามหลักธรรมาภิบาล', dimension: 2, budget: 0, done: true },
  { name: `มาตรการป้องกันผลประโยชน์ทับซ้อนของ${KH}`, dimension: 2, budget: 0, done: true },
  { name: 'กิจกรรมส่งเสริมชุมชนเข้มแข็งต้านการทุจริต', dimension: 3, budget: 5_000, done: false },
  { name: `กิจกรรมการประเมินผลการปฏิบัติราชการของ${KH}`, dimension: 3, budget: 0, done: false },
  { name: `โครงการสร้างเครือข่ายภาคประชาชนเพื่อเฝ้าระวังการทุจริตของ${KH}`, dimension: 3, budget: 0, done: false },
  { name: `ส่งเสริมการมีส่วนร่วมของประชาชนในการบริหารกิจการของ${KH}`, dimension: 3, budget: 10_000, done: false },
  { name: `มาตรการจัดการเรื่องร้องทุกข์/ร้องเรียนของ${KH}`, dimension: 3, budget: 0, done: true },
  { name: 'โครงการจัดเวทีประชาคม', dimension: 3, budget: 20_000, done: false },
  { name: 'กิจกรรมบูรณาการทุกภาคส่วนเพื่อต่อต้านการทุจริต', dimension: 3, budget: 0, done: true },
  { name: `มาตรการจัดให้มีระบบและช่องทางการรับเรื่องร้องเรียนเกี่ยวกับการทุจริตของ${KH}`, dimension: 4, budget: 0, done: true },
  { name: `มาตรการจัดการในกรณีได้ทราบ หรือรับแจ้ง หรือตรวจสอบพบการทุจริตของ${KH}`, dimension: 4, budget: 0, done: false },
  { name: 'โครงการส่งเสริมความรู้ด้านกฎ ระเบียบ และกฎหมายที่เกี่ยวข้องสำหรับผู้บริหารและสมาชิกสภาท้องถิ่น', dimension: 4, budget: 30_000, done: false },
  { name: `มาตรการบริหารจัดการความเสี่ยงการทุจริตของ${KH}`, dimension: 4, budget: 0, done: true },
  { name: 'โครงการจัดทำแผนการตรวจสอบภายในประจำปี', dimension: 4, budget: 0, done: true },
  { name: 'กิจกรรมส่งเสริมและพัฒนาศักยภาพสมาชิกสภาท้องถิ่น', dimension: 4, budget: 200_000, done: true, disbursed: 112_652, inOrdinance: true },
  { name: 'กิจกรรมติดตามประเมินผลการควบคุมภายใน', dimension: 4, budget: 0, done: false },
];

/** NACC's minimum project count for the LAO in FY 2567 (the memo's status table). */
export const KHON_HAT_2567_MINIMUM = 15;

/** Who signs the memo of อบต.ขอนหาด (2 May 2567), as the seed memo names them. */
export const KHON_HAT_SIGNERS = {
  executiveName: 'นายประยงค์ หนูบุญคง',
  chiefAdministratorName: 'นางสุภาพร จุลเรือง',
  officeHeadName: 'นางสาวเย็นตา อภัยรัตน์',
};

/** The memo's attachment, six months of 2567: who reported, the problems and the suggestions, as the seed words them. */
export const KHON_HAT_2567_NOTE = {
  reporterName: 'นางสาวอนุศาสน์ อภัยรัตน์',
  reporterPosition: 'นิติกร',
  problems: [
    '1. การจัดกิจกรรม/โครงการบางกิจกรรมเป็นการเพิ่มภาระของหน่วยงาน เนื่องจากภารกิจหน้าที่หลักขององค์กรปกครองส่วนท้องถิ่นมีจำนวนมากอยู่แล้ว ทำให้การขับเคลื่อนแผนฯ ไม่มีประสิทธิภาพเท่าที่ควร',
    '2. ภาคประชาชนยังขาดความรู้ความเข้าใจในการเข้ามามีส่วนร่วมในการตรวจสอบ โดยเห็นว่าเป็นหน้าที่ของหน่วยงานของรัฐ',
    '3. บุคลากรในหน่วยงานไม่ให้ความสนใจ ไม่เล็งเห็นความสำคัญในการจัดทำตัวชี้วัด',
    '4. ขาดงบประมาณในการสนับสนุนในการดำเนินการ',
  ].join('\n'),
  suggestions: [
    '1. ปลูกจิตสำนึกปลูกฝังค่านิยมด้านคุณธรรมจริยธรรมแก่ผู้บริหาร บุคลากรในหน่วยงาน ไม่ให้กระทำการทุจริตและประพฤติมิชอบในทุกกรณี',
    '2. หน่วยงานหลักควรสนับสนุนงบประมาณเพื่อให้การขับเคลื่อนโครงการไปอย่างมีประสิทธิภาพ',
    '3. กำหนดมาตรการให้ประชาชนเข้ามามีส่วนร่วมในกระบวนการตรวจสอบ กระบวนการทำงานภาครัฐเพื่อให้เกิดความโปร่งใส',
  ].join('\n'),
};

/** เทศบาลตำบลคลองท่อมใต้, FY 2564: the manual's printed action plan (พิมพ์แผนปฏิบัติการป้องกันการทุจริต). */
export const KHLONG_THOM_TAI_2564: Array<Omit<SeedProject, 'done'>> = [
  { name: 'โครงการประชุมคณะกรรมการจัดทำแผนพัฒนาเทศบาล', dimension: 3, budget: 3_000 },
  { name: 'โครงการดำเนินงานศูนย์รับเรื่องร้องทุกข์เทศบาลตำบลคลองท่อมใต้', dimension: 3, budget: 0 },
  { name: 'มาตรการ "ส่งเสริมการปฏิบัติงานตามประมวลจริยธรรมของเทศบาลตำบลคลองท่อมใต้"', dimension: 1, budget: 0 },
  { name: 'มาตรการ "สร้างความโปร่งใสในการบริหารงานบุคคล"', dimension: 2, budget: 0 },
  { name: 'มาตรการ "จัดทำคู่มือการป้องกันผลประโยชน์ทับซ้อน"', dimension: 1, budget: 0 },
  { name: 'กิจกรรม "สร้างความโปร่งใสในการพิจารณาเลื่อนขั้นเงินเดือน"', dimension: 2, budget: 0 },
  { name: 'กิจกรรม "ควบคุมการเบิกจ่ายเงินตามเทศบัญญัติงบประมาณรายจ่ายประจำปี"', dimension: 2, budget: 0 },
  { name: 'กิจกรรม "การพัฒนาสมรรถนะการบริหารงานบุคคล"', dimension: 2, budget: 0 },
  { name: 'มาตรการ "เสริมสร้างองค์ความรู้ด้านการต่อต้านการทุจริต"', dimension: 1, budget: 0 },
  { name: 'กิจกรรม "การเผยแพร่ข้อมูลข่าวสารด้านการจัดซื้อจัดจ้าง"', dimension: 2, budget: 0 },
  { name: 'มาตรการ "ปรับปรุงศูนย์รับเรื่องร้องทุกข์เทศบาลตำบลคลองท่อมใต้ ให้มีประสิทธิภาพมากยิ่งขึ้น"', dimension: 3, budget: 0 },
  { name: 'โครงการปรับปรุงคู่มือในเทศบาล', dimension: 1, budget: 20_000 },
  { name: 'กิจกรรม "ลดขั้นตอนการปฏิบัติงาน"', dimension: 2, budget: 0 },
  { name: 'โครงการประกวดคำขวัญเทศบาล', dimension: 1, budget: 30_000 },
  { name: 'โครงการลดต้นทุนและระยะเวลาการปฏิบัติงานราชการ', dimension: 2, budget: 10_000 },
  { name: 'มาตรการ "กำหนดอำนาจอนุมัติ การอนุญาตเพื่อการเคลื่อนย้ายการปฏิบัติงานราชการ"', dimension: 2, budget: 0 },
];

/**
 * The manual's province table of Krabi, FY 2563, six months (ผลการนำแผนฯไปปฏิบัติระดับจังหวัด): per LAO,
 * planned projects reported done and in progress, and the baseline that gives the manual's score
 * (e.g. 27 done + 1 in progress of 39 → 70.51; 17 done of a baseline of 14 → 121.43).
 */
export const KRABI_2563: Array<{ code: string; planned: number; done: number; inProgress: number; baseline?: number; score: string }> = [
  { code: '5810301', planned: 12, done: 0, inProgress: 0, score: '0.00' },
  { code: '6810303', planned: 10, done: 0, inProgress: 0, score: '0.00' },
  { code: '6810304', planned: 39, done: 27, inProgress: 1, score: '70.51' },
  { code: '5810305', planned: 10, done: 2, inProgress: 0, score: '20.00' },
  { code: '6810301', planned: 50, done: 44, inProgress: 1, score: '89.00' },
  { code: '6810302', planned: 57, done: 38, inProgress: 1, score: '67.54' },
  { code: '5810201', planned: 17, done: 17, inProgress: 0, baseline: 14, score: '121.43' },
  { code: '6810251', planned: 19, done: 14, inProgress: 0, score: '73.68' },
  { code: '6810252', planned: 36, done: 25, inProgress: 0, score: '69.44' },
  { code: '6810253', planned: 52, done: 37, inProgress: 0, score: '71.15' },
  { code: '6810254', planned: 49, done: 39, inProgress: 1, score: '80.61' },
  { code: '6810255', planned: 53, done: 36, inProgress: 1, score: '68.87' },
  { code: '6810201', planned: 58, done: 37, inProgress: 0, score: '63.79' },
  { code: '5810404', planned: 65, done: 7, inProgress: 0, score: '10.77' },
  { code: '5810451', planned: 21, done: 1, inProgress: 0, score: '4.76' },
  { code: '5810452', planned: 49, done: 37, inProgress: 1, score: '76.53' },
  { code: '6810453', planned: 75, done: 26, inProgress: 0, score: '34.67' },
  { code: '6810454', planned: 20, done: 0, inProgress: 0, score: '0.00' },
];
