import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IPC, MAX_SAVE_PIECES, parsePickFolderArgs } from '../../../src/platform/ipc-contract.js';
import { SKIP_REASONS } from '../../../src/corpus/folder-pick.js';
import { FORMATS } from '../../../src/codecs/registry/registry.js';
import {
  checkSender,
  chosenOpenPath,
  chosenSavePath,
  createIpcHandlers,
  FILE_FILTERS,
  IMPORT_EXTENSIONS,
  IMPORT_FILTERS,
  MAX_PICK_BYTES,
  MAX_PICK_FILES,
  nodeFsPort,
  writeFileAtomically,
  type FsPort,
  type IpcDeps,
  type IpcEventLike,
  type OpenDialogRequest,
  type SaveDialogRequest,
} from '../../../main/app/ipc-handlers.js';

const mainFrame = { url: 'app://spanmark/index.html' };
const fromApp: IpcEventLike = { senderFrame: mainFrame, sender: { mainFrame } };

function withTempDir(run: (dir: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spanmark-ipc-'));
    try {
      await run(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

interface Recorded {
  opens: OpenDialogRequest[];
  saves: SaveDialogRequest[];
}

function deps(
  over: Partial<IpcDeps<IpcEventLike>> & { openPath?: string | null; openPaths?: readonly string[]; folderPath?: string | null; savePath?: string | null } = {},
): IpcDeps<IpcEventLike> & Recorded {
  const recorded: Recorded = { opens: [], saves: [] };
  return {
    appName: 'Spanmark',
    appVersion: '0.1.0',
    userName: () => 'analyst',
    documentsDir: () => '/home/analyst/Documents',
    fs: nodeFsPort,
    tempSuffix: () => 'test',
    dialog: {
      open: async (_event, request) => {
        recorded.opens.push(request);
        return over.openPath ?? null;
      },
      openMany: async (_event, request) => {
        recorded.opens.push(request);
        return over.openPaths ?? [];
      },
      openFolder: async (_event, request) => {
        recorded.opens.push({ title: request.title, filters: [] });
        return over.folderPath ?? null;
      },
      save: async (_event, request) => {
        recorded.saves.push(request);
        return over.savePath ?? null;
      },
    },
    ...over,
    ...recorded,
  };
}

test('senders must be the main frame of an app:// page', () => {
  assert.equal(checkSender(fromApp).ok, true);
  const cases: [string, IpcEventLike][] = [
    ['destroyed frame', { senderFrame: null, sender: { mainFrame } }],
    ['other origin', { senderFrame: { url: 'https://example.com/' }, sender: { mainFrame: { url: 'https://example.com/' } } }],
    ['lookalike origin', { senderFrame: { url: 'app://spanmark.evil/index.html' }, sender: { mainFrame } }],
    ['file page', { senderFrame: { url: 'file:///tmp/x.html' }, sender: { mainFrame } }],
    ['subframe', { senderFrame: { url: 'app://spanmark/frame.html' }, sender: { mainFrame } }],
  ];
  for (const [name, event] of cases) {
    const result = checkSender(event);
    assert.equal(result.ok, false, name);
    if (!result.ok) assert.equal(result.error.code, 'ipc-sender', name);
  }
});

test('every handler refuses a foreign sender before touching dialogs or disk', async () => {
  const d = deps({ openPath: '/etc/passwd', savePath: '/tmp/x' });
  const handlers = createIpcHandlers(d);
  const foreign: IpcEventLike = { senderFrame: { url: 'https://evil.example/' }, sender: { mainFrame: { url: 'https://evil.example/' } } };
  for (const [channel, args] of [
    [IPC.appInfo, []],
    [IPC.pickFile, ['article']],
    [IPC.pickFiles, ['article']],
    [IPC.pickFolder, ['article']],
    [IPC.saveFile, ['a.json', '{}']],
  ] as const) {
    const reply = await handlers[channel](foreign, args);
    assert.equal(reply.ok, false);
    if (!reply.ok) assert.equal(reply.error.code, 'ipc-sender');
  }
  assert.equal(d.opens.length + d.saves.length, 0);
});

test('bad arguments are refused with the contract message', async () => {
  const d = deps();
  const handlers = createIpcHandlers(d);
  const bad: [keyof typeof handlers, unknown[]][] = [
    [IPC.appInfo, ['extra']],
    [IPC.pickFile, []],
    [IPC.pickFile, ['passwords']],
    [IPC.pickFiles, []],
    [IPC.pickFiles, ['export']],
    [IPC.pickFiles, ['article', 'extra']],
    [IPC.pickFolder, []],
    [IPC.pickFolder, ['import']],
    [IPC.pickFolder, ['article', 'extra']],
    [IPC.pickFolder, [{ kind: 'article' }]],
    [IPC.saveFile, ['a.json']],
    [IPC.saveFile, ['a.json', 42]],
    [IPC.saveFile, ['x'.repeat(300), '{}']],
    // Pieces come as a list of strings, nothing else: not bytes, not numbers, not a wrapped list.
    [IPC.saveFile, ['a.json', ['{', Uint8Array.of(125)]]],
    [IPC.saveFile, ['a.json', ['{', 125]]],
    [IPC.saveFile, ['a.json', [['{}']]]],
    [IPC.saveFile, ['a.json', { pieces: ['{}'] }]],
    [IPC.saveFile, ['a.json', Array.from({ length: MAX_SAVE_PIECES + 1 }, () => '')]],
  ];
  for (const [channel, args] of bad) {
    const reply = await handlers[channel](fromApp, args);
    assert.equal(reply.ok, false, `${channel} ${JSON.stringify(args).slice(0, 40)}`);
    if (!reply.ok) assert.equal(reply.error.code, 'ipc-args');
  }
  assert.equal(d.opens.length + d.saves.length, 0);
});

test('app-info reports the shell and the OS user, and survives a missing user', async () => {
  assert.deepEqual(await createIpcHandlers(deps())[IPC.appInfo](fromApp, []), {
    ok: true,
    value: { name: 'Spanmark', version: '0.1.0', shell: 'electron', userName: 'analyst' },
  });
  const noUser = deps({
    userName: () => {
      throw new Error('ENOENT: no passwd entry');
    },
  });
  assert.deepEqual(await createIpcHandlers(noUser)[IPC.appInfo](fromApp, []), {
    ok: true,
    value: { name: 'Spanmark', version: '0.1.0', shell: 'electron' },
  });
});

test('pick-file: cancel is a null value, not an error', async () => {
  const d = deps({ openPath: null });
  assert.deepEqual(await createIpcHandlers(d)[IPC.pickFile](fromApp, ['export']), { ok: true, value: null });
  assert.deepEqual(d.opens[0]?.filters, FILE_FILTERS.export);
});

test(
  'pick-file returns the base name and the raw bytes',
  withTempDir(async (dir) => {
    const file = join(dir, 'kazakhstan.txt');
    writeFileSync(file, 'Almaty — 7 January\n');
    const d = deps({ openPath: file });
    const reply = await createIpcHandlers(d)[IPC.pickFile](fromApp, ['article']);
    assert.ok(reply.ok && reply.value !== null);
    assert.equal(reply.value.name, 'kazakhstan.txt');
    assert.ok(reply.value.bytes instanceof Uint8Array);
    assert.equal(Buffer.from(reply.value.bytes).toString('utf8'), 'Almaty — 7 January\n');
    assert.deepEqual(d.opens[0]?.filters, [{ name: 'Articles', extensions: ['txt', 'md', 'markdown', 'html', 'htm'] }]);
  }),
);

test('pick-file refuses files over 64 MB without reading them', async () => {
  let reads = 0;
  const fs: FsPort = {
    ...nodeFsPort,
    stat: async () => ({ size: MAX_PICK_BYTES + 1, isFile: () => true }),
    readAtMost: async () => {
      reads += 1;
      return new Uint8Array();
    },
  };
  const reply = await createIpcHandlers(deps({ openPath: '/data/huge.html', fs }))[IPC.pickFile](fromApp, ['article']);
  assert.equal(reply.ok, false);
  if (!reply.ok) {
    assert.equal(reply.error.code, 'file-too-large');
    assert.equal(reply.error.path, 'huge.html');
    assert.match(reply.error.message, /64\.0 MB/);
  }
  assert.equal(reads, 0);
});

test('pick-file catches a file that grew past the limit after stat', async () => {
  const fs: FsPort = {
    ...nodeFsPort,
    stat: async () => ({ size: 10, isFile: () => true }),
    readAtMost: async (_path, max) => new Uint8Array(max + 1),
  };
  const reply = await createIpcHandlers(deps({ openPath: '/data/growing.log', fs }))[IPC.pickFile](fromApp, ['article']);
  assert.equal(reply.ok ? 'ok' : reply.error.code, 'file-too-large');
});

test(
  'the real reader stops one byte past the limit',
  withTempDir(async (dir) => {
    const file = join(dir, 'big.bin');
    writeFileSync(file, new Uint8Array(3 * 1024 * 1024 + 5));
    assert.equal((await nodeFsPort.readAtMost(file, 2 * 1024 * 1024)).byteLength, 2 * 1024 * 1024 + 1);
    assert.equal((await nodeFsPort.readAtMost(file, 4 * 1024 * 1024)).byteLength, 3 * 1024 * 1024 + 5);
  }),
);

test(
  'pick-file turns unreadable files and folders into Results',
  withTempDir(async (dir) => {
    const missing = await createIpcHandlers(deps({ openPath: join(dir, 'gone.txt') }))[IPC.pickFile](fromApp, ['article']);
    assert.equal(missing.ok ? 'ok' : missing.error.code, 'file-unreadable');
    const folder = await createIpcHandlers(deps({ openPath: dir }))[IPC.pickFile](fromApp, ['article']);
    assert.equal(folder.ok ? 'ok' : folder.error.code, 'file-unreadable');
  }),
);

test('save-file proposes the sanitised name in Documents; cancel saves nothing', async () => {
  const d = deps({ savePath: null });
  const reply = await createIpcHandlers(d)[IPC.saveFile](fromApp, ['../../etc/passwd.json', '{}']);
  assert.deepEqual(reply, { ok: true, value: { saved: false } });
  assert.equal(d.saves[0]?.defaultPath, join('/home/analyst/Documents', '-..-etc-passwd.json'));
  assert.deepEqual(d.saves[0]?.filters, FILE_FILTERS.export);
});

test('save-file falls back to the bare name when Documents is unknown', async () => {
  const d = deps({
    documentsDir: () => {
      throw new Error('no documents');
    },
  });
  await createIpcHandlers(d)[IPC.saveFile](fromApp, ['notes.txt', 'x']);
  assert.equal(d.saves[0]?.defaultPath, 'notes.txt');
  assert.deepEqual(d.saves[0]?.filters, []);
});

test(
  'save-file writes atomically and replaces an existing file',
  withTempDir(async (dir) => {
    const target = join(dir, 'library.json');
    writeFileSync(target, 'old');
    const reply = await createIpcHandlers(deps({ savePath: target }))[IPC.saveFile](fromApp, ['library.json', '{"new":true}']);
    assert.deepEqual(reply, { ok: true, value: { saved: true, where: target } });
    assert.equal(readFileSync(target, 'utf8'), '{"new":true}');
    assert.deepEqual(readdirSync(dir), ['library.json']);
  }),
);

test(
  'save-file writes a text sent in pieces back to back, atomically, over an existing file whose mode it keeps',
  { skip: process.platform === 'win32' ? 'POSIX permission bits' : false },
  withTempDir(async (dir) => {
    const target = join(dir, 'report.spanmark.json');
    writeFileSync(target, 'old');
    chmodSync(target, 0o600);
    const text = '{"quote":"Алматы 🇰🇿 e\u0301 قال"}\r\n';
    const pieces = [text.slice(0, 13), '', text.slice(13, 14), text.slice(14)];
    const reply = await createIpcHandlers(deps({ savePath: target }))[IPC.saveFile](fromApp, ['report.spanmark.json', pieces]);
    assert.deepEqual(reply, { ok: true, value: { saved: true, where: target } });
    assert.equal(readFileSync(target, 'utf8'), text);
    assert.equal(statSync(target).mode & 0o7777, 0o600);
    assert.deepEqual(readdirSync(dir), ['report.spanmark.json']);
  }),
);

test(
  'overwriting an export keeps its file mode (600, 640 and 444 stay as they were)',
  { skip: process.platform === 'win32' ? 'POSIX permission bits' : false },
  withTempDir(async (dir) => {
    for (const mode of [0o600, 0o640, 0o444]) {
      const target = join(dir, `private-${mode.toString(8)}.spanmark.json`);
      writeFileSync(target, 'old 🧪');
      chmodSync(target, mode);
      const reply = await createIpcHandlers(deps({ savePath: target }))[IPC.saveFile](fromApp, ['x.json', '{"new":"é\u0301 مرحبا"}']);
      assert.deepEqual(reply, { ok: true, value: { saved: true, where: target } });
      assert.equal(statSync(target).mode & 0o7777, mode, mode.toString(8));
      assert.equal(readFileSync(target, 'utf8'), '{"new":"é\u0301 مرحبا"}');
    }
    assert.equal(
      readdirSync(dir).some((name) => name.endsWith('.tmp')),
      false,
    );
  }),
);

test(
  'a new export gets the default mode of a new file (the umask decides)',
  { skip: process.platform === 'win32' ? 'POSIX permission bits' : false },
  withTempDir(async (dir) => {
    const reference = join(dir, 'reference');
    writeFileSync(reference, '');
    const target = join(dir, 'fresh.json');
    await writeFileAtomically(nodeFsPort, target, '{}', 'fresh');
    assert.equal(statSync(target).mode & 0o7777, statSync(reference).mode & 0o7777);
  }),
);

test(
  'a failed save leaves the old file intact and no temporary file behind',
  withTempDir(async (dir) => {
    const target = join(dir, 'library.json');
    writeFileSync(target, 'old');
    const fs: FsPort = {
      ...nodeFsPort,
      rename: async () => {
        throw new Error('EXDEV: cross-device link not permitted');
      },
    };
    const reply = await createIpcHandlers(deps({ savePath: target, fs }))[IPC.saveFile](fromApp, ['library.json', 'new']);
    assert.equal(reply.ok, false);
    if (!reply.ok) {
      assert.equal(reply.error.code, 'save-failed');
      assert.match(reply.error.message, /library\.json.*EXDEV/);
    }
    assert.equal(readFileSync(target, 'utf8'), 'old');
    assert.deepEqual(readdirSync(dir), ['library.json']);
  }),
);

test(
  'the temporary file sits beside the target and is created exclusively',
  withTempDir(async (dir) => {
    const target = join(dir, 'out.json');
    const stale = join(dir, '.out.json.fixed.tmp');
    writeFileSync(stale, 'someone else');
    await assert.rejects(writeFileAtomically(nodeFsPort, target, 'x', 'fixed'), /EEXIST/);
    await writeFileAtomically(nodeFsPort, target, 'x', 'other');
    assert.equal(readFileSync(target, 'utf8'), 'x');
  }),
);

test('a handler that throws inside returns a Result instead', async () => {
  const d = deps();
  const broken = {
    ...d,
    dialog: {
      ...d.dialog,
      open: async () => {
        throw new Error('dialog crashed');
      },
    },
  };
  const reply = await createIpcHandlers(broken)[IPC.pickFile](fromApp, ['article']);
  assert.equal(reply.ok, false);
  if (!reply.ok) assert.match(reply.error.message, /dialog crashed/);
});

test('dialog results map to a path or null', () => {
  assert.equal(chosenOpenPath({ canceled: true, filePaths: ['/a'] }), null);
  assert.equal(chosenOpenPath({ canceled: false, filePaths: [] }), null);
  assert.equal(chosenOpenPath({ canceled: false, filePaths: ['/a', '/b'] }), '/a');
  assert.equal(chosenSavePath({ canceled: true, filePath: '/a' }), null);
  assert.equal(chosenSavePath({ canceled: false, filePath: '' }), null);
  assert.equal(chosenSavePath({ canceled: false }), null);
  assert.equal(chosenSavePath({ canceled: false, filePath: '/a' }), '/a');
});

test(
  'pick-files: several files, each read whole with its base name; cancel is an empty list',
  withTempDir(async (dir) => {
    writeFileSync(join(dir, 'a.txt'), 'first');
    writeFileSync(join(dir, 'feed.jsonl'), '{"text":"x"}\n');
    const d = deps({ openPaths: [join(dir, 'a.txt'), join(dir, 'feed.jsonl')] });
    const reply = await createIpcHandlers(d)[IPC.pickFiles](fromApp, ['article']);
    assert.ok(reply.ok);
    assert.deepEqual(
      reply.value.map((f) => [f.name, Buffer.from(f.bytes).toString('utf8')]),
      [
        ['a.txt', 'first'],
        ['feed.jsonl', '{"text":"x"}\n'],
      ],
    );
    assert.ok(d.opens[0]?.filters[0]?.extensions.includes('jsonl'));
    assert.deepEqual(await createIpcHandlers(deps({ openPaths: [] }))[IPC.pickFiles](fromApp, ['article']), { ok: true, value: [] });
  }),
);

test(
  'pick-files: a folder, a missing file or too many files refuse the pick with the reason; nothing is half-returned',
  withTempDir(async (dir) => {
    writeFileSync(join(dir, 'a.txt'), 'first');
    const folder = await createIpcHandlers(deps({ openPaths: [join(dir, 'a.txt'), dir] }))[IPC.pickFiles](fromApp, ['article']);
    assert.equal(folder.ok, false);
    if (!folder.ok) assert.match(folder.error.message, /is not a file/);
    const gone = await createIpcHandlers(deps({ openPaths: [join(dir, 'gone.csv')] }))[IPC.pickFiles](fromApp, ['article']);
    assert.equal(gone.ok, false);
    if (!gone.ok) assert.match(gone.error.message, /could not read "gone\.csv"/);
    const many = await createIpcHandlers(deps({ openPaths: Array.from({ length: MAX_PICK_FILES + 1 }, (_, i) => join(dir, `${i}.txt`)) }))[IPC.pickFiles](
      fromApp,
      ['article'],
    );
    assert.equal(many.ok, false);
    if (!many.ok) assert.match(many.error.message, /at most 10000/);
  }),
);

test(
  'pick-files for File › Import: several files with the import filter, which lists every format the registry reads and zip',
  withTempDir(async (dir) => {
    writeFileSync(join(dir, 'story.txt'), 'Tokayev 😀\r\n');
    writeFileSync(join(dir, 'story.ann'), 'T1\tClaim 0 7\tTokayev\n');
    const d = deps({ openPaths: [join(dir, 'story.txt'), join(dir, 'story.ann')] });
    const reply = await createIpcHandlers(d)[IPC.pickFiles](fromApp, ['import']);
    assert.ok(reply.ok);
    assert.deepEqual(
      reply.value.map((f) => f.name),
      ['story.txt', 'story.ann'],
    );
    assert.equal(d.opens[0]?.title, 'Import Files');
    assert.deepEqual(d.opens[0]?.filters, IMPORT_FILTERS);
    const registry = new Set([...FORMATS.flatMap((f) => f.extensions).filter((e) => !e.includes('.')), 'zip']);
    assert.deepEqual(new Set(IMPORT_EXTENSIONS), registry);
  }),
);

test('pick-folder: the contract takes exactly "article" and says so', () => {
  assert.deepEqual(parsePickFolderArgs(['article']), { ok: true, value: ['article'] });
  for (const bad of [[], ['export'], ['article', 'article'], [null], ['ARTICLE']]) {
    assert.deepEqual(parsePickFolderArgs(bad), { ok: false, error: { code: 'ipc-args', message: 'pick-folder takes one argument, "article"' } });
  }
});

test('pick-folder: cancel is picked: false, and nothing is read', async () => {
  const d = deps({ folderPath: null });
  assert.deepEqual(await createIpcHandlers(d)[IPC.pickFolder](fromApp, ['article']), { ok: true, value: { picked: false } });
  assert.equal(d.opens[0]?.title, 'Open Folder of Articles');
});

test(
  'pick-folder: a real folder walked: articles and feeds read under the folder name and their path, the rest skipped with the reason',
  withTempDir(async (dir) => {
    const root = join(dir, 'corpus 🇰🇿');
    mkdirSync(join(root, '2022', 'jan'), { recursive: true });
    mkdirSync(join(root, '.git'));
    mkdirSync(join(dir, 'outside'));
    writeFileSync(join(root, 'b.txt'), 'Second');
    writeFileSync(join(root, 'a.md'), '# First');
    writeFileSync(join(root, '2022', 'jan', 'feed.jsonl'), '{"text":"x"}\n');
    writeFileSync(join(root, '2022', 'الوضع.html'), '<p>RTL</p>');
    writeFileSync(join(root, '.DS_Store'), 'junk');
    writeFileSync(join(root, '.git', 'HEAD.txt'), 'ref');
    writeFileSync(join(root, 'photo.png'), 'png');
    writeFileSync(join(root, 'big.txt'), Buffer.alloc(20 * 1024 * 1024 + 1, 0x61));
    writeFileSync(join(dir, 'outside', 'secret.txt'), 'not yours');
    symlinkSync(join(dir, 'outside', 'secret.txt'), join(root, 'escape.txt'));
    symlinkSync(join(dir, 'outside'), join(root, 'escape-dir'));
    symlinkSync(join(root, 'b.txt'), join(root, 'same.txt'));
    symlinkSync(root, join(root, '2022', 'loop'));
    symlinkSync(join(root, 'nowhere.txt'), join(root, 'broken.txt'));
    const reply = await createIpcHandlers(deps({ folderPath: root }))[IPC.pickFolder](fromApp, ['article']);
    assert.ok(reply.ok, JSON.stringify(reply));
    assert.ok(reply.value.picked);
    assert.equal(reply.value.folder, 'corpus 🇰🇿');
    assert.deepEqual(
      reply.value.files.map((f) => [f.name, Buffer.from(f.bytes).toString('utf8')]),
      [
        ['corpus 🇰🇿/2022/jan/feed.jsonl', '{"text":"x"}\n'],
        ['corpus 🇰🇿/2022/الوضع.html', '<p>RTL</p>'],
        ['corpus 🇰🇿/a.md', '# First'],
        ['corpus 🇰🇿/b.txt', 'Second'],
        // A link to a file inside the folder is read (the import reports it as already there).
        ['corpus 🇰🇿/same.txt', 'Second'],
      ],
    );
    assert.deepEqual(
      reply.value.skipped.map((s) => [s.name, s.reason]),
      [
        ['corpus 🇰🇿/.DS_Store', SKIP_REASONS.hiddenFile],
        ['corpus 🇰🇿/.git', SKIP_REASONS.hiddenFolder],
        ['corpus 🇰🇿/2022/loop', SKIP_REASONS.linkToFolder],
        ['corpus 🇰🇿/big.txt', '20.1 MB, larger than the 20 MB limit for an article'],
        ['corpus 🇰🇿/broken.txt', SKIP_REASONS.brokenLink],
        ['corpus 🇰🇿/escape-dir', SKIP_REASONS.linkOutside],
        ['corpus 🇰🇿/escape.txt', SKIP_REASONS.linkOutside],
        ['corpus 🇰🇿/photo.png', SKIP_REASONS.notArticle],
      ],
    );
  }),
);

test(
  'pick-folder: a folder reached through a link is walked as itself; an empty one and a missing one are refused with the folder named',
  withTempDir(async (dir) => {
    mkdirSync(join(dir, 'real', 'inner'), { recursive: true });
    writeFileSync(join(dir, 'real', 'a.txt'), 'A');
    symlinkSync(join(dir, 'real', 'inner'), join(dir, 'real', 'inner-link'));
    symlinkSync(join(dir, 'real'), join(dir, 'via-link'));
    const reply = await createIpcHandlers(deps({ folderPath: join(dir, 'via-link') }))[IPC.pickFolder](fromApp, ['article']);
    assert.ok(reply.ok && reply.value.picked, JSON.stringify(reply));
    assert.deepEqual(
      reply.value.files.map((f) => f.name),
      ['via-link/a.txt'],
    );
    assert.deepEqual(reply.value.skipped, [{ name: 'via-link/inner-link', reason: SKIP_REASONS.linkToFolder }]);
    mkdirSync(join(dir, 'empty', 'only-folders'), { recursive: true });
    const empty = await createIpcHandlers(deps({ folderPath: join(dir, 'empty') }))[IPC.pickFolder](fromApp, ['article']);
    assert.deepEqual(empty, { ok: false, error: { code: 'folder-empty', message: 'The folder "empty" holds no files.', path: 'empty' } });
    const gone = await createIpcHandlers(deps({ folderPath: join(dir, 'gone') }))[IPC.pickFolder](fromApp, ['article']);
    assert.equal(gone.ok, false);
    if (!gone.ok) assert.match(gone.error.message, /^Spanmark could not read the folder "gone": ENOENT/);
  }),
);

test(
  'pick-folder: a file that grew past the limit or vanished after the walk is reported skipped; the others come',
  withTempDir(async (dir) => {
    writeFileSync(join(dir, 'a.txt'), 'A');
    writeFileSync(join(dir, 'b.txt'), 'B');
    writeFileSync(join(dir, 'c.txt'), 'C');
    const fs: FsPort = {
      ...nodeFsPort,
      readAtMost: async (path, max) => {
        if (path.endsWith('a.txt')) return new Uint8Array(max + 1);
        if (path.endsWith('b.txt')) throw new Error('ENOENT: no such file or directory');
        return nodeFsPort.readAtMost(path, max);
      },
    };
    const reply = await createIpcHandlers(deps({ folderPath: dir, fs }))[IPC.pickFolder](fromApp, ['article']);
    assert.ok(reply.ok && reply.value.picked, JSON.stringify(reply));
    const folder = reply.value.folder;
    assert.deepEqual(
      reply.value.files.map((f) => f.name),
      [`${folder}/c.txt`],
    );
    assert.deepEqual(
      reply.value.skipped.map((s) => s.name),
      [`${folder}/a.txt`, `${folder}/b.txt`],
    );
    assert.match(reply.value.skipped[0]!.reason, /^could not be read: "a\.txt" is 64\.0 MB/);
    assert.match(reply.value.skipped[1]!.reason, /^could not be read: Spanmark could not read "b\.txt": ENOENT/);
  }),
);
