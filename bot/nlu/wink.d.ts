declare module 'wink-naive-bayes-text-classifier' {
  type Odds = Array<[string, number]>
  interface NaiveBayes {
    defineConfig(cfg: { considerOnlyPresence?: boolean; smoothingFactor?: number }): boolean
    definePrepTasks(tasks: Array<(input: unknown) => unknown>): number
    learn(tokens: string[], label: string): boolean
    consolidate(): boolean
    computeOdds(tokens: string[]): Odds
    predict(tokens: string[]): string
    stats(): { labelWiseSamples: Record<string, number>; vocabulary: number }
    exportJSON(): string
    importJSON(json: string): boolean
  }
  const create: () => NaiveBayes
  export default create
}
