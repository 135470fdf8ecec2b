import { describe, expect, it } from 'vitest';
import { hexToRgb } from './testRaster.ts';
import { INITIALISER_COLOURS, initialiserColours, SPARE_COLOURS } from './initialiserColours.ts';

/** WCAG 2 relative luminance of an sRGB colour. */
const luminance = (hex: string) => {
  const [r, g, b] = hexToRgb(hex).map((c) => {
    const x = c / 255;
    return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrastOnWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

/** Linear RGB of a colour as seen with a full dichromacy (Machado, Oliveira & Fernandes 2009, severity 1). */
const MACHADO: Record<string, number[][]> = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
  none: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
};
const lab = (hex: string, m: number[][]) => {
  const lin = hexToRgb(hex).map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
  const [r, g, b] = m.map((row) => Math.min(1, Math.max(0, row[0]! * lin[0]! + row[1]! * lin[1]! + row[2]! * lin[2]!)));
  const X = (0.4124 * r! + 0.3576 * g! + 0.1805 * b!) / 0.95047;
  const Y = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  const Z = (0.0193 * r! + 0.1192 * g! + 0.9505 * b!) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
};
const deltaE = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

/** The smallest CIE76 ΔE between two colours of `names`, over normal vision and the three dichromacies. */
const worstSeparation = (names: string[]) => {
  const colours = initialiserColours(names);
  let worst = Infinity;
  for (const m of Object.values(MACHADO)) {
    for (let i = 0; i < colours.length; i += 1) for (let j = i + 1; j < colours.length; j += 1) worst = Math.min(worst, deltaE(lab(colours[i]!, m), lab(colours[j]!, m)));
  }
  return worst;
};

describe('initialiserColours', () => {
  it('gives every colour a contrast of at least 3 : 1 on white (the old He-Bernoulli yellow had 1.6)', () => {
    for (const hex of [...Object.values(INITIALISER_COLOURS), ...SPARE_COLOURS]) expect(contrastOnWhite(hex), hex).toBeGreaterThanOrEqual(3);
    expect(contrastOnWhite('#eeca3b')).toBeLessThan(2); // the check has teeth
  });

  it('keeps the colours of one figure apart under protanopia, deuteranopia and tritanopia (ΔE ≥ 12)', () => {
    expect(worstSeparation(['He-Bernoulli', 'He-uniform', 'He-normal'])).toBeGreaterThanOrEqual(12);
    expect(worstSeparation(['He-normal', 'Glorot-normal', 'orthogonal', 'GSM', 'MetaInit', 'ZerO'])).toBeGreaterThanOrEqual(12);
    // Teeth: red against green of equal lightness collapses under deuteranopia.
    const redGreen = ['#d55e00', '#6f8f00'];
    const collapsed = Math.min(...['deuteranopia', 'protanopia'].map((k) => deltaE(lab(redGreen[0]!, MACHADO[k]!), lab(redGreen[1]!, MACHADO[k]!))));
    expect(collapsed).toBeLessThan(12);
  });

  it('hands out fixed colours to known names and spare colours in turn to others', () => {
    expect(initialiserColours(['He-normal', 'ZerO', 'mine', 'yours'])).toEqual(['#0072b2', '#000000', SPARE_COLOURS[0], SPARE_COLOURS[1]]);
    expect(new Set(Object.values(INITIALISER_COLOURS)).size).toBe(Object.keys(INITIALISER_COLOURS).length);
  });
});
