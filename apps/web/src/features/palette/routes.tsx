// What the app uses of the command palette (loaded when it is first opened).
export { CommandPalette, ShortcutsDialog } from './CommandPalette';
