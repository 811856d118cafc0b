import type { Capabilities } from '../registry/format.js';

// brat has relations and attributes but no annotator field: one .ann is one annotator's work.
export const BRAT_CAPABILITIES: Capabilities = {
  overlaps: true,
  discontinuous: true,
  attributes: true,
  notes: true,
  links: true,
  annotators: false,
  exactText: true,
  offsetUnit: 'codepoint',
};
