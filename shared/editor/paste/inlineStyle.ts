/** A parsed `style` attribute: lower-case property names to their trimmed values. */
export type InlineStyle = ReadonlyMap<string, string>;

/**
 * Parses an inline `style` string (`"font-weight:bold; mso-list:l0 level1 lfo1"`) without a DOM.
 * Quoted values and `!important` are handled; malformed declarations are skipped.
 */
export function parseInlineStyle(style: string | null | undefined): InlineStyle {
  const out = new Map<string, string>();
  if (!style) return out;
  // Split on semicolons outside quotes (font-family:"Times New Roman;" is rare but real).
  let start = 0;
  let quote: string | null = null;
  const declarations: string[] = [];
  for (let i = 0; i < style.length; i++) {
    const c = style[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ';') {
      declarations.push(style.slice(start, i));
      start = i + 1;
    }
  }
  declarations.push(style.slice(start));
  for (const declaration of declarations) {
    const colon = declaration.indexOf(':');
    if (colon <= 0) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).replace(/!important/i, '').trim().toLowerCase();
    if (name && value) out.set(name, value);
  }
  return out;
}

/**
 * What a style says about bold: true (`bold`, `bolder`, 600–900), false (`normal`, `lighter`,
 * 100–500: Google Docs wraps a whole paste in `<b style="font-weight:normal">`), or undefined.
 */
export function styleBold(style: InlineStyle): boolean | undefined {
  const weight = style.get('font-weight');
  if (weight === undefined) return undefined;
  if (weight === 'bold' || weight === 'bolder') return true;
  if (weight === 'normal' || weight === 'lighter') return false;
  const numeric = Number(weight);
  return Number.isFinite(numeric) ? numeric >= 600 : undefined;
}

/** What a style says about italics: true (`italic`, `oblique`), false (`normal`), or undefined. */
export function styleItalic(style: InlineStyle): boolean | undefined {
  const fontStyle = style.get('font-style');
  if (fontStyle === undefined) return undefined;
  if (fontStyle.startsWith('italic') || fontStyle.startsWith('oblique')) return true;
  return fontStyle === 'normal' ? false : undefined;
}

/** Whether the style hides its element (`display:none`, `visibility:hidden`, `mso-hide:all`). */
export function styleHidden(style: InlineStyle): boolean {
  return style.get('display') === 'none' || style.get('visibility') === 'hidden' || style.get('mso-hide') === 'all';
}

/** A Word list paragraph's place: which list (`l0`) and which level (1-based). */
export interface MsoListPlace {
  readonly list: string;
  readonly level: number;
}

/**
 * Word's `mso-list:l0 level2 lfo1` as `{ list: 'l0', level: 2 }`; `mso-list:Ignore` (the marker
 * span) and anything else as null.
 */
export function msoListPlace(style: InlineStyle): MsoListPlace | null {
  const value = style.get('mso-list');
  if (!value) return null;
  const match = /^(l\d+)\s+level(\d+)/.exec(value);
  if (!match?.[1] || !match[2]) return null;
  return { list: match[1], level: Math.max(1, Math.min(Number(match[2]), 9)) };
}

/** Whether the style marks Word's list-marker span (`mso-list:Ignore`), which is not content. */
export function isMsoListMarker(style: InlineStyle): boolean {
  return style.get('mso-list') === 'ignore';
}
