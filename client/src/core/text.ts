/**
 * Whitespace and characters that show nothing (zero-width spaces, direction marks, BOM), trimmed from
 * both ends of free text before a form checks "required" or sends it, as the server trims them: text
 * made only of them is blank. The server's text rule (length, control characters) is the one that counts.
 */
const EDGES =
  /^[\s\u00AD\u061C\u115F\u180E\u200B-\u200F\u2060-\u2064\u206A-\u206F\u2800\u3164\uFEFF\uFFA0]+|[\s\u00AD\u061C\u115F\u180E\u200B-\u200F\u2060-\u2064\u206A-\u206F\u2800\u3164\uFEFF\uFFA0]+$/g;

export const trimText = (text: string): string => text.replace(EDGES, '');
