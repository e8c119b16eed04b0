/** What the publish form holds while the secretary writes; turned into study.publishTask's input on submit. */
export interface PublishDraft {
  title: string
  text: string
  link: string
  videoLink: string
  document: { name: string; fileID: string } | null
  startsOn: string
  dueOn: string
  collectiveDay: boolean
  minNoteLength: string
  /** 阅读时长: minutes with the material before a check-in counts; '0' = not asked. */
  minReadMinutes: string
  /** null: every branch the publisher reaches (a secretary's own; the whole tenant for bureau staff). */
  branchIds: string[] | null
}

/** The fields INPUT.INVALID issues are shown beside (zod paths of publishTask's input). */
export const PUBLISH_FIELDS = [
  'title',
  'content.text',
  'content.link',
  'content.videoLink',
  'startsOn',
  'dueOn',
  'minNoteLength',
  'minReadMinutes',
  'branchIds',
] as const

export function emptyDraft(today: string, dueOn: string): PublishDraft {
  return {
    title: '',
    text: '',
    link: '',
    videoLink: '',
    document: null,
    startsOn: today,
    dueOn,
    collectiveDay: false,
    minNoteLength: '15',
    minReadMinutes: '0',
    branchIds: null,
  }
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim())

/** A number field as typed: '' is 0, anything unreadable -1 (the contract then refuses it beside the field). */
const wholeNumber = (typed: string) => {
  if (typed.trim() === '') return 0
  const value = Number.parseInt(typed, 10)
  return Number.isFinite(value) ? value : -1
}

export function publishInput(draft: PublishDraft) {
  const min = Number.parseInt(draft.minNoteLength, 10)
  return {
    title: draft.title,
    content: {
      text: draft.text,
      link: orNull(draft.link),
      videoLink: orNull(draft.videoLink),
      fileID: draft.document?.fileID ?? null,
      fileName: draft.document?.name.slice(0, 100) ?? null,
    },
    startsOn: draft.startsOn,
    dueOn: draft.dueOn,
    branchIds: draft.branchIds,
    memberIds: null,
    collectiveDay: draft.collectiveDay,
    minNoteLength: Number.isFinite(min) ? min : -1,
    minReadMinutes: wholeNumber(draft.minReadMinutes),
  }
}
