import { formatBaht } from '../../core/money';
import { thaiDate } from '../../core/pdf/thai-text';
import { districtLabel, districtWord, placeLine, provinceLabel } from '../geography/places';
import { ReportRound, ROUND_TH } from '../plan/report.enums';
import { formatCapped, formatPercent, LEVEL_TH } from '../scoring/scoring';
import type { PublicAttachment } from '../attachment/attachment.service';
import { resourceName } from './open-data';
import type { PublicLaoYear, PublicNationalRound, PublicProvinceRound } from './public.service';

export const esc = (s: string | number): string =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A step of the breadcrumbs back to /public: a link, or the page itself (no href). */
export interface Crumb {
  label: string;
  href?: string;
}

/** A public page before its frame: the frame (fonts, styles, header) is the router's (publicPage). */
export interface PublicPageParts {
  title: string;
  /** From /public down to this page; the first is always /public. */
  crumbs: Crumb[];
  body: string;
}

/** The first step of every page's breadcrumbs: the search page. */
export const HOME: Crumb = { label: 'ข้อมูลเผยแพร่', href: '/public' };

/** A year and round of a published table as its pages name it: "ปีงบประมาณ พ.ศ. 2563 รอบ 6 เดือน". */
const yearRound = (fiscalYear: number, round: ReportRound) => `ปีงบประมาณ พ.ศ. ${fiscalYear} ${ROUND_TH[round]}`;

/** A count as the app writes it: 7,513. */
export const count = (n: number): string => n.toLocaleString('en-US');

const STYLE = `
body{font-family:"Sarabun","Noto Sans Thai","Noto Sans Thai UI","Leelawadee UI","Tahoma",sans-serif;margin:0 auto;max-width:960px;padding:16px;color:#1f2a37;line-height:1.6}
h1{font-size:1.4rem;margin:0 0 4px}h2{font-size:1.15rem;margin:24px 0 8px}
a{color:#1d4f91}
table{border-collapse:collapse;width:100%;font-size:.95rem}th,td{border:1px solid #cfd7e2;padding:4px 8px;vertical-align:top}
th{background:#eef2f8}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tfoot td{font-weight:700;background:#f6f8fb}
.wrap{overflow-x:auto}.muted{color:#5b6676}.why{font-size:.9rem;color:#3b4655}
.site{font-size:.85rem;color:#5b6676;border-bottom:3px solid #1d4f91;padding-bottom:4px;margin-bottom:8px}
.crumbs{font-size:.9rem;margin:0 0 12px}.crumbs ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:0 6px}
.crumbs li+li::before{content:"›";margin-right:6px;color:#5b6676}
.links{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px 16px}
form{display:flex;flex-wrap:wrap;align-items:flex-end;gap:8px 12px;margin:8px 0 16px}
label{display:flex;flex-direction:column;font-size:.9rem;min-width:0;max-width:100%;flex:0 1 auto}label.wide{flex:1 1 260px}
input,select,button{font:inherit;font-size:1rem;padding:4px 8px;max-width:100%;box-sizing:border-box}
button{background:#1d4f91;color:#fff;border:1px solid #1d4f91;border-radius:4px;padding:4px 16px;cursor:pointer}
@media (max-width:600px){body{padding:12px}table{font-size:.85rem}th,td{padding:3px 5px}label{flex:1 1 140px}label.wide{flex-basis:100%}
table.stack thead{display:none}table.stack,table.stack tbody,table.stack tr,table.stack td{display:block}
table.stack tr{border:1px solid #cfd7e2;border-radius:4px;margin-bottom:8px;padding:4px 0}
table.stack td{border:none;padding:2px 8px;text-align:left;white-space:normal}table.stack td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:#3b4655}}
@media print{body{max-width:none;padding:0}a{color:inherit;text-decoration:none}.crumbs,form,.noprint{display:none}thead{display:table-header-group}tr{break-inside:avoid}}
`;

/**
 * The frame of every public page: Thai first, the app's Thai font (`fontFaces`, from the built client) with
 * the usual Thai system fonts after it, the header and breadcrumbs back to /public, phone-friendly and
 * printable on A4 (no forms or breadcrumbs on paper).
 */
