/** True when the given module is the script node was started with (`tsx scripts/x.ts`). */
export function isMain(module: unknown): boolean {
  return (require as unknown as { main?: unknown }).main === module
}
