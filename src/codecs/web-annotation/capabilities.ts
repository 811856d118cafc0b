import type { Capabilities } from '../registry/format.js';

export const WEB_ANNOTATION_CAPABILITIES: Capabilities = {
  overlaps: true,
  discontinuous: false,
  attributes: true,
  notes: true,
  // Link attributes travel as attribute bodies holding the target annotation's id, and ids are kept.
  links: true,
  annotators: true,
  exactText: true,
  offsetUnit: 'codepoint',
};

/** Prefix of the annotation ids Spanmark writes; a file's other ids are kept as they are. */
export const ID_PREFIX = 'urn:spanmark:annotation:';
export const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
