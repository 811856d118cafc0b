// The plain-browser platform: a file chooser for opening, a download for saving. It is how the
// product runs in the Chromium fallback and in end-to-end tests.

import {
  isTextInMemory,
  type FileKind,
  type FolderPick,
  type Platform,
  type PickedFile,
  type SaveContent,
  type SkippedFile,
} from '../../src/platform/platform.js';
import { FORMATS } from '../../src/codecs/registry/registry.js';
import { BATCH_EXTENSIONS } from '../../src/platform/batch-files.js';
import { createFolderRule, type FolderLimits } from '../../src/corpus/folder-pick.js';

/** Every format's files File › Import takes (several at once: a brat .txt + .ann pair), and zips of them. */
const IMPORTABLE = [...new Set([...FORMATS.flatMap((f) => f.extensions).filter((e) => !e.includes('.')), 'zip'])].map((e) => `.${e}`);

/** Articles and article feeds, for File › Open (several at once). */
const ACCEPT_BATCH = [...BATCH_EXTENSIONS.map((e) => `.${e}`), 'text/plain', 'text/markdown', 'text/html', 'text/csv'].join(',');

const ACCEPT: Record<FileKind, string> = {
  article: '.txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html',
  export: ['.json', 'application/json'].join(','),
};
const ACCEPT_IMPORT = [...IMPORTABLE, 'application/json', 'application/zip'].join(',');

export function createWebPlatform(version: string): Platform {
  return {
    appInfo: async () => ({ name: 'Spanmark', version, shell: 'browser' }),
    pickFile: (kind) => pickWithInput(ACCEPT[kind]).then((files) => files[0] ?? null),
    pickFiles: (kind) => pickWithInput(kind === 'import' ? ACCEPT_IMPORT : ACCEPT_BATCH, true),
    pickFolder: () => chooseFolder().then((files) => (files === null ? { picked: false } : folderPickOf(files))),
    saveFile: async (suggestedName, content) => {
      const url = URL.createObjectURL(await blobOf(content));
      const a = document.createElement('a');
      a.href = url;
      a.download = suggestedName;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { saved: true, where: `Downloads/${suggestedName}` };
    },
    onMenuCommand: () => () => {},
    guardClose: (writes) => {
      // The prompt, not a wait: a page cannot delay its own unload. The write itself was issued
      // whole in the edit's task, so it commits even if the analyst leaves anyway.
      window.addEventListener('beforeunload', (event) => {
        if (writes.count() === 0) return;
        event.preventDefault();
        event.returnValue = '';
      });
    },
  };
}

function pickWithInput(accept: string, multiple = false): Promise<PickedFile[]> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.style.display = 'none';
    document.body.append(input);
    const done = () => input.remove();
    input.addEventListener('cancel', () => {
      done();
      resolve([]);
    });
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      done();
      Promise.all(files.map(readPicked)).then(resolve, reject);
    });
    input.click();
  });
}

/** The folder chooser (webkitdirectory): every file under the folder, or null when cancelled. */
function chooseFolder(): Promise<File[] | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.webkitdirectory = true;
    input.style.display = 'none';
    document.body.append(input);
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      input.remove();
      resolve(files);
    });
    input.click();
  });
}

/**
 * A folder pick's files through the folder rule (src/corpus/folder-pick.ts), as Electron's main
 * applies it while walking: the browser has listed the whole folder already, so the folders on each
 * file's way come as parts of its webkitRelativePath ("corpus/2022/story.txt", the chosen folder's
 * name first). Only the files the rule takes are read; a file that cannot be read joins the skipped.
 * Throws, with the rule's message, when the folder is refused whole or holds nothing.
 */
export async function folderPickOf(files: readonly File[], limits?: FolderLimits): Promise<FolderPick> {
  const first = files[0]?.webkitRelativePath ?? '';
  const folder = first.includes('/') ? first.slice(0, first.indexOf('/')) : '';
  const rule = createFolderRule(folder, limits);
  const taken = new Map<string, File>();
  for (const file of files) {
    const rel = file.webkitRelativePath;
    const path = rel.includes('/') ? rel.slice(rel.indexOf('/') + 1) : file.name;
    const step = rule.visit({ path, kind: 'file', size: file.size });
    if (step === 'stop') break;
    if (step === 'take') taken.set(path, file);
  }
  const plan = rule.finish();
  if (!plan.ok) throw new Error(plan.error.message);
  const picked: PickedFile[] = [];
  const skipped: SkippedFile[] = [...plan.value.skipped];
  for (const t of plan.value.take) {
    try {
      picked.push({ name: t.name, bytes: new Uint8Array(await taken.get(t.path)!.arrayBuffer()) });
    } catch (error) {
      skipped.push({ name: t.name, reason: `could not be read: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return { picked: true, folder, files: picked, skipped };
}

export async function readPicked(file: File): Promise<PickedFile> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** The file to download: pieces in memory go in as they are (a Blob of one 6 MB string is slower). */
export async function blobOf(content: SaveContent): Promise<Blob> {
  if (!isTextInMemory(content)) return blobOfPieces(content);
  return new Blob(typeof content === 'string' ? [content] : (content as string[]), { type: 'application/json' });
}

/**
 * A download made of pieces: each piece becomes a Blob as it comes (the browser keeps its bytes,
 * the page's heap lets the string go), and the file is the Blob of those parts, never one string.
 * A source that throws downloads nothing.
 */
export async function blobOfPieces(pieces: AsyncIterable<string>): Promise<Blob> {
  const parts: Blob[] = [];
  for await (const piece of pieces) if (piece.length > 0) parts.push(new Blob([piece]));
  return new Blob(parts, { type: 'application/json' });
}
