/**
 * Whether a list marker as Word writes it ("1.", "a)", "iv.", "(2)") numbers its item. Bullets
 * ("·", "o", "§", "-", "•", "▪") do not. The marker text comes from Word's `mso-list:Ignore` span.
 */
export function isOrderedMarker(marker: string): boolean {
  const text = marker.replace(/[\s\u00a0]+/g, '');
  if (/^\(?\d{1,4}[.)]?(\d{1,4}[.)]?)*$/.test(text)) return true;
  if (/^\(?[a-z][.)]$/i.test(text)) return true;
  return /^\(?[ivxlcdm]{1,6}[.)]$/i.test(text);
}
