import { inflateSync } from 'node:zlib'

/** Tables a PDF text font needs; layout tables (GSUB/GPOS/BASE…) are left out so each document parses less. */
const KEPT = new Set([
  'cmap',
  'glyf',
  'head',
  'hhea',
  'hmtx',
  'loca',
  'maxp',
  'name',
  'OS/2',
  'post',
  'cvt ',
  'fpgm',
  'prep',
])

/**
 * A WOFF 1.0 font as a plain TrueType file, tables inflated once: fontkit
 * otherwise inflates the 1.5 MB glyph table again for every PDF, and parses
 * the layout tables a CJK text run does not need (a record book then costs
 * seconds instead of a fraction of one).
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') return woff
  const flavor = woff.readUInt32BE(4)
  const count = woff.readUInt16BE(12)
  const tables: { tag: string; checksum: number; data: Buffer }[] = []
  for (let i = 0; i < count; i++) {
    const entry = 44 + i * 20
    const tag = woff.toString('latin1', entry, entry + 4)
    if (!KEPT.has(tag)) continue
    const offset = woff.readUInt32BE(entry + 4)
    const compLength = woff.readUInt32BE(entry + 8)
    const origLength = woff.readUInt32BE(entry + 12)
    const raw = woff.subarray(offset, offset + compLength)
    tables.push({
      tag,
      checksum: woff.readUInt32BE(entry + 16),
      data: compLength < origLength ? inflateSync(raw) : Buffer.from(raw),
    })
  }
  tables.sort((a, b) => (a.tag < b.tag ? -1 : 1))
  const power = 2 ** Math.floor(Math.log2(tables.length))
  const header = Buffer.alloc(12 + tables.length * 16)
  header.writeUInt32BE(flavor, 0)
  header.writeUInt16BE(tables.length, 4)
  header.writeUInt16BE(power * 16, 6)
  header.writeUInt16BE(Math.log2(power), 8)
  header.writeUInt16BE(tables.length * 16 - power * 16, 10)
  let offset = header.length
  const bodies: Buffer[] = []
  tables.forEach((table, index) => {
    const at = 12 + index * 16
    header.write(table.tag, at, 'latin1')
    header.writeUInt32BE(table.checksum, at + 4)
    header.writeUInt32BE(offset, at + 8)
    header.writeUInt32BE(table.data.length, at + 12)
    const padded = Buffer.alloc((table.data.length + 3) & ~3)
    table.data.copy(padded)
    bodies.push(padded)
    offset += padded.length
  })
  return Buffer.concat([header, ...bodies])
}
