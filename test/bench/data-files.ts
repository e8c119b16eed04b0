/**
 * Writing bench data straight into the emulator's nedb files (one file per
 * collection under <dataDir>/db/, one JSON document per line) before it
 * starts: tens of thousands of documents through the SDK would take minutes.
 */
import { once } from 'node:events'
import { createWriteStream, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_RULES } from '../../cloudfunctions/domain/meetings/rules'
import type { MemberDoc } from '../../types/roster'
import { SUGGESTED_FIELDS, type TemplateUse } from '../../types/subscribe-templates'
import type { TestEmulator } from '../functions/helpers/emulator'
import { BIG_TENANT, seedBigTenant } from './big-tenant'

/** Writes documents as lines, a megabyte at a time; answers how many. */
export async function writeLines(file: string, docs: Iterable<object>): Promise<number> {
  const out = createWriteStream(file)
  let count = 0
  let chunk = ''
  for (const doc of docs) {
    chunk += `${JSON.stringify(doc)}\n`
    count++
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain')
      chunk = ''
    }
  }
  out.end(chunk)
  await once(out, 'finish')
  return count
}

/** Every collection the emulator creates (database/collections.json), so each gets its file. */
export function collectionNames(): string[] {
  const file = join(__dirname, '..', '..', 'database', 'collections.json')
  return Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { collections: Record<string, unknown> }).collections)
}

/** What seedBigTenant would add through the SDK, collected per collection to be written as files. */
export async function bigTenantDocs(): Promise<Map<string, object[]>> {
  const docs = new Map<string, object[]>()
  const collector = {
    db: {
      createCollection: async () => {},
      collection: (name: string) => ({
        add: async ({ data }: { data: object }) => {
          const list = docs.get(name) ?? []
          list.push(data)
          docs.set(name, list)
        },
      }),
    },
  }
  await seedBigTenant(collector as unknown as TestEmulator)
  return docs
}

/**
 * What a timer needs to reach the big tenant's people by subscribe message: every secretary bound but the
 * first branch's (an unbound one is skipped, not failed), `credits` one-time credits of `templateId` for each
 * recipient, and the tenant's rules with the template `use` configured. Entries for a bench's docs map.
 */
export function subscribeReach(
  tenant: Map<string, object[]>,
  opts: { use: TemplateUse; templateId: string; recipients: readonly string[]; credits: number },
): [string, object[]][] {
  const secretaries = (tenant.get('members') as MemberDoc[]).filter((m) => m.committeePosition === 'secretary')
  const bindings = [
    ...(tenant.get('bindings') ?? []),
    ...secretaries
      .filter((s) => s._id !== 'big_b_000_m00')
      .map((s) => ({ _id: `o_bench_${s._id}`, tenantId: BIG_TENANT, memberId: s._id, boundAt: 0 })),
  ]
  const credits = opts.recipients.map((memberId) => ({
    _id: `${memberId}:${opts.templateId}`,
    tenantId: BIG_TENANT,
    memberId,
    templateId: opts.templateId,
    credits: opts.credits,
    updatedAt: 0,
  }))
  const rules = {
    ...DEFAULT_RULES,
    _id: BIG_TENANT,
    templates: {
      ...DEFAULT_RULES.templates,
      [opts.use]: { templateId: opts.templateId, fields: SUGGESTED_FIELDS[opts.use] },
    },
    updatedAt: 0,
  }
  return [
    ['bindings', bindings],
    ['subscribe_credits', credits],
    ['meeting_rules', [rules]],
  ]
}
