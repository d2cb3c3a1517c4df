import type { AppContext } from '../../core/context';
import { forbidden, notFound } from '../../core/errors';
import { fiscalYearOf, selectableFiscalYears } from '../../core/fiscal-year';
import { allow, Permission } from '../access/policy';
import { District } from '../geography/district.entity';
import { Province } from '../geography/province.entity';
import { LAO_TYPE_ABBREVIATIONS, LAO_TYPE_TH } from '../lao/lao.enums';
import type { ReportRound } from '../plan/report.enums';
import { laosIn } from '../scoring/figures.store';
import { publishedYears } from './publication';

/** The most LAOs a search lists (a longer list asks for a narrower search). */
export const SEARCH_LIMIT = 50;
/** The most words of a search that are looked for. */
const SEARCH_WORDS = 5;

/** A place or an LAO as /public lists it: a code and a Thai name. */
export interface Named {
  code: string;
  name: string;
}

/** An LAO a search found, with where it is. */
export interface FoundLao extends Named {
  provinceCode: string;
  provinceName: string;
  districtName: string;
}

/** What /public shows: published rounds, the way down province → district → LAO, and what a search found. */
export interface PublicSearch {
  /** The fiscal year the LAO links open, and the years offered. */
  fiscalYear: number;
  years: number[];
  published: Array<{ fiscalYear: number; rounds: ReportRound[] }>;
  provinces: Named[];
  province: Named | null;
  /** The chosen province's districts that have LAOs in the year's registry. */
  districts: Named[];
  district: Named | null;
  /** The chosen district's LAOs in the year's registry. */
  laos: Named[];
  /** What was searched for, as typed (null: no search). */
  query: string | null;
  found: FoundLao[];
  /** More LAOs matched than are listed. */
  more: boolean;
  /** Provinces and districts whose name the search names. */
  places: Array<{ province: Named; district: Named | null }>;
}

const thai = new Intl.Collator('th');
const byName = (a: Named, b: Named) => thai.compare(a.name, b.name);

const ABBREVIATION = new RegExp(
  `^(${Object.keys(LAO_TYPE_ABBREVIATIONS)
    .map((k) => k.replace('.', ''))
    .join('|')})(?:\\.|$)`,
);
/** A place's kind written before its name ("อำเภอชะอวด", "จ.กระบี่"): the name alone is looked for. */
const PLACE_WORD = /^(?:จังหวัด|อำเภอ|เขต|ตำบล|แขวง|จ\.|อ\.|ต\.)(?=.)/;

/**
 * The words of a search as LAO and place names are written: Unicode NFC, ำ typed as nikhahit + sara aa
 * made the one character, zero-width characters dropped, an abbreviated type expanded (อบต.ขอนหาด →
 * องค์การบริหารส่วนตำบลขอนหาด, ทต. → เทศบาลตำบล), a place's kind dropped (อ.ชะอวด → ชะอวด).
 */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/\u0E4D\u0E32/g, '\u0E33')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .split(/\s+/)
    .map((word) => {
      const abbreviation = ABBREVIATION.exec(word);
      if (abbreviation) return LAO_TYPE_TH[LAO_TYPE_ABBREVIATIONS[`${abbreviation[1]}.`]] + word.slice(abbreviation[0].length);
      return word.replace(PLACE_WORD, '');
    })
    .filter(Boolean)
    .slice(0, SEARCH_WORDS);
}

/** A LIKE pattern that finds the text as it is (% and _ typed are themselves; SQLite has no default escape: ESCAPE '!'). */
const literal = (text: string) => text.replace(/[%_!]/g, '!$&');

/**
 * LAOs of the year's registry (of one province, when one is chosen) every word of the search names — in its name, its district's or its
 * province's name, or (digits) the start of its code — at most SEARCH_LIMIT of them, in Thai order by
 * province, district and name, and whether there were more.
 */
async function findLaos(
  ctx: AppContext,
  words: string[],
  fiscalYear: number,
  provinceCode: string | null,
): Promise<{ found: FoundLao[]; more: boolean }> {
  const qb = laosIn(ctx, provinceCode ? { provinceCode } : { all: true }, fiscalYear)
    .select('l.code', 'code')
    .addSelect('l.name', 'name')
    .addSelect('l.province_code', 'provinceCode')
    .innerJoin(Province, 'p', 'p.code = l.province_code')
    .addSelect('p.name', 'provinceName')
    .innerJoin(District, 'd', 'd.code = l.district_code')
    .addSelect('d.name', 'districtName');
  words.forEach((word, i) => {
    if (/^\d+$/.test(word)) qb.andWhere(`l.code LIKE :w${i} ESCAPE '!'`, { [`w${i}`]: `${literal(word)}%` });
    else
      qb.andWhere(`(l.name LIKE :w${i} ESCAPE '!' OR d.name LIKE :w${i} ESCAPE '!' OR p.name LIKE :w${i} ESCAPE '!')`, {
        [`w${i}`]: `%${literal(word)}%`,
      });
  });
  const rows = await qb
    .orderBy('l.code')
    .limit(SEARCH_LIMIT + 1)
    .getRawMany<FoundLao>();
  const found = rows
    .slice(0, SEARCH_LIMIT)
    .sort((a, b) => thai.compare(a.provinceName, b.provinceName) || thai.compare(a.districtName, b.districtName) || byName(a, b));
  return { found, more: rows.length > SEARCH_LIMIT };
}

