import { initialiserColours } from './initialiserColours.ts';

/**
 * The vega-lite colour channel shared by Figures 1 and 3: field `initialiser`, in the given display
 * order, each initialiser in its fixed colour (`initialiserColours`), legend symbols drawn opaque
 * whatever the mark's own opacity.
 *
 * @example initialiserColourEncoding(['He-normal']).scale.range // ['#0072b2']
 */
export function initialiserColourEncoding(domain: readonly string[]) {
  return {
    field: 'initialiser',
    type: 'nominal' as const,
    title: 'Initialiser',
    scale: { domain: [...domain], range: initialiserColours(domain) },
    sort: [...domain],
    legend: { symbolOpacity: 1, titleLimit: 400, labelLimit: 400 },
  };
}
