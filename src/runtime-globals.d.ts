// The few web-platform globals the core relies on that every runtime we target (Chromium,
// Electron, Node 20) provides but lib ES2023 does not declare. Declared narrowly, so the core
// still cannot touch window, document, process or Buffer.

declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly origin: string;
  readonly pathname: string;
}
