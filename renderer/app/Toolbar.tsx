// The toolbar mirrors the native menu, so the browser build has every command too.

import type { MenuCommand } from '../../src/platform/platform.js';
import type { SaveState } from '../store/document-session.js';

interface Props {
  readonly hasDocument: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly save: SaveState;
  readonly annotator: string;
  readonly guidelinesOpen: boolean;
  readonly onMenu: (c: MenuCommand) => void;
}

const mod = navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl+';

export function Toolbar({ hasDocument, canUndo, canRedo, save, guidelinesOpen, onMenu }: Props) {
  const b = (c: MenuCommand, label: string, title: string, disabled = false) => (
    <button type="button" onClick={() => onMenu(c)} title={title} disabled={disabled} data-testid={`cmd-${c}`}>
      {label}
    </button>
  );
  return (
    <nav className="toolbar" aria-label="Commands">
      <span className="brand">Spanmark</span>
      {b('library', 'Library', 'Show the library')}
      {b('facts', 'Facts', 'The facts table: your annotations with their attributes, by label')}
      {b('open-article', 'Open…', `Open an article (${mod}O)`)}
      {b('open-folder', 'Open folder…', `Open every article and feed in a folder (${mod}Shift+O)`)}
      {b('replace-text', 'Replace text…', 'Replace this article’s text with a newer version; annotations follow their words', !hasDocument)}
      {b('import', 'Import…', `Import a Spanmark export (${mod}I)`)}
      {b('export-document', 'Export document…', `Export this document (${mod}E)`, !hasDocument)}
      {b('export-library', 'Export library…', `Export every document (${mod}Shift+E)`)}
      {b('export-document-v1', 'Export v1…', 'Export this document as contract version 1, for older tools (attribute values are left out)', !hasDocument)}
      {b('export-as', 'Export as…', "Export this document in another tool's format (brat, CoNLL, …), with what it cannot carry shown first", !hasDocument)}
      <span className="sep" />
      {b('undo', 'Undo', `Undo (${mod}Z)`, !canUndo)}
      {b('redo', 'Redo', `Redo (${mod}Shift+Z)`, !canRedo)}
      <span className="sep" />
      <button
        type="button"
        onClick={() => onMenu('guidelines')}
        title="Labelling guidelines (F1 or ?)"
        aria-pressed={guidelinesOpen}
        data-testid="cmd-guidelines"
      >
        Guidelines
      </button>
      {b('settings', 'Settings', `Settings (${mod},)`)}
      {b('open-sample', 'Sample', 'Open the sample article (Help › Open the Sample Article in the desktop app)')}
      <span className={`save-status save-${save.status}`} data-testid="save-status" role="status" title={save.status === 'error' ? save.message : undefined}>
        {save.status === 'saved' ? 'All changes saved' : save.status === 'saving' ? 'Saving…' : 'Not saved'}
      </span>
    </nav>
  );
}
