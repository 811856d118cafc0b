import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMANDS, type MenuCommand } from '../../../src/platform/platform.js';
import { buildMenuTemplate, MENU_ACCELERATORS } from '../../../main/app/menu-template.js';

function items(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function build(platform: NodeJS.Platform, isPackaged = false): { template: MenuItemConstructorOptions[]; sent: MenuCommand[] } {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate({ platform, isPackaged, appName: 'Spanmark', send: (command) => sent.push(command) });
  return { template, sent };
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as unknown as () => void)();
}

for (const platform of ['linux', 'win32', 'darwin'] as const) {
  test(`${platform}: every menu command is reachable exactly once and sends itself`, () => {
    const { template, sent } = build(platform);
    const commandItems = items(template).filter((item) => item.click !== undefined);
    for (const item of commandItems) click(item);
    assert.deepEqual([...sent].sort(), [...MENU_COMMANDS].sort());
    assert.deepEqual(
      commandItems.map((item) => item.id),
      sent,
    );
  });

  test(`${platform}: accelerators are the documented ones`, () => {
    const byId = new Map(
      items(build(platform).template)
        .filter((i) => i.id !== undefined)
        .map((i) => [i.id, i]),
    );
    assert.deepEqual(MENU_ACCELERATORS, {
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
    });
    for (const [id, accelerator] of Object.entries(MENU_ACCELERATORS)) assert.equal(byId.get(id)?.accelerator, accelerator, id);
    assert.equal(byId.get('delete')?.registerAccelerator, false);
    assert.equal(byId.get('library')?.accelerator, undefined);
  });

  test(`${platform}: clipboard and quit use native roles, zoom is the renderer's; no accelerator is used twice`, () => {
    const all = items(build(platform).template);
    const roles = new Set(all.map((item) => item.role).filter((role) => role !== undefined));
    for (const role of ['cut', 'copy', 'paste', 'selectAll', 'reload', 'quit', 'about', 'windowMenu'] as const) {
      assert.ok(roles.has(role), role);
    }
    // webContents zoom would differ from the browser build and not be stored with the settings.
    for (const role of ['resetZoom', 'zoomIn', 'zoomOut'] as const) assert.ok(!roles.has(role), role);
    const accelerators = all.map((item) => item.accelerator).filter((a) => a !== undefined);
    assert.equal(new Set(accelerators).size, accelerators.length);
  });
}

test('Help › Open the Sample Article sends open-sample on every platform', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    const { template, sent } = build(platform);
    const help = template.find((item) => item.role === 'help');
    const item = (help?.submenu as MenuItemConstructorOptions[] | undefined)?.find((i) => i.id === 'open-sample');
    assert.equal(item?.label, 'Open the Sample Article', platform);
    click(item);
    assert.deepEqual(sent, ['open-sample']);
  }
});

test('DevTools are offered only when not packaged', () => {
  const roles = (isPackaged: boolean) => items(build('linux', isPackaged).template).map((item) => item.role);
  assert.ok(roles(false).includes('toggleDevTools'));
  assert.ok(!roles(true).includes('toggleDevTools'));
});

test('top-level menus follow platform conventions', () => {
  const labels = (platform: NodeJS.Platform) => build(platform).template.map((item) => item.label ?? item.role);
  assert.deepEqual(labels('linux'), ['File', 'Edit', 'View', 'windowMenu', 'help']);
  assert.deepEqual(labels('darwin'), ['Spanmark', 'File', 'Edit', 'View', 'windowMenu', 'help']);
  const fileItems = (platform: NodeJS.Platform) => build(platform).template.find((m) => m.label === 'File')?.submenu as MenuItemConstructorOptions[];
  assert.ok(fileItems('linux').some((item) => item.role === 'quit'));
  assert.ok(fileItems('linux').some((item) => item.id === 'settings'));
  assert.ok(!fileItems('darwin').some((item) => item.role === 'quit' || item.id === 'settings'));
});
