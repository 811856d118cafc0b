// Picks the platform: the Electron preload bridge when present, else the browser one. The only
// module that looks at window.spanmark.

import type { Platform } from '../../src/platform/platform.js';
import type { SpanmarkBridge } from '../../src/platform/bridge.js';
import { createDesktopPlatform } from './desktop.js';
import { createWebPlatform } from './web.js';

declare global {
  interface Window {
    spanmark?: SpanmarkBridge;
  }
}

export function selectPlatform(version: string): Platform {
  return window.spanmark ? createDesktopPlatform(window.spanmark) : createWebPlatform(version);
}
