import type { StatementSpec } from '../src/verify/types.ts';
import { lemma1 } from './lemma-1.prop.ts';
import { lemma2 } from './lemma-2.prop.ts';
import { lemma3 } from './lemma-3.prop.ts';
import { lemma4 } from './lemma-4.prop.ts';
import { lemma5 } from './lemma-5.prop.ts';
import { lemma6 } from './lemma-6.prop.ts';
import { proposition1 } from './proposition-1.prop.ts';
import { proposition2 } from './proposition-2.prop.ts';
import { proposition3 } from './proposition-3.prop.ts';
import { section5 } from './section-5.prop.ts';
import { theorem1 } from './theorem-1.prop.ts';
import { inputStatisticsStatement } from './input-statistics.prop.ts';
import { section5Applied } from './section-5-applied.prop.ts';
import { section5Figure2 } from './section-5-figure-2.prop.ts';
import { section7Linear } from './section-7-linear.prop.ts';
import { section7Residual } from './section-7-residual.prop.ts';
import { section7Conv } from './section-7-conv.prop.ts';
import { section7Bounded } from './section-7-bounded.prop.ts';
import { section6Hypothesis } from './section-6-hypothesis.prop.ts';

/** Every formal statement of the paper, in the paper's order. */
export const allStatements: readonly StatementSpec[] = [
  proposition1,
  proposition2,
  lemma1,
  lemma2,
  proposition3,
  lemma3,
  lemma4,
  lemma5,
  theorem1,
  section5,
  lemma6,
  inputStatisticsStatement,
  section5Applied,
  section5Figure2,
  section6Hypothesis,
  section7Linear,
  section7Residual,
  section7Conv,
  section7Bounded,
];
