import { type Clock, systemClock } from './clock'
import { cloudFiles, type Files } from './files'
import { cloudFunctions, type Functions } from './functions'
import { cloudMessaging, type Messaging } from './messaging'
import { cloudStore, type Store } from './store'

/**
 * Everything a handler or timer reaches outside its own code: the database,
 * cloud storage, the clock, messages to people and other functions. Tests
 * pass their own; deployed functions get the CloudBase ones.
 */
export interface Ports {
  store: Store
  files: Files
  clock: Clock
  messaging: Messaging
  functions: Functions
}

let cloud: Ports | undefined
export function cloudPorts(): Ports {
  cloud ??= {
    store: cloudStore(),
    files: cloudFiles(),
    clock: systemClock,
    messaging: cloudMessaging(),
    functions: cloudFunctions(),
  }
  return cloud
}
