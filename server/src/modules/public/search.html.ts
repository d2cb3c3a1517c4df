import { districtLabel, provinceLabel } from '../geography/places';
import { ROUND_TH, type ReportRound } from '../plan/report.enums';
import {
  districtSearchLink,
  districtTableLink,
  esc,
  HOME,
  type Crumb,
  nationalTableLink,
  provinceSearchLink,
  provinceTableLink,
  type PublicPageParts,
} from './public.html';
import { SEARCH_LIMIT, type PublicSearch } from './public.search';

const option = (value: string | number, label: string, selected: boolean) =>
  `<option value="${esc(value)}"${selected ? ' selected' : ''}>${esc(label)}</option>`;

const laoLink = (code: string, fiscalYear: number) => `/public/lao/${encodeURIComponent(code)}/${fiscalYear}`;

/**
 * /public: a search by LAO name or code, and the way down province → district → LAO — plain forms and
 * links, so it works without JavaScript — with the published rounds' tables (national, the province's or
 * the district's) at each step.
 */
export function publicSearchHtml(p: PublicSearch): PublicPageParts {
  const y = p.fiscalYear;
  const years = p.years.map((year) => option(year, `พ.ศ. ${year}`, year === y)).join('');
  const provinces = p.provinces.map((x) => option(x.code, provinceLabel(x.code, x.name), x.code === p.province?.code)).join('');
  // One form: a search (within the province chosen, if any), a province to go down to, the year of the plans the links open.
  const form = `<form method="get" action="/public" role="search" data-testid="public-search-form">
<label class="wide" for="q">ค้นหา อปท. จากชื่อ รหัส อำเภอ หรือจังหวัด<input id="q" type="search" name="q" maxlength="100" value="${esc(p.query ?? '')}" placeholder="เช่น ขอนหาด, อบต.เทพา, 6810453" data-testid="public-search-q"></label>
<label for="province">จังหวัด<select id="province" name="province" data-testid="public-province">${option('', 'ทุกจังหวัด', !p.province)}${provinces}</select></label>
<label for="year">ปีงบประมาณของแผน<select id="year" name="year" data-testid="public-year">${years}</select></label>
<button type="submit" data-testid="public-search-submit">ค้นหา</button>
</form>`;

  const sections: string[] = [];
  if (p.query !== null) sections.push(foundSection(p));
  if (p.province) {
    const province = provinceLabel(p.province.code, p.province.name);
    const word = districtLabel(p.province.code, '');
    sections.push(
      `<section data-section="districts"><h2>${esc(word)}ใน${esc(province)}</h2>${
        p.districts.length
          ? `<ul class="links">${p.districts
              .map((d) =>
                d.code === p.district?.code
                  ? `<li><strong aria-current="page">${esc(districtLabel(p.province!.code, d.name))}</strong></li>`
                  : `<li><a href="${esc(districtSearchLink(d.code, y))}">${esc(districtLabel(p.province!.code, d.name))}</a></li>`,
              )
              .join('')}</ul>`
          : `<p class="muted">ไม่มี อปท. ในทะเบียนของปีงบประมาณ พ.ศ. ${y}</p>`
      }</section>`,
    );
  }
  if (p.district && p.province) {
    const district = districtLabel(p.province.code, p.district.name);
    sections.push(
      `<section data-section="laos"><h2>อปท. ใน${esc(district)} (แผนปีงบประมาณ พ.ศ. ${y})</h2>${
        p.laos.length
          ? `<ul class="links">${p.laos.map((l) => `<li><a href="${laoLink(l.code, y)}">${esc(l.name)}</a></li>`).join('')}</ul>`
          : `<p class="muted">ไม่มี อปท. ในทะเบียนของปีงบประมาณ พ.ศ. ${y}</p>`
      }</section>`,
    );
  }
  sections.push(publishedSection(p));

  const crumbs: Crumb[] = [p.province ? HOME : { label: HOME.label }];
  if (p.province) {
    const province = provinceLabel(p.province.code, p.province.name);
    crumbs.push(p.district ? { label: province, href: provinceSearchLink(p.province.code, y) } : { label: province });
    if (p.district) crumbs.push({ label: districtLabel(p.province.code, p.district.name) });
  }
  return {
    title: 'ข้อมูลเผยแพร่ แผนปฏิบัติการป้องกันการทุจริตและผลการนำแผนไปปฏิบัติของ อปท.',
    crumbs,
    body: `<header><h1>ข้อมูลเผยแพร่ แผนปฏิบัติการป้องกันการทุจริตของ อปท.</h1>
<p class="muted">แผนปฏิบัติการป้องกันการทุจริต ผลการดำเนินงาน คะแนนและระดับการนำแผนไปปฏิบัติขององค์กรปกครองส่วนท้องถิ่น ในรอบการรายงานที่ปิดแล้ว</p></header>
${form}
${sections.join('\n')}
<p class="muted">ข้อมูลจากระบบ e-PlanNACC สำนักงาน ป.ป.ช. เผยแพร่เฉพาะรอบการรายงานที่ปิดแล้ว ไม่มีข้อมูลส่วนบุคคล</p>`,
  };
}

