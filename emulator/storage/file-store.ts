import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs'
import { mkdir, readdir, rename, rm, rmdir, stat, unlink } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { type Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Mutex } from '../store/mutex'
import { CosFailure } from './cos-errors'
import { keyProblem } from './object-keys'

export interface StoredFile {
  size: number
  mtimeMs: number
}

const errno = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined

// Objects as plain files: key "a/b.xlsx" is <root>/a/b.xlsx, so the data dir stays browsable and survives
// restarts. An upload is streamed into <tmp>/ and renamed into place only once complete, so a crash or a
// refused upload never leaves a half file under a key. Keys are checked again here (not only by callers)
// because this is the one place that turns them into paths.
export class FileStore {
  // Commits (mkdir + rename) and deletes (unlink + rmdir of emptied folders) touch shared folders:
  // serialised, a delete cannot remove the folder an upload is about to rename into.
  private readonly folders = new Mutex()

  constructor(
    readonly root: string,
    private readonly tmp: string,
    readonly maxUploadBytes: number,
  ) {}

  // Creates the folders and drops uploads a previous run left unfinished.
  async init(): Promise<void> {
    await mkdir(this.root, { recursive: true })
    await rm(this.tmp, { recursive: true, force: true })
    await mkdir(this.tmp, { recursive: true })
  }

  pathOf(key: string): string {
    const problem = keyProblem(key)
    if (problem) throw new CosFailure(400, 'InvalidObjectName', `emulator: ${problem}`)
    const path = join(this.root, ...key.split('/'))
    const rel = relative(this.root, path)
    if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..')
      throw new CosFailure(400, 'InvalidObjectName', 'emulator: the cloudPath leaves the storage folder')
    return path
  }

  async stat(key: string): Promise<StoredFile | undefined> {
    try {
      const s = await stat(this.pathOf(key))
      return s.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : undefined
    } catch (e) {
      if (e instanceof CosFailure || errno(e) === 'ENOENT' || errno(e) === 'ENOTDIR') return undefined
      throw e
    }
  }

  open(key: string): ReadStream {
    return createReadStream(this.pathOf(key))
  }

  // Streams body to disk. Past maxUploadBytes the rest is read and dropped (not written) so the client still
  // receives the XML refusal instead of a reset connection, then EntityTooLarge is thrown.
  async put(key: string, body: Readable): Promise<number> {
    const final = this.pathOf(key)
    const temp = join(this.tmp, `${randomBytes(12).toString('hex')}.part`)
    const limit = this.maxUploadBytes
    let size = 0
    const capped = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length
        done(null, size <= limit ? chunk : undefined)
      },
    })
    try {
      await pipeline(body, capped, createWriteStream(temp, { flags: 'wx', flush: true }))
      if (size > limit)
        throw new CosFailure(
          400,
          'EntityTooLarge',
          `Your proposed upload exceeds the maximum allowed object size (${limit} bytes in this emulator).`,
        )
      await this.folders.run(() => this.commit(temp, final, key))
      return size
    } finally {
      await rm(temp, { force: true })
    }
  }

  private async commit(temp: string, final: string, key: string): Promise<void> {
    try {
      await mkdir(dirname(final), { recursive: true })
      await rename(temp, final)
    } catch (e) {
      const code = errno(e)
      // Keys are flat on COS but nested folders here: "a" and "a/b" cannot both exist.
      if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'EISDIR' || code === 'ENOTEMPTY')
        throw new CosFailure(
          409,
          'KeyConflict',
          `emulator: ${key} clashes with a stored object whose path is a folder or a prefix of it`,
        )
      throw e
    }
  }

  // True when a file was removed; empty folders left behind are removed too.
  async remove(key: string): Promise<boolean> {
    const path = this.pathOf(key)
    return this.folders.run(async () => {
      try {
        if (!(await stat(path)).isFile()) return false
        await unlink(path)
      } catch (e) {
        if (errno(e) === 'ENOENT' || errno(e) === 'ENOTDIR') return false
        throw e
      }
      for (let dir = dirname(path); dir !== this.root && dir.startsWith(this.root + sep); dir = dirname(dir)) {
        try {
          if ((await readdir(dir)).length > 0) break
          await rmdir(dir)
        } catch {
          break
        }
      }
      return true
    })
  }
}
