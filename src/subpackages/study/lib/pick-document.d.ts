import type { PickedFile } from '../../../services/cloud-files'

/** Lets a publisher choose a study document (PDF, Word, PPT); null when they cancel. */
export declare function pickDocument(): Promise<PickedFile | null>