/** What a search found: places named, then LAOs with where they are. */
function foundSection(p: PublicSearch): string {
  const y = p.fiscalYear;
  const places = p.places.length
    ? `<ul class="links">${p.places
        .map(({ province, district }) =>
          district
            ? `<li><a href="${esc(districtSearchLink(district.code, y))}">${esc(districtLabel(province.code, district.name))} ${esc(provinceLabel(province.code, province.name))}</a></li>`
            : `<li><a href="${esc(provinceSearchLink(province.code, y))}">${esc(provinceLabel(province.code, province.name))}</a></li>`,
        )
        .join('')}</ul>`
    : '';
  const laos = p.found.length
    ? `<ul data-testid="public-found">${p.found
        .map(
          (l) =>
            `<li data-lao="${esc(l.code)}"><a href="${laoLink(l.code, y)}">${esc(l.name)}</a> <span class="muted">${esc(districtLabel(l.provinceCode, l.districtName))} ${esc(provinceLabel(l.provinceCode, l.provinceName))} · รหัส ${esc(l.code)}</span></li>`,
        )
        .join('')}</ul>`
    : '<p>ไม่พบ อปท. ที่ตรงกับคำค้น ลองพิมพ์เพียงบางส่วนของชื่อ เช่น ชื่อตำบล</p>';
  const more = p.more ? `<p class="muted">แสดง ${SEARCH_LIMIT} แห่งแรก กรุณาระบุคำค้นให้ชัดเจนขึ้น</p>` : '';
  const within = p.province ? ` ใน${provinceLabel(p.province.code, p.province.name)}` : '';
  return `<section data-section="found"><h2>ผลการค้นหา “${esc(p.query ?? '')}”${esc(within)}</h2>${places}${laos}${more}</section>`;
}

/** The published rounds: national tables, or the chosen province's or district's tables. */
function publishedSection(p: PublicSearch): string {
  const where =
    p.district && p.province
      ? {
          label: `ของ${districtLabel(p.province.code, p.district.name)}`,
          link: (y: number, r: ReportRound) => districtTableLink(p.district!.code, y, r),
        }
      : p.province
        ? {
            label: `ของ${provinceLabel(p.province.code, p.province.name)}`,
            link: (y: number, r: ReportRound) => provinceTableLink(p.province!.code, y, r),
          }
        : { label: 'ทั้งประเทศ', link: nationalTableLink };
  const list = p.published.length
    ? `<ul data-testid="public-published">${p.published
        .map(
          ({ fiscalYear, rounds }) =>
            `<li>ปีงบประมาณ พ.ศ. ${fiscalYear}: ${rounds.map((r) => `<a href="${where.link(fiscalYear, r)}">${ROUND_TH[r]}</a>`).join(' · ')}</li>`,
        )
        .join('')}</ul>`
    : '<p class="muted">ยังไม่มีรอบการรายงานที่ปิดและเผยแพร่แล้ว</p>';
  return `<section data-section="published"><h2>ผลการนำแผนไปปฏิบัติ${esc(where.label)} (รอบที่ปิดและเผยแพร่แล้ว)</h2>${list}</section>`;
}
