// The native menu as data: built by a pure function (electron is imported for types only) so tests
// can check that every MenuCommand is reachable and every accelerator is the documented one.
// Commands go to the renderer, which owns annotation state; clipboard and window use roles. Zoom
// is a renderer command too (root font size, stored in settings), not webContents zoom, so the
// desktop and the browser build zoom the same way and remember it in the same place.

import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../src/platform/platform.js';

export interface MenuTemplateOptions {
  readonly platform: NodeJS.Platform;
  /** Packaged builds have no DevTools item. */
  readonly isPackaged: boolean;
  readonly appName: string;
  readonly send: (command: MenuCommand) => void;
}

/** The accelerator of each command that has one (Electron syntax). */
export const MENU_ACCELERATORS = {
  'open-article': 'CmdOrCtrl+O',
  'open-folder': 'CmdOrCtrl+Shift+O',
  import: 'CmdOrCtrl+I',
  'export-document': 'CmdOrCtrl+E',
  'export-library': 'CmdOrCtrl+Shift+E',
  settings: 'CmdOrCtrl+,',
  undo: 'CmdOrCtrl+Z',
  redo: 'CmdOrCtrl+Shift+Z',
  'zoom-in': 'CmdOrCtrl+Plus',
  'zoom-out': 'CmdOrCtrl+-',
  'zoom-reset': 'CmdOrCtrl+0',
  guidelines: 'F1',
} as const satisfies Partial<Record<MenuCommand, string>>;

const LABELS: Readonly<Record<MenuCommand, string>> = {
  'open-article': 'Open Article…',
  'open-folder': 'Open Folder…',
  'replace-text': 'Replace Text…',
  import: 'Import…',
  'export-document': 'Export Document…',
  'export-library': 'Export Library…',
  'export-all-layers': 'Export Document with All Layers…',
  'export-document-v1': 'Export Document as Version 1 (for Older Tools)…',
  'export-as': 'Export Document as…',
  settings: 'Settings…',
  undo: 'Undo',
  redo: 'Redo',
  delete: 'Delete Annotation',
  library: 'Library',
  facts: 'Facts Table',
  'open-sample': 'Open the Sample Article',
  'zoom-in': 'Zoom In',
  'zoom-out': 'Zoom Out',
  'zoom-reset': 'Actual Size',
  guidelines: 'Labelling Guidelines',
};

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const { platform, isPackaged, appName, send } = options;
  const mac = platform === 'darwin';
  const command = (id: MenuCommand): MenuItemConstructorOptions => {
    const accelerator = (MENU_ACCELERATORS as Partial<Record<MenuCommand, string>>)[id];
    return { id, label: LABELS[id], ...(accelerator === undefined ? {} : { accelerator }), click: () => send(id) };
  };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: appName,
          submenu: [
            { role: 'about' },
            separator,
            command('settings'),
            separator,
            { role: 'services' },
            separator,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            separator,
            { role: 'quit' },
          ],
        },
      ]
    : [];
  const fileEnd: MenuItemConstructorOptions[] = mac ? [separator, { role: 'close' }] : [separator, command('settings'), separator, { role: 'quit' }];

  return [
    ...appMenu,
    {
      label: 'File',
      submenu: [
        command('open-article'),
        command('open-folder'),
        command('replace-text'),
        command('import'),
        separator,
        command('export-document'),
        command('export-all-layers'),
        command('export-document-v1'),
        command('export-as'),
        command('export-library'),
        ...fileEnd,
      ],
    },
    {
      label: 'Edit',
      submenu: [
        command('undo'),
        command('redo'),
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        separator,
        // Shown, not registered: Delete and Backspace must keep working in text fields, so the
        // renderer's own key handling deletes the selected annotation.
        { ...command('delete'), accelerator: 'Delete', registerAccelerator: false },
      ],
    },
    {
      label: 'View',
      submenu: [
        command('library'),
        command('facts'),
        separator,
        { role: 'reload' },
        ...(isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
        separator,
        command('zoom-reset'),
        command('zoom-in'),
        command('zoom-out'),
        separator,
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    // The sample is how a new analyst learns the tool; it stays reachable once the library fills.
    { role: 'help', submenu: [command('guidelines'), command('open-sample'), separator, { role: 'about', label: `About ${appName}` }] },
  ];
}
