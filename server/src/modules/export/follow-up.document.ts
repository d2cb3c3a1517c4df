import type { AppContext } from '../../core/context';
import { thaiDateTime } from '../../core/pdf/thai-text';
import { provinceFollowUp } from '../follow-up/follow-up.service';
import type { FollowUpRow } from '../follow-up/follow-up.types';
import { provinceLabel } from '../geography/places';
import { xlsxFile } from './document-files';
import { ROUND_TH } from './document-parts';
import type { ExportFile } from './export.params';
import { provinceParams } from './province.document';
import { addSheet, addTable, newWorkbook } from './spreadsheet';

/**
 * /export/follow-up.xlsx?province=&year=&round=[&district=][&unfinished=1] — ติดตามการรายงานผล as a
 * workbook (READ_REVIEWS over the province, as the `provinceFollowUp` query), for the office to work down.
 */
export async function followUpXlsx(ctx: AppContext, query: Record<string, string | undefined>): Promise<ExportFile> {
  const { provinceCode, year, round, district } = provinceParams(ctx, query);
  const r = await provinceFollowUp(ctx, provinceCode, year, round, { districtCode: district, unfinishedOnly: query.unfinished === '1' });
  const title = `ติดตามการรายงานผล ${provinceLabel(r.province.code, r.province.name)} ประจำปีงบประมาณ พ.ศ. ${year} ${ROUND_TH[round]}`;
  const closing = r.closesAt ? `ปิดรอบรายงานผล ${thaiDateTime(r.closesAt)}` : 'ไม่ได้กำหนดวันปิดรอบรายงานผล';
  const subtitle = `${closing} · รายงานครบแล้ว ${r.finished} จาก ${r.laos} แห่ง`;
  const book = newWorkbook(title, subtitle, ctx.clock.now());
  const sheet = addSheet(book, { name: 'ติดตามการรายงานผล', orientation: 'landscape', heading: [title, subtitle] });
  addTable<FollowUpRow>(sheet, {
    columns: [
      { header: 'ลำดับ', width: 7, kind: 'count', value: (_, i) => i + 1 },
      { header: 'รหัส อปท.', width: 11, kind: 'text', value: (x) => x.laoCode },
      { header: 'ชื่อ อปท.', width: 40, kind: 'text', value: (x) => x.laoName },
      { header: 'อำเภอ', width: 20, kind: 'text', value: (x) => x.districtLabel },
      { header: 'โครงการที่สร้าง', width: 12, kind: 'count', value: (x) => x.created, total: 'sum' },
      { header: 'รายงานผลแล้ว', width: 12, kind: 'count', value: (x) => x.reported, total: 'sum' },
      { header: 'รอการรายงาน', width: 12, kind: 'count', value: (x) => x.waiting, total: 'sum' },
      { header: 'ร้อยละที่รายงาน', width: 12, kind: 'percent', value: (x) => x.reportingRate },
      { header: 'รายงานล่าสุด', width: 24, kind: 'text', value: (x) => (x.lastReportedAt ? thaiDateTime(x.lastReportedAt) : '') },
      { header: 'เปิดรอบเป็นกรณีพิเศษถึง', width: 24, kind: 'text', value: (x) => (x.reopenedUntil ? thaiDateTime(x.reopenedUntil) : '') },
    ],
    rows: r.rows,
    totals: 'รวม',
  });
  return xlsxFile({ book, fileName: `ติดตามการรายงานผล-${r.province.code}-${year}-${round === 'SIX_MONTHS' ? '6' : '12'}เดือน.xlsx` });
}