export function publicPage(page: PublicPageParts, fontFaces = ''): string {
  const crumbs = page.crumbs
    .map((c) => (c.href ? `<li><a href="${esc(c.href)}">${esc(c.label)}</a></li>` : `<li aria-current="page">${esc(c.label)}</li>`))
    .join('');
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(page.title)}</title>
<style>${fontFaces}${STYLE}</style>
</head>
<body>
<div class="site">e-PlanNACC · สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.)</div>
<nav class="crumbs" aria-label="ตำแหน่งของหน้านี้"><ol>${crumbs}</ol></nav>
${page.body}
</body>
</html>
`;
}

/** Links of the search page down to a province and a district (the LAO page's breadcrumbs). */
export const provinceSearchLink = (provinceCode: string, fiscalYear?: number) =>
  `/public?province=${encodeURIComponent(provinceCode)}${fiscalYear ? `&year=${fiscalYear}` : ''}`;
export const districtSearchLink = (districtCode: string, fiscalYear?: number) =>
  `/public?district=${encodeURIComponent(districtCode)}${fiscalYear ? `&year=${fiscalYear}` : ''}`;

/** The evidence the LAO publishes with its year (modules/attachment), each a link to its file. */
function attachmentsHtml(files: PublicAttachment[]): string {
  if (!files.length) return '';
  const size = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('th-TH', { maximumFractionDigits: 2 })} MB`;
  const items = files.map(
    (f) =>
      `<li><a href="/attachments/${f.id}">${esc(f.fileName)}</a> <span class="muted">(${f.round ? `หลักฐานรายงานผล${ROUND_TH[f.round]}` : 'หลักฐานประกอบแผน'} · ${size(f.size)})</span></li>`,
  );
  return `<section data-section="attachments">\n<h2>เอกสารหลักฐานที่เผยแพร่</h2>\n<ul data-testid="public-attachments">\n${items.join('\n')}\n</ul>\n</section>`;
}

/** /public/lao/<code>/<year>: the plan, each closed round's progress, score, level and ที่มาของคะแนน, the year's awards, the published evidence. */
export function publicLaoHtml(p: PublicLaoYear, files: PublicAttachment[] = []): PublicPageParts {
  const title = `${p.lao.name} แผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ พ.ศ. ${p.fiscalYear}`;
  const projects = p.projects
    .map(
      (x) =>
        `<tr><td class="num">${x.no}</td><td>${esc(x.name)}</td><td class="num">${x.dimension}</td>` +
        `<td class="num">${x.budget === null ? '-' : formatBaht(x.budget)}</td><td>${esc(x.quarters.map((q) => `ไตรมาส ${q}`).join(', '))}</td></tr>`,
    )
    .join('\n');
  const rounds = p.rounds.length
    ? p.rounds
        .map(
          (r) => `<section data-round="${r.round}">
<h2>ผลการดำเนินงาน ${ROUND_TH[r.round]}${r.closedAt ? ` <span class="muted">(ปิดรอบ ${esc(thaiDate(r.closedAt))})</span>` : ''}</h2>
<div class="wrap"><table class="stack"><thead><tr><th>โครงการตามแผน</th><th>ดำเนินการแล้วเสร็จ</th><th>อยู่ระหว่างดำเนินการ</th><th>ไม่สามารถดำเนินการได้</th><th>รอรายงาน</th><th>เบิกจ่าย (บาท)</th><th>ผลการนำแผนฯ ไปปฏิบัติ</th><th>ระดับ</th></tr></thead>
<tbody><tr><td data-label="โครงการตามแผน" class="num">${r.planned}</td><td data-label="ดำเนินการแล้วเสร็จ" class="num">${r.done}</td><td data-label="อยู่ระหว่างดำเนินการ" class="num">${r.inProgress}</td><td data-label="ไม่สามารถดำเนินการได้" class="num">${r.cannotDo}</td><td data-label="รอรายงาน" class="num">${r.waiting}</td><td data-label="เบิกจ่าย (บาท)" class="num">${formatBaht(r.disbursed)}</td><td data-label="ผลการนำแผนฯ ไปปฏิบัติ" class="num" data-score="${formatPercent(r.score.raw)}">${formatCapped(r.score)}</td><td data-label="ระดับ">${LEVEL_TH[r.score.level]}</td></tr></tbody></table></div>
<p class="why" data-testid="public-explanation-${r.round}">ที่มาของคะแนน: ${esc(r.score.explanation)}</p>
</section>`,
        )
        .join('\n')
    : '<p class="muted">ยังไม่มีรอบการรายงานที่ปิดแล้วของปีงบประมาณนี้ (เผยแพร่เฉพาะรอบที่ปิดแล้ว)</p>';
  const awards = p.awards.length
    ? `<ul>${p.awards.map((a) => `<li>${esc(a)}</li>`).join('')}</ul>`
    : '<p class="muted">ไม่มีรางวัลที่บันทึกไว้ในปีนี้</p>';
  return {
    title,
    crumbs: [
      HOME,
      { label: provinceLabel(p.lao.provinceCode, p.provinceName), href: provinceSearchLink(p.lao.provinceCode, p.fiscalYear) },
      { label: districtLabel(p.lao.provinceCode, p.districtName), href: districtSearchLink(p.lao.districtCode, p.fiscalYear) },
      { label: p.lao.name },
    ],
    body: `<header><h1>${esc(p.lao.name)}</h1>
<p class="muted">${esc(placeLine(p.lao.provinceCode, p.provinceName, p.districtName))} · รหัส ${esc(p.lao.code)} · ปีงบประมาณ พ.ศ. ${p.fiscalYear}</p></header>
<h2>แผนปฏิบัติการป้องกันการทุจริต (${p.projects.length} โครงการ)</h2>
<div class="wrap"><table><thead><tr><th>ลำดับ</th><th>โครงการ/กิจกรรม/มาตรการ</th><th>มิติ</th><th>งบประมาณ (บาท)</th><th>ระยะเวลา</th></tr></thead>
<tbody>
${projects}
</tbody></table></div>
${rounds}
<section data-section="awards">
<h2>รางวัลที่ได้รับ ปีงบประมาณ พ.ศ. ${p.fiscalYear}</h2>
${awards}
</section>
${attachmentsHtml(files)}
<p class="muted">ข้อมูลจากระบบ e-PlanNACC สำนักงาน ป.ป.ช. เผยแพร่เฉพาะรอบการรายงานที่ปิดแล้ว ไม่มีข้อมูลส่วนบุคคล</p>`,
  };
}

