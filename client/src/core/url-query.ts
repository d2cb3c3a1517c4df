/** The URL parameter that carries the chosen fiscal year from page to page. */
export const YEAR_QUERY = 'year';

/** The fiscal year a URL names (`?year=2567`), or null. */
export function parseYear(raw: unknown): number | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string' || !/^\d{4}$/.test(value)) return null;
  return Number(value);
}

/** The URL parameter that carries the LAO a province officer or admin is looking at. */
export const LAO_QUERY = 'lao';
