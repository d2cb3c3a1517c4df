/** A numeric id sent as a GraphQL ID; anything else becomes NaN, which finds nothing (NOT_FOUND). */
export const parseId = (id: string | null | undefined): number => (id && /^\d{1,15}$/.test(id) ? Number(id) : Number.NaN);
