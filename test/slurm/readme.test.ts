import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Issue 15 §6: the README shows the Slurm files the Slurm test runs, not a copy that can drift.
const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
const FILES = ['examples/slurm/fig2.sbatch', 'examples/slurm/submit-fig2.sh'];

/** Whether `markdown` has a fenced code block whose content is exactly `text`. */
function showsVerbatim(markdown: string, text: string): boolean {
  return [...markdown.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)].some((m) => m[1] === text);
}

describe('README Slurm example = examples/slurm/*', () => {
  for (const file of FILES) {
    it(`a README code block is exactly ${file}, named beside it`, () => {
      expect(showsVerbatim(readme, readFileSync(`${root}${file}`, 'utf8'))).toBe(true);
      expect(readme).toContain(`\`${file}\``);
    });
  }

  it('a README whose block differs from the file by one line does not pass', () => {
    const text = readFileSync(`${root}${FILES[0]}`, 'utf8');
    const edited = readme.replace('#SBATCH --array=1-20\n', '#SBATCH --array=1-10\n');
    expect(edited).not.toBe(readme);
    expect(showsVerbatim(edited, text)).toBe(false);
  });
});
