import { Button, Text, View, WebView } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Notice } from '../../../../components/notice'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { linkOpensInApp } from '../../lib/material'
import { WEBVIEW_HOSTS } from '../../lib/webview-hosts'
import '../../components/study.css'

/**
 * 阅读文章: a task's 公众号 article (or a page on the registered 业务域名) in
 * the mini-program's web-view. The link is the task's own, from the server,
 * which also starts the member's reading time; a link the web-view may not
 * open is offered for copying instead, with why.
 */
export default function ArticlePage() {
  const taskId = useRouter().params.taskId ?? ''
  const opened = useAction('study', 'openMaterial', { taskId, material: 'article' })
  return (
    <Page>
      <PageState query={opened}>
        {({ url }) =>
          linkOpensInApp(url, WEBVIEW_HOSTS) ? (
            <WebView src={url} />
          ) : (
            <View data-testid="article-not-allowed">
              <Notice text="这篇文章不是本小程序关联公众号的文章，也不在小程序的业务域名内，微信不允许在小程序中打开。请复制链接，在浏览器中阅读。" />
              <View className="card">
                <Text className="study-text study-link" selectable>
                  {url}
                </Text>
                <Button className="btn btn--primary" onClick={() => Taro.setClipboardData({ data: url })}>
                  复制链接
                </Button>
              </View>
            </View>
          )
        }
      </PageState>
    </Page>
  )
}
