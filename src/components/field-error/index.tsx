import { Text } from '@tarojs/components'

interface FieldErrorProps {
  /** Nothing is drawn without a message. */
  message: string | null | undefined
  testId?: string
}

/** A form's error, under its field or above its submit button, in the shared .field-error style (app.css). */
export function FieldError({ message, testId }: FieldErrorProps) {
  return message ? (
    <Text className="field-error" data-testid={testId}>
      {message}
    </Text>
  ) : null
}
