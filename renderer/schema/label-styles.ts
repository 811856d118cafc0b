// Installs the stylesheet generated from the schema (src/labels/label-style.ts) into the page. A
// constructed CSSStyleSheet in document.adoptedStyleSheets: the CSP's `style-src 'self'` forbids
// <style> elements and style attributes with inline text, but not a sheet built through the CSSOM
// (tests/e2e/schema.spec.ts checks this in Chromium with the CSP on). One sheet, replaced whole on
// every schema change, so a removed label's rules go with it.

import { labelStyleSheet } from '../../src/labels/label-style.js';
import type { LabelSchema } from '../../src/labels/schema.js';

let sheet: CSSStyleSheet | undefined;
let applied: string | undefined;

export function applyLabelStyles(schema: LabelSchema, doc: Document = document): void {
  const css = labelStyleSheet(schema);
  if (css === applied) return;
  if (sheet === undefined) {
    sheet = new CSSStyleSheet();
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(css);
  applied = css;
}
