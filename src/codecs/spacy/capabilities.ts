import type { Capabilities } from '../registry/format.js';

export const SPACY_CAPABILITIES: Capabilities = {
  overlaps: true,
  discontinuous: false,
  attributes: false,
  notes: false,
  links: false,
  annotators: true,
  exactText: true,
  offsetUnit: 'codepoint',
};
