import { sdk } from './cloud'

/** One subscribe message (订阅消息) as the platform takes it: fields already fitted to their kinds. */
export interface SubscribeMessage {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
}

/**
 * The messaging port: what leaves the server to reach people — subscribe
 * messages, the updatable share card (动态消息) and WeCom group robots
 * (企业微信群机器人). Handlers and the shared messaging services see the
 * platform only through this, so its result shapes stay here.
 */
export interface Messaging {
  /** Sends one subscribe message; fails with the platform's errMsg (e.g. 43101: the member withdrew it). */
  subscribe(message: SubscribeMessage): Promise<void>
  /** A new activity for a share card, for the member who shares it; WeChat keeps it 24 h. */
  createActivity(openid: string): Promise<{ activityId: string; expiresAt: number }>
  /** Sets the live figures a shared card shows. */
  updateActivity(activityId: string, parameters: { name: string; value: string }[]): Promise<void>
  /** Posts markdown to a robot webhook: null when accepted, else what went wrong. */
  postRobot(url: string, markdown: string): Promise<string | null>
}

export function cloudMessaging(): Messaging {
  return {
    async subscribe(message) {
      await sdk().openapi.subscribeMessage.send({ ...message, miniprogramState: 'formal' })
    },
    async createActivity(openid) {
      const res = (await sdk().openapi.updatableMessage.createActivityId({ openid })) as {
        activityId: string
        expirationTime: number
      }
      return { activityId: res.activityId, expiresAt: res.expirationTime * 1000 }
    },
    async updateActivity(activityId, parameterList) {
      await sdk().openapi.updatableMessage.setUpdatableMsg({
        activityId,
        targetState: 0,
        templateInfo: { parameterList },
      })
    },
    postRobot,
  }
}

async function postRobot(url: string, markdown: string): Promise<string | null> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ msgtype: 'markdown', markdown: { content: markdown } }),
      signal: AbortSignal.timeout(5000),
    })
    if (!res.ok) return `HTTP ${res.status}`
    const body = (await res.json()) as { errcode?: number; errmsg?: string }
    return body.errcode === 0 ? null : `errcode ${body.errcode}: ${body.errmsg ?? ''}`
  } catch (error) {
    // fetch says only "fetch failed"; the secretary acts on the cause (an unknown host, a refused connection).
    const cause = (error as { cause?: unknown }).cause
    return String(cause instanceof Error ? cause.message : error).slice(0, 200)
  }
}
