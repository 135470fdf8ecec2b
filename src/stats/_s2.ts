import { binomialUpperTail } from './internal/binomialTail.ts';
import { detectableShift } from './internal/reference.ts';
console.log(binomialUpperTail(50100, 1e6, 0.05)/0.3238060621050417-1, binomialUpperTail(123, 2000, 0.05)/0.012281650199717395-1);
