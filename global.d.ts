/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    TARO_APP_ID?: string
    /** CloudBase environment id (weapp); see README. */
    TARO_APP_CLOUD_ENV?: string
    /** Base URL of the emulator's dev gateway for the H5 build; '' = same origin. */
    TARO_APP_GATEWAY_BASE?: string
    /** 业务域名 registered for web-view, comma-separated hosts; see README. */
    TARO_APP_WEBVIEW_DOMAINS?: string
  }
}

/** Injected by config/index.ts defineConstants. */
declare const CLOUD_ENV: string
declare const DEV_GATEWAY_BASE: string
declare const WEBVIEW_DOMAINS: string

/** Native custom components used from Taro pages (declared in the page's usingComponents). */
declare namespace JSX {
  interface IntrinsicElements {
    'privacy-popup': Record<string, never>
  }
}
