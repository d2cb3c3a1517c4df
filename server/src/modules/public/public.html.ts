import { formatBaht } from '../../core/money';
import { thaiDate } from '../../core/pdf/thai-text';
import { ROUND_TH } from '../plan/report.enums';
import { formatCapped, formatPercent, LEVEL_TH } from '../scoring/scoring';
import type { PublicAttachment } from '../attachment/attachment.service';
import type { PublicLaoYear, PublicProvinceRound } from './public.service';

const esc = (s: string | number): string =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The page's frame: Thai first, a Thai font stack, printable on A4. */
export function publicPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body{font-family:"Sarabun","Noto Sans Thai","Noto Sans Thai UI","Leelawadee UI","Tahoma",sans-serif;margin:0 auto;max-width:960px;padding:16px;color:#1f2a37;line-height:1.6}
h1{font-size:1.4rem;margin:0 0 4px}h2{font-size:1.15rem;margin:24px 0 8px}
table{border-collapse:collapse;width:100%;font-size:.95rem}th,td{border:1px solid #cfd7e2;padding:4px 8px;vertical-align:top}
th{background:#eef2f8}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.wrap{overflow-x:auto}.muted{color:#5b6676}.why{font-size:.9rem;color:#3b4655}
@media print{body{max-width:none;padding:0}a{color:inherit;text-decoration:none}}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** The evidence the LAO publishes with its year (modules/attachment), each a link to its file. */
function attachmentsHtml(files: PublicAttachment[]): string {
  if (!files.length) return '';
  const size = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('th-TH', { maximumFractionDigits: 2 })} MB`;
  const items = files.map(
    (f) =>
      `<li><a href="/attachments/${f.id}">${esc(f.fileName)}</a> <span class="muted">(${f.round ? `หลักฐานรายงานผล${ROUND_TH[f.round]}` : 'หลักฐานประกอบแผน'} · ${size(f.size)})</span></li>`,
  );
  return `<h2>เอกสารหลักฐานที่เผยแพร่</h2>\n<ul data-testid="public-attachments">\n${items.join('\n')}\n</ul>`;
}

/** /public/lao/<code>/<year>: the plan, each closed round's progress, score, level and ที่มาของคะแนน, the published evidence. */
export function publicLaoHtml(p: PublicLaoYear, files: PublicAttachment[] = []): string {
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
<div class="wrap"><table><thead><tr><th>โครงการตามแผน</th><th>ดำเนินการแล้วเสร็จ</th><th>อยู่ระหว่างดำเนินการ</th><th>ไม่สามารถดำเนินการได้</th><th>รอรายงาน</th><th>เบิกจ่าย (บาท)</th><th>ผลการนำแผนฯ ไปปฏิบัติ</th><th>ระดับ</th></tr></thead>
<tbody><tr><td class="num">${r.planned}</td><td class="num">${r.done}</td><td class="num">${r.inProgress}</td><td class="num">${r.cannotDo}</td><td class="num">${r.waiting}</td><td class="num">${formatBaht(r.disbursed)}</td><td class="num" data-score="${formatPercent(r.score.raw)}">${formatCapped(r.score)}</td><td>${LEVEL_TH[r.score.level]}</td></tr></tbody></table></div>
<p class="why" data-testid="public-explanation-${r.round}">ที่มาของคะแนน: ${esc(r.score.explanation)}</p>
</section>`,
        )
        .join('\n')
    : '<p class="muted">ยังไม่มีรอบการรายงานที่ปิดแล้วของปีงบประมาณนี้ (เผยแพร่เฉพาะรอบที่ปิดแล้ว)</p>';
  return publicPage(
    title,
    `<header><h1>${esc(p.lao.name)}</h1>
<p class="muted">อำเภอ${esc(p.districtName)} จังหวัด${esc(p.provinceName)} · รหัส ${esc(p.lao.code)} · ปีงบประมาณ พ.ศ. ${p.fiscalYear}</p></header>
<h2>แผนปฏิบัติการป้องกันการทุจริต (${p.projects.length} โครงการ)</h2>
<div class="wrap"><table><thead><tr><th>ลำดับ</th><th>โครงการ/กิจกรรม/มาตรการ</th><th>มิติ</th><th>งบประมาณ (บาท)</th><th>ระยะเวลา</th></tr></thead>
<tbody>
${projects}
</tbody></table></div>
${rounds}
${attachmentsHtml(files)}
<p class="muted">ข้อมูลจากระบบ e-PlanNACC สำนักงาน ป.ป.ช. เผยแพร่เฉพาะรอบการรายงานที่ปิดแล้ว ไม่มีข้อมูลส่วนบุคคล</p>`,
  );
}

/** /public/province/<code>/<year>/<round>: every LAO's score and level of a closed round, by district, with ที่มาของคะแนน. */
export function publicProvinceHtml(p: PublicProvinceRound): string {
  const title = `ผลการนำแผนปฏิบัติการป้องกันการทุจริต ไปสู่การปฏิบัติระดับจังหวัด จังหวัด${p.province.name} ประจำปีงบประมาณ พ.ศ. ${p.fiscalYear} ${ROUND_TH[p.round]}`;
  const rows = p.rows
    .map((r, i) => {
      const link = `<a href="/public/lao/${esc(r.lao.code)}/${p.fiscalYear}">${esc(r.lao.name)}</a>`;
      if (p.withheld.has(r.lao.code)) {
        return `<tr data-lao="${esc(r.lao.code)}"><td class="num">${i + 1}</td><td>${link}</td><td>${esc(r.districtName)}</td><td colspan="2" class="muted">เปิดให้รายงานเพิ่มเติม ยังไม่เผยแพร่คะแนน</td></tr>`;
      }
      return (
        `<tr data-lao="${esc(r.lao.code)}"><td class="num">${i + 1}</td><td>${link}<div class="why">ที่มาของคะแนน: ${esc(r.score.explanation)}</div></td>` +
        `<td>${esc(r.districtName)}</td><td class="num" data-score="${formatPercent(r.score.raw)}">${formatCapped(r.score)}</td><td>${LEVEL_TH[r.score.level]}</td></tr>`
      );
    })
    .join('\n');
  return publicPage(
    title,
    `<header><h1>${esc(title)}</h1></header>
<p>ระดับ${LEVEL_TH.HIGH} ${p.high} แห่ง · ระดับ${LEVEL_TH.MEDIUM} ${p.medium} แห่ง · ระดับ${LEVEL_TH.LOW} ${p.low} แห่ง</p>
<div class="wrap"><table><thead><tr><th>ลำดับ</th><th>ชื่อ อปท.</th><th>อำเภอ</th><th>ร้อยละ</th><th>ระดับการนำแผนไปปฏิบัติ</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
<p class="muted">* คะแนนที่คำนวณได้เกินร้อยละ 100 แสดงเป็น 100.00 ข้อมูลจากระบบ e-PlanNACC สำนักงาน ป.ป.ช. เผยแพร่เฉพาะรอบการรายงานที่ปิดแล้ว</p>`,
  );
}
