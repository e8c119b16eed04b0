/**
 * Generates docs/api.md from the contracts in types/api.ts: every action, who
 * may call it, its input and output as JSON Schema, and its error codes.
 * `--check` fails when the committed catalogue is stale (run in npm test).
 */

import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ActionContract } from '../types/action'
import { api } from '../types/api'
import { ROLE_LABELS } from '../types/labels'
import * as z from '../types/zod'
import { isMain } from './is-main'

/** Codes the router itself may answer for any action, before or around its handler. */
const ROUTER_ERRORS = ['INPUT.UNKNOWN_ACTION', 'AUTH.NOT_BOUND', 'AUTH.FORBIDDEN', 'INPUT.INVALID', 'SYSTEM.INTERNAL']

const target = join(__dirname, '..', 'docs', 'api.md')

function schemaBlock(schema: z.ZodType, io: 'input' | 'output'): string {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' })
  delete (json as { $schema?: string }).$schema
  return `\`\`\`json\n${JSON.stringify(json, null, 2)}\n\`\`\``
}

function describe(fn: string, action: string, contract: ActionContract): string {
  const server = contract.roles === 'server'
  const roles =
    contract.roles === 'anyone'
      ? 'anyone, including WeChat users not yet bound to a member'
      : contract.roles === 'server'
        ? `server only: another cloud function through \`cloud.callFunction\` (SOURCE ends in \`scf\`), never the mini-program. ${contract.serverOnly ?? ''}`
        : contract.roles.map((role) => `\`${role}\` (${ROLE_LABELS[role]})`).join(', ')
  const routerErrors = server ? ROUTER_ERRORS.filter((code) => code !== 'AUTH.NOT_BOUND') : ROUTER_ERRORS
  const errors = [...routerErrors, ...contract.errors].map((code) => `\`${code}\``).join(', ')
  return [
    `### \`${fn}.${action}\``,
    '',
    contract.summary,
    '',
    server
      ? `- Call: \`functions.call('${fn}', '${action}', input)\` from a function (cloudfunctions/runtime/functions.ts)`
      : `- Call: \`call('${fn}', '${action}', input)\``,
    `- Roles: ${roles}`,
    `- Errors: ${errors}`,
    '',
    'Input:',
    '',
    schemaBlock(contract.input, 'input'),
    '',
    'Output (`data` of `{ok: true, data}`):',
    '',
    schemaBlock(contract.output, 'output'),
    '',
  ].join('\n')
}

export function renderCatalogue(): string {
  const parts = [
    '# API catalogue',
    '',
    'Generated from `types/` by `npm run api`; `npm test` fails when it is stale. Every call is',
    '`{action, data}` to the named cloud function and answers `{ok: true, data}` or',
    '`{ok: false, error: {code, message, details?}}`.',
    '',
  ]
  for (const [fn, actions] of Object.entries(api)) {
    parts.push(`## Function \`${fn}\``, '')
    for (const [action, contract] of Object.entries(actions as Record<string, ActionContract>)) {
      parts.push(describe(fn, action, contract))
    }
  }
  return parts.join('\n')
}

if (isMain(module)) {
  const fresh = renderCatalogue()
  if (process.argv.includes('--check')) {
    const current = readFileSync(target, 'utf8')
    if (current !== fresh) {
      console.error('docs/api.md is stale: run `npm run api` and commit it.')
      process.exit(1)
    }
    console.log('docs/api.md is current.')
  } else {
    writeFileSync(target, fresh)
    console.log(`wrote ${target}`)
  }
}
