import { describe, expect, it, vi } from 'vitest';
import { createProgress } from './progress.ts';

describe('createProgress (not a terminal)', () => {
  it('a line at every further 10%, and at least every 30 s of a long run', () => {
    let out = '';
    let clock = 0;
    const p = createProgress({ label: 'mc', total: 1000, unit: 'networks', stream: { write: (s: string) => (out += s) }, now: () => clock });
    p.update(50);
    expect(out).toBe('');
    p.update(100);
    expect(out).toBe('mc: 100/1000 networks (10%), 0.0 s\n');
    clock = 29_000;
    p.update(120);
    expect(out.split('\n')).toHaveLength(2);
    clock = 31_000;
    p.update(130);
    expect(out.split('\n')[1]).toBe('mc: 130/1000 networks (13%), 31.0 s');
    p.update(200);
    expect(out.trimEnd().split('\n')).toHaveLength(3);
  });
});

describe('createProgress: the projected time of a long run', () => {
  it('after the first update, when the whole run would take over a minute', () => {
    let out = '';
    let clock = 0;
    const p = createProgress({ label: 'mc', total: 1e6, unit: 'networks', stream: { write: (s: string) => (out += s) }, now: () => clock });
    clock = 2_000;
    p.update(4096);
    expect(out).toBe('mc: the first 4096 networks took 2.0 s; all 1000000 networks need ≈ 8.1 min\n');
    clock = 4_000;
    p.update(8192);
    expect(out.split('\n')).toHaveLength(2);
  });

  it('says nothing for a short run', () => {
    let out = '';
    let clock = 0;
    const p = createProgress({ label: 'mc', total: 10, unit: 'tasks', stream: { write: (s: string) => (out += s) }, now: () => clock });
    clock = 1_000;
    p.update(1);
    expect(out).toBe('mc: 1/10 tasks (10%), 1.0 s\n');
  });
});

describe('createProgress: a heartbeat while nothing finishes', () => {
  it('a "still running" line after each heartbeat without a line, none once done or stopped', () => {
    vi.useFakeTimers();
    try {
      let out = '';
      const lines = () => out.trimEnd().split('\n').filter((l) => l !== '');
      const p = createProgress({ label: 'fig3-w200', total: 82, unit: 'tasks', stream: { write: (s: string) => (out += s) }, heartbeatMs: 60_000 });
      p.update(0);
      vi.advanceTimersByTime(59_000);
      expect(out).toBe('');
      vi.advanceTimersByTime(11_000);
      expect(lines()).toEqual(['fig3-w200: 0/82 tasks (0%), 60.0 s, still running']);
      // A progress line restarts the wait.
      vi.advanceTimersByTime(20_000);
      p.update(9);
      expect(lines().slice(1)).toEqual(['fig3-w200: the first 9 tasks took 90.0 s; all 82 tasks need ≈ 14 min', 'fig3-w200: 9/82 tasks (11%), 90.0 s']);
      vi.advanceTimersByTime(50_000);
      expect(lines()).toHaveLength(3);
      vi.advanceTimersByTime(10_000);
      expect(lines()[3]).toBe('fig3-w200: 9/82 tasks (11%), 150.0 s, still running');
      p.update(82);
      const n = lines().length;
      vi.advanceTimersByTime(300_000);
      expect(lines()).toHaveLength(n);
      p.stop();
      const q = createProgress({ label: 'x', total: 2, unit: 'tasks', stream: { write: (s: string) => (out += s) } });
      q.stop();
      vi.advanceTimersByTime(600_000);
      expect(lines()).toHaveLength(n);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
