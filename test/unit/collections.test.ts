import { COLLECTIONS } from '../../cloudfunctions/runtime/collections'
import collectionsFile from '../../database/collections.json'
import securityRules from '../../database/security-rules.json'
import storageRules from '../../database/storage-rules.json'
import type { MemberDoc, OrgDoc } from '../../types/roster'
import { memberDoc } from '../fixtures/member-doc'
import { memoryStore } from './memory-store'

describe('the collection registry', () => {
  it('names exactly the collections database/collections.json creates, each once', () => {
    const registered = Object.values(COLLECTIONS)
    expect(new Set(registered).size).toBe(registered.length)
    expect([...registered].sort()).toEqual(Object.keys(collectionsFile.collections).sort())
  })

  it('uses names CloudBase accepts (letters, digits and underscores)', () => {
    for (const name of Object.values(COLLECTIONS)) expect(name).toMatch(/^[a-z][a-z0-9_]{1,31}$/)
  })

  it('types what the store answers by the collection, and takes no bare name (tsc checks the two lines marked)', async () => {
    const store = memoryStore({ members: [memberDoc({ _id: 'm1', tenantId: 't1', name: '王建国', branchId: 'b1' })] })
    const member: MemberDoc | null = await store.get(COLLECTIONS.members, 'm1')
    expect(member?.name).toBe('王建国')
    // @ts-expect-error a member is not an org: the registry types each collection's documents
    const org: OrgDoc | null = await store.get(COLLECTIONS.members, 'm1')
    // @ts-expect-error collections are named through the registry, never by a bare string
    expect(await store.get('members', 'm1')).toEqual(org)
  })
})

describe('the deployed rules', () => {
  it('deny every client read and write of the database: everything goes through functions', () => {
    expect(securityRules).toEqual({ read: false, write: false })
  })

  it('let the client read no file and write only its own uploads, into the folders the app uploads to', () => {
    expect(storageRules.read).toBe(false)
    expect(storageRules.write).toContain('resource.openid == auth.openid')
    for (const folder of ['imports', 'points', 'study', 'meetings']) expect(storageRules.write).toContain(folder)
    expect(storageRules.write).not.toMatch(/exports|invitations|templates/)
  })
})
