/**
 * How many (input, weights) configurations exact enumeration of a network visits: the input law's
 * atoms times, for every layer, the weight law's atoms to the power of that layer's entry count
 * (fan-in × fan-out) — what the property files bound when they filter generated networks (kept out of src/exact, whose
 * functions the perturbation meta-test perturbs: a perturbed bound would let huge networks through).
 *
 * @param inputAtoms atoms of the input vector's law
 * @param widths the widths, input first: [w₀, w₁, …, w_d]
 * @param weightAtoms atoms of the (i.i.d.) weight law
 * @example enumerationCost(4, [2, 3, 1], 2) // 4 · 2^(2·3) · 2^(3·1) = 2048
 */
export function enumerationCost(inputAtoms: number, widths: readonly number[], weightAtoms: number): number {
  let cost = inputAtoms;
  for (let l = 1; l < widths.length; l++) cost *= weightAtoms ** (widths[l - 1]! * widths[l]!);
  return cost;
}
