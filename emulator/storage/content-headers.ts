import { extname } from 'node:path'

// What GET /cos/<key> answers as content-type, by extension (COS stores the uploader's type; the SDK sends
// none, so real downloads fall back to a guess as well). Spreadsheets, PDFs and CSVs are downloads, not pages.
const TYPES: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xls': 'application/vnd.ms-excel',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.zip': 'application/zip',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.mp4': 'video/mp4',
  '.mp3': 'audio/mpeg',
}
const ATTACHMENTS = new Set(['.xlsx', '.xls', '.csv', '.pdf', '.docx', '.zip'])

export function contentHeadersFor(key: string): Record<string, string> {
  const ext = extname(key).toLowerCase()
  const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream' }
  if (ATTACHMENTS.has(ext)) {
    const name = key.slice(key.lastIndexOf('/') + 1)
    // filename= must be ASCII; filename* carries the real (often Chinese) name for browsers that read it.
    const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_')
    headers['content-disposition'] = `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
  }
  return headers
}
