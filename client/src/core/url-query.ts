/** The URL parameter that carries the chosen fiscal year from page to page. */
export const YEAR_QUERY = 'year';

/** The URL parameter that carries the LAO a province officer or admin is looking at. */
export const LAO_QUERY = 'lao';
