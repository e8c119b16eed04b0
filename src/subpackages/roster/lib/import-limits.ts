/**
 * Runtime copies of the import limits the client needs. types/roster-import.ts
 * holds the originals next to their zod schemas; importing it at runtime would
 * put zod into the mini-program, so the values are repeated here and a UI test
 * checks they still match (test/ui/roster-import-lib.test.tsx).
 */

/** ROSTER_IMPORT_LIMITS.maxBytes: the server refuses larger files with ROSTER.IMPORT_TOO_LARGE. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024

/** PREVIEW_ISSUE_LIMIT: at most this many issues travel back in one preview. */
export const PREVIEW_ISSUE_LIMIT = 300

/** File kinds the server reads (.xls and others are refused as ROSTER.IMPORT_UNREADABLE). */
export const IMPORT_EXTENSIONS = ['xlsx', 'csv'] as const

/** How often the import page asks roster.importStatus while an import runs. */
export const IMPORT_POLL_MS = 800
