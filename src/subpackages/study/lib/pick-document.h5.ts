import type { PickedFile } from '../../../services/cloud-files'

/** A hidden file input for documents, resolved on choice or cancel. */
export function pickDocument(): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.pdf,.doc,.docx,.ppt,.pptx'
    input.style.display = 'none'
    input.setAttribute('data-testid', 'document-input')
    const done = (picked: PickedFile | null) => {
      input.remove()
      resolve(picked)
    }
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      done(file ? { name: file.name, size: file.size, source: file } : null)
    })
    input.addEventListener('cancel', () => done(null))
    document.body.appendChild(input)
    input.click()
  })
}
