/**
 * Writes the demo bureau into a running emulator through the real
 * wx-server-sdk, as an administrator's script would against CloudBase.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import collectionsFile from '../../database/collections.json'
import { demoBureau } from './demo-bureau'
import { DEMO_PARTS, type SeedBatch, type SeedOptions } from './demo-parts'
import { DEMO_FILES } from './demo-study'

/** Where the SDK should talk: the emulator's `sdkEnv`. Set before the SDK loads. */
export async function seedDemo(
  sdkEnv: Record<string, string>,
  now: number,
  options: SeedOptions = { history: true },
): Promise<{ documents: number }> {
  Object.assign(process.env, sdkEnv)
  const { sdk } = await import('../../cloudfunctions/runtime/cloud')
  const db = sdk().database()
  await createCollections(db, [...Object.keys(collectionsFile.collections), 'dev_personas'])

  const existing = (await db.collection('tenants').where({}).count()) as { total: number }
  if (existing.total > 0) return { documents: 0 }

  const bureau = demoBureau(now)
  const batches: SeedBatch[] = [
    ['tenants', bureau.tenants],
    ['orgs', bureau.orgs],
    ['members', bureau.members],
    ['bindings', bureau.bindings],
    ['dev_personas', bureau.personas],
  ]
  for (const part of DEMO_PARTS) batches.push(...part(bureau, now, options))
  let documents = 0
  for (const [collection, docs] of batches) {
    // One insert carries up to 500 documents (the SDK's add takes an array): a year is ~20,000 of them.
    for (let i = 0; i < docs.length; i += 500) {
      await db.collection(collection).add({ data: docs.slice(i, i + 500) })
    }
    documents += docs.length
  }
  for (const file of DEMO_FILES) {
    const { fileID } = (await sdk().uploadFile({
      cloudPath: file.cloudPath,
      fileContent: readFileSync(join(__dirname, 'assets', file.asset)),
    })) as { fileID: string }
    await db
      .collection(file.collection)
      .doc(file.id)
      .update({ data: { [file.field]: fileID } })
  }
  return { documents }
}

interface CollectionCreator {
  createCollection(name: string): Promise<unknown>
}

async function createCollections(db: CollectionCreator, names: string[]): Promise<void> {
  for (const name of names) {
    try {
      await db.createCollection(name)
    } catch (error) {
      if (!String((error as { code?: string }).code ?? error).includes('ALREADY_EXIST')) throw error
    }
  }
}
