import { Fraction } from 'fraction.js';
import { DISTRIBUTION_NAMES } from './distributionNames.ts';
import { laplace } from './laplace.ts';
import { normal } from './normal.ts';
import { rademacher } from './rademacher.ts';
import { studentT } from './studentT.ts';
import { symmetricThreePoint } from './symmetricThreePoint.ts';
import type { SymmetricDistribution } from './types.ts';
import { uniform } from './uniform.ts';

/** The names {@link distributionByName} accepts, for help texts (in a light module of its own). */
export { DISTRIBUTION_NAMES };

/**
 * A symmetric distribution from a command-line name, of unit variance except `three-point:K`
 * (atoms 0 and ±1, so that its atoms stay rational; its variance is 1/K): `normal`, `uniform`,
 * `rademacher` (the authors' "Bernoulli", ±1), `laplace`, `student-t:NU` (ν > 4 so that the fourth
 * moment is finite) or `three-point:K` (0 and ±s with kurtosis K). Case-insensitive.
 *
 * @example distributionByName('student-t:9').kurtosis // 4.2  (= 3 + 6/(ν − 4))
 * @throws Error naming the bad name or parameter.
 */
export function distributionByName(name: string): SymmetricDistribution {
  const text = name.trim().toLowerCase();
  const [family, parameter, ...rest] = text.split(':');
  const needsParameter = (what: string): number => {
    if (parameter === undefined || parameter === '' || rest.length > 0) throw new Error(`distribution '${name}' needs one parameter: ${family}:${what}`);
    const value = Number(parameter);
    if (!Number.isFinite(value)) throw new Error(`distribution '${name}': ${what} must be a finite number, got '${parameter}'`);
    return value;
  };
  const noParameter = (): void => {
    if (parameter !== undefined) throw new Error(`distribution '${name}': ${family} takes no parameter`);
  };
  switch (family) {
    case 'normal':
    case 'gaussian':
      noParameter();
      return normal();
    case 'uniform':
      noParameter();
      return uniform();
    case 'rademacher':
    case 'bernoulli':
      noParameter();
      return rademacher();
    case 'laplace':
      noParameter();
      return laplace();
    case 'student-t':
    case 'studentt':
    case 't':
      return studentT({ nu: needsParameter('NU') });
    case 'three-point':
      return symmetricThreePoint({ kurtosis: needsParameter('K'), scale: new Fraction(1) });
    default:
      throw new Error(`unknown distribution '${name}' (expected ${DISTRIBUTION_NAMES})`);
  }
}
