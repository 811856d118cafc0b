import type { Capabilities } from '../registry/format.js';

export const DOCCANO_CAPABILITIES: Capabilities = {
  overlaps: true,
  discontinuous: false,
  attributes: false,
  notes: false,
  links: false,
  annotators: false,
  exactText: true,
  offsetUnit: 'codepoint',
};
