import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { ErrorState, LoadingState } from '../../../../components/page-state'
import { MESSAGE_LOG_PAGE, MINE_PAGE } from '../../../../lib/routes'
import { readDevOpenid, writeDevOpenid } from '../../../../services/dev-identity'
import { fetchPersonas, groupPersonas, isNewWeChatUser, newWeChatUserOpenid, type Persona } from '../../personas'
import './index.css'
import { Page } from '../../../../components/page'

type Load = { state: 'loading' } | { state: 'ok'; personas: Persona[] } | { state: 'error' }

/**
 * Dev-only (H5 build): choose whose WeChat the emulator's gateway pretends the
 * caller is. Relaunching drops every page's data from the previous identity.
 */
export default function PersonaPage() {
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [current] = useState(readDevOpenid)

  const reload = useCallback(() => {
    setLoad({ state: 'loading' })
    fetchPersonas().then((personas) => setLoad(personas ? { state: 'ok', personas } : { state: 'error' }))
  }, [])
  useEffect(reload, [reload])

  const choose = (openid: string | null) => {
    writeDevOpenid(openid)
    Taro.reLaunch({ url: MINE_PAGE })
  }

  return (
    <Page>
      <View className="persona-notice">
        <Text>开发环境：选择一个测试身份，本机模拟器将以该身份调用云函数。</Text>
      </View>
      {load.state === 'loading' ? <LoadingState /> : null}
      {load.state === 'error' ? (
        <ErrorState message="无法获取测试身份，请确认本地模拟器已启动" onRetry={reload} />
      ) : null}
      {load.state === 'ok'
        ? groupPersonas(load.personas).map((group) => (
            <View key={group.key} className="persona-group" data-testid={`persona-group-${group.key}`}>
              <Text className="persona-group__title">{group.title}</Text>
              <View className="card persona-list">
                {group.personas.map((persona) => (
                  <View
                    key={persona.openid}
                    className={`persona divided${persona.openid === current ? ' persona--current' : ''}`}
                    data-testid="persona"
                    data-openid={persona.openid}
                    onClick={() => choose(persona.openid)}
                  >
                    <View className="persona__main">
                      <Text className="persona__name">{persona.name}</Text>
                      <Text className="muted">{[persona.label, persona.branchName].filter(Boolean).join(' · ')}</Text>
                    </View>
                    {persona.openid === current ? <Text className="tag">当前</Text> : null}
                  </View>
                ))}
                {group.key === 'unbound' ? (
                  <View
                    className={`persona divided${isNewWeChatUser(current) ? ' persona--current' : ''}`}
                    data-testid="persona-new-wechat-user"
                    onClick={() => choose(newWeChatUserOpenid())}
                  >
                    <View className="persona__main">
                      <Text className="persona__name">新的微信用户</Text>
                      <Text className="muted">每次点击都是一个从未使用过的微信，用于打开绑定邀请</Text>
                    </View>
                    {isNewWeChatUser(current) ? <Text className="tag">当前</Text> : null}
                  </View>
                ) : null}
              </View>
            </View>
          ))
        : null}
      <Button
        className="btn btn--ghost persona-exit"
        data-testid="persona-message-log"
        onClick={() => Taro.navigateTo({ url: MESSAGE_LOG_PAGE })}
      >
        消息记录（订阅消息、群消息、会议卡片）
      </Button>
      <Button className="btn btn--ghost persona-exit" data-testid="persona-exit" onClick={() => choose(null)}>
        退出测试身份
      </Button>
    </Page>
  )
}
