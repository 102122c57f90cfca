export { fixTable, type FixChange, type FixNote, type FixOptions, type FixResult } from "./fix-table.js";
export { FIX_KINDS, FIX_NOTES, fixKindText, type FixKind, type FixNoteId } from "./kinds.js";
