import { webViewHosts } from './material'

/** The hosts this build's web-view may open: the linked 公众号's articles and the 业务域名 it was built with. */
export const WEBVIEW_HOSTS = webViewHosts(typeof WEBVIEW_DOMAINS === 'string' ? WEBVIEW_DOMAINS : '')
