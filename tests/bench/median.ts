/** The middle value (the upper one of an even count): what the benchmarks report over noisy rounds. */
export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
