import { describe, expect, it } from '@jest/globals';
import { wilsonInterval } from './wilson-interval.js';

const rounded = (x: number, n: number) => {
  const ci = wilsonInterval(x, n);
  return ci && [Number(ci.lower.toFixed(4)), Number(ci.upper.toFixed(4))];
};

describe('wilsonInterval (95 % Wilson score interval of a proportion)', () => {
  it('matches worked values: 8/10 → 0.490–0.943, 0/5 → 0–0.434, 5/5 → 0.566–1, 1/1 → 0.207–1', () => {
    expect(rounded(8, 10)).toEqual([0.4902, 0.9433]);
    expect(rounded(0, 5)).toEqual([0, 0.4345]);
    expect(rounded(5, 5)).toEqual([0.5655, 1]);
    expect(rounded(1, 1)).toEqual([0.2065, 1]);
  });

  it('matches the score-method column of Newcombe (1998, Stat Med 17:857) for its four examples', () => {
    expect(rounded(81, 263)).toEqual([0.2553, 0.3662]);
    expect(rounded(15, 148)).toEqual([0.0624, 0.1605]);
    expect(rounded(0, 20)).toEqual([0, 0.1611]);
    expect(rounded(1, 29)).toEqual([0.0061, 0.1718]);
  });

  it('is exactly 0 and 1 at the ends and symmetric around a half', () => {
    expect(wilsonInterval(0, 3)?.lower).toBe(0);
    expect(wilsonInterval(3, 3)?.upper).toBe(1);
    const ci = wilsonInterval(1, 2)!;
    expect(ci.lower + ci.upper).toBeCloseTo(1, 12);
  });

  it('has no interval without trials and refuses impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(0.5, 2)).toThrow(RangeError);
  });
});