/** Provinces and districts whose name holds the one word searched for (a search of a place's name leads to it). */
async function findPlaces(ctx: AppContext, words: string[]): Promise<PublicSearch['places']> {
  if (words.length !== 1 || /^\d+$/.test(words[0])) return [];
  const like = `%${literal(words[0])}%`;
  const [provinces, districts] = await Promise.all([
    ctx.em.getRepository(Province).createQueryBuilder('p').where("p.name LIKE :like ESCAPE '!'", { like }).limit(10).getMany(),
    ctx.em
      .getRepository(District)
      .createQueryBuilder('d')
      .innerJoinAndSelect('d.province', 'p')
      .where("d.name LIKE :like ESCAPE '!'", { like })
      .limit(10)
      .getMany(),
  ]);
  return [
    ...provinces.sort(byName).map((p) => ({ province: { code: p.code, name: p.name }, district: null })),
    ...districts
      .sort(byName)
      .map((d) => ({ province: { code: d.provinceCode, name: d.province!.name }, district: { code: d.code, name: d.name } })),
  ];
}

/** The districts of a province that have LAOs in the year's registry, and a district's LAOs. */
async function districtsWithLaos(ctx: AppContext, provinceCode: string, fiscalYear: number): Promise<Named[]> {
  const rows = await laosIn(ctx, { provinceCode }, fiscalYear)
    .innerJoin(District, 'd', 'd.code = l.district_code')
    .select('d.code', 'code')
    .addSelect('d.name', 'name')
    .groupBy('d.code')
    .addGroupBy('d.name')
    .getRawMany<Named>();
  return rows.sort(byName);
}

/** What the search page was asked: all optional, each checked by the route. */
export interface SearchAsked {
  query: string | null;
  provinceCode: string | null;
  districtCode: string | null;
  fiscalYear: number | null;
}

/**
 * /public: the published rounds, the provinces, the chosen province's districts and the chosen district's
 * LAOs, and the LAOs a search names — within READ_PUBLISHED; no personal data (registry names only).
 */
export async function publicSearch(ctx: AppContext, asked: SearchAsked): Promise<PublicSearch> {
  if (!allow(ctx.user, Permission.READ_PUBLISHED)) throw forbidden('ข้อมูลนี้ไม่ได้เผยแพร่');
  const now = ctx.clock.now();
  const fiscalYear = asked.fiscalYear ?? fiscalYearOf(now);
  const district = asked.districtCode ? await ctx.loaders.districtByCode.load(asked.districtCode) : null;
  if (asked.districtCode && !district) throw notFound('ไม่พบอำเภอรหัสนี้');
  const provinceCode = district?.provinceCode ?? asked.provinceCode;
  const province = provinceCode ? await ctx.loaders.provinceByCode.load(provinceCode) : null;
  if (provinceCode && !province) throw notFound('ไม่พบจังหวัดรหัสนี้');
  const words = asked.query ? searchWords(asked.query) : [];
  const [published, provinces, districts, laos, search, places] = await Promise.all([
    publishedYears(ctx),
    ctx.em.getRepository(Province).find(),
    province ? districtsWithLaos(ctx, province.code, fiscalYear) : [],
    district
      ? laosIn(ctx, { provinceCode: district.provinceCode, districtCode: district.code }, fiscalYear)
          .select('l.code', 'code')
          .addSelect('l.name', 'name')
          .getRawMany<Named>()
      : [],
    words.length ? findLaos(ctx, words, fiscalYear, province?.code ?? null) : { found: [], more: false },
    province ? [] : findPlaces(ctx, words),
  ]);
  const named = (x: { code: string; name: string } | null | undefined): Named | null => (x ? { code: x.code, name: x.name } : null);
  return {
    fiscalYear,
    years: [...new Set([fiscalYear, ...selectableFiscalYears(now)])].sort((a, b) => b - a),
    published,
    provinces: provinces.map((p) => ({ code: p.code, name: p.name })).sort(byName),
    province: named(province),
    districts,
    district: named(district),
    laos: laos.sort(byName),
    query: asked.query,
    ...search,
    places,
  };
}