/** The address of a province's or a district's published table, and of the national one. */
export const provinceTableLink = (code: string, fiscalYear: number, round: ReportRound) =>
  `/public/province/${code}/${fiscalYear}/${round}`;
export const districtTableLink = (code: string, fiscalYear: number, round: ReportRound) =>
  `/public/district/${code}/${fiscalYear}/${round}`;
export const nationalTableLink = (fiscalYear: number, round: ReportRound) => `/public/national/${fiscalYear}/${round}`;

/**
 * /public/province/<code>/<year>/<round>: every LAO's score and level of a published round, by district,
 * with ที่มาของคะแนน and links to each district's part; /public/district/<code>/<year>/<round>: that
 * district's rows of the same table.
 */
export function publicProvinceHtml(p: PublicProvinceRound): PublicPageParts {
  const province = provinceLabel(p.province.code, p.province.name);
  const place = p.district ? `${districtLabel(p.province.code, p.district.name)} ${province}` : province;
  const title = `ผลการนำแผนปฏิบัติการป้องกันการทุจริต ไปสู่การปฏิบัติระดับ${p.district ? districtWord(p.province.code) : 'จังหวัด'} ${place} ประจำ${yearRound(p.fiscalYear, p.round)}`;
  const rows = p.rows
    .map((r, i) => {
      const link = `<a href="/public/lao/${esc(r.lao.code)}/${p.fiscalYear}">${esc(r.lao.name)}</a>`;
      if (p.withheld.has(r.lao.code)) {
        return `<tr data-lao="${esc(r.lao.code)}"><td data-label="ลำดับ" class="num">${i + 1}</td><td>${link}</td><td data-label="อำเภอ">${esc(r.districtName)}</td><td colspan="2" class="muted">เปิดให้รายงานเพิ่มเติม ยังไม่เผยแพร่คะแนน</td></tr>`;
      }
      return (
        `<tr data-lao="${esc(r.lao.code)}"><td data-label="ลำดับ" class="num">${i + 1}</td><td>${link}<div class="why">ที่มาของคะแนน: ${esc(r.score.explanation)}</div></td>` +
        `<td data-label="อำเภอ">${esc(r.districtName)}</td><td data-label="ร้อยละ" class="num" data-score="${formatPercent(r.score.raw)}">${formatCapped(r.score)}</td><td data-label="ระดับ">${LEVEL_TH[r.score.level]}</td></tr>`
      );
    })
    .join('\n');
  const districts = [...new Map(p.rows.map((r) => [r.lao.districtCode, r.districtName])).entries()];
  const byDistrict = p.district
    ? ''
    : `<nav class="noprint" aria-label="ตารางราย${districtWord(p.province.code)}"><h2>ดูตารางราย${districtWord(p.province.code)}</h2><ul class="links">${districts
        .map(
          ([code, name]) =>
            `<li><a href="${districtTableLink(code, p.fiscalYear, p.round)}">${esc(districtLabel(p.province.code, name))}</a></li>`,
        )
        .join('')}</ul></nav>`;
  const nationalCrumb = { label: `ทั้งประเทศ ${yearRound(p.fiscalYear, p.round)}`, href: nationalTableLink(p.fiscalYear, p.round) };
  return {
    title,
    crumbs: p.district
      ? [
          HOME,
          nationalCrumb,
          { label: province, href: provinceTableLink(p.province.code, p.fiscalYear, p.round) },
          { label: districtLabel(p.province.code, p.district.name) },
        ]
      : [HOME, nationalCrumb, { label: province }],
    body: `<header><h1>${esc(title)}</h1></header>
<p data-testid="level-counts">ระดับ${LEVEL_TH.HIGH} ${count(p.high)} แห่ง · ระดับ${LEVEL_TH.MEDIUM} ${count(p.medium)} แห่ง · ระดับ${LEVEL_TH.LOW} ${count(p.low)} แห่ง</p>
<div class="wrap"><table class="stack"><thead><tr><th>ลำดับ</th><th>ชื่อ อปท.</th><th>อำเภอ</th><th>ร้อยละ</th><th>ระดับการนำแผนไปปฏิบัติ</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
${byDistrict}
<p class="muted">* คะแนนที่คำนวณได้เกินร้อยละ 100 แสดงเป็น 100.00 ข้อมูลจากระบบ e-PlanNACC สำนักงาน ป.ป.ช. เผยแพร่เฉพาะรอบการรายงานที่ปิดแล้ว</p>`,
  };
}

