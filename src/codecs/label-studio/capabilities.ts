import type { Capabilities } from '../registry/format.js';

export const LABEL_STUDIO_CAPABILITIES: Capabilities = {
  overlaps: true,
  discontinuous: false,
  attributes: false,
  notes: false,
  links: false,
  annotators: true,
  exactText: true,
  offsetUnit: 'codepoint',
};
