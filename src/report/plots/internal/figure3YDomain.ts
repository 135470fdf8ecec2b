/** Chance accuracy on CIFAR-10's ten balanced classes, drawn as a reference line. */
export const FIGURE3_CHANCE = 0.1;

/**
 * The y range of Figure 3: the data's range (chance 0.1 included) padded by 0.02 and widened to
 * multiples of 0.05, inside [0, 1]; so accuracies in 0.1–0.4 fill the plot instead of a third of
 * a fixed 0–1 axis.
 *
 * @example figure3YDomain([{ min: 0.12, max: 0.39 }]); // [0.05, 0.45]
 */
export function figure3YDomain(rows: readonly { min: number; max: number }[]): [number, number] {
  const lo = Math.min(FIGURE3_CHANCE, ...rows.map((r) => r.min)) - 0.02;
  const hi = Math.max(FIGURE3_CHANCE, ...rows.map((r) => r.max)) + 0.02;
  const round = (x: number) => Math.round(x * 1e9) / 1e9;
  return [Math.max(0, round(Math.floor(round(lo / 0.05)) * 0.05)), Math.min(1, round(Math.ceil(round(hi / 0.05)) * 0.05))];
}