/**
 * /public/national/<year>/<round>: each province's LAOs, those that reported and the LAOs by level in a
 * published round, the country's totals, and the round's open data.
 */
export function publicNationalHtml(p: PublicNationalRound): PublicPageParts {
  const title = `ผลการนำแผนปฏิบัติการป้องกันการทุจริต ไปสู่การปฏิบัติ ทั้งประเทศ ประจำ${yearRound(p.fiscalYear, p.round)}`;
  const withheld = p.total.withheld > 0;
  const cells = (c: PublicNationalRound['total']) =>
    [c.laos, c.reporting, c.high, c.medium, c.low, ...(withheld ? [c.withheld] : [])]
      .map((n) => `<td class="num">${count(n)}</td>`)
      .join('');
  const rows = p.provinces
    .filter((x) => x.laos > 0)
    .map(
      (x) =>
        `<tr data-province="${esc(x.province.code)}"><td><a href="${provinceTableLink(x.province.code, p.fiscalYear, p.round)}">${esc(provinceLabel(x.province.code, x.province.name))}</a></td>${cells(x)}</tr>`,
    )
    .join('\n');
  const base = `/open-data/${p.fiscalYear}/${p.round}`;
  return {
    title,
    crumbs: [HOME, { label: `ทั้งประเทศ ${yearRound(p.fiscalYear, p.round)}` }],
    body: `<header><h1>${esc(title)}</h1></header>
<p data-testid="national-total">อปท. ${count(p.total.laos)} แห่ง รายงานผลแล้ว ${count(p.total.reporting)} แห่ง · ระดับ${LEVEL_TH.HIGH} ${count(p.total.high)} แห่ง · ระดับ${LEVEL_TH.MEDIUM} ${count(p.total.medium)} แห่ง · ระดับ${LEVEL_TH.LOW} ${count(p.total.low)} แห่ง</p>
<div class="wrap"><table><thead><tr><th>จังหวัด</th><th>อปท.</th><th>รายงานผลแล้ว</th><th>ระดับ${LEVEL_TH.HIGH}</th><th>ระดับ${LEVEL_TH.MEDIUM}</th><th>ระดับ${LEVEL_TH.LOW}</th>${withheld ? '<th>เปิดให้รายงานเพิ่มเติม</th>' : ''}</tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr data-province="total"><td>รวมทั้งประเทศ</td>${cells(p.total)}</tr></tfoot></table></div>
<h2>ข้อมูลเปิด (Open Data)</h2>
<p>คะแนนและระดับของ อปท. ทุกแห่งในรอบนี้ ตัวเลขเดียวกับตารางระดับจังหวัด พร้อมคำอธิบายข้อมูล: <a href="${base}/${resourceName(p.round, 'csv')}">CSV</a> · <a href="${base}/${resourceName(p.round, 'json')}">JSON</a> · <a href="${base}/datapackage.json">datapackage.json</a></p>
<p class="muted">รายงานผลแล้ว = อปท. ที่รายงานผลโครงการในรอบนี้อย่างน้อย 1 โครงการ ข้อมูลจากระบบ e-PlanNACC สำนักงาน ป.ป.ช. เผยแพร่เฉพาะรอบการรายงานที่ปิดแล้ว</p>`,
  };
}
