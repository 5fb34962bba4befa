/**
 * Text for xmlbuilder2 attributes and text nodes. xmlbuilder2 leaves anything that already looks like an entity
 * (`&lt;`, `&#10;`) unescaped, so a reason typed as "&lt;" would come back as "<", and it writes line breaks into
 * attributes as they are, which every XML parser turns into spaces. Escaping every ampersand first (which it
 * then keeps) and writing line breaks and tabs as character references keeps each value exactly as recorded.
 * Characters XML 1.0 cannot carry at all become U+FFFD.
 */
export const xmlText = (value: string): string =>
  value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
