import { encodeHeaderValue, messageIdFor } from './mime.js';

describe('MIME helpers', () => {
  it('derives a valid, reversible Message-ID from the notification id', () => {
    const id = messageIdFor('participant-UC-SLE-0001:visit:M3:reminder:-7', 'trialflow@site.example');
    expect(id).toBe('<participant-UC-SLE-0001%3Avisit%3AM3%3Areminder%3A-7@site.example>');
    expect(decodeURIComponent(id.slice(1, id.indexOf('@')))).toBe('participant-UC-SLE-0001:visit:M3:reminder:-7');
    expect(messageIdFor('a b@c%d', 'x@y.test')).toBe('<a%20b%40c%25d@y.test>');
    expect(messageIdFor('.a..b.', 'x@y.test')).toBe('<%2Ea.%2Eb%2E@y.test>');
  });

  it('leaves ASCII header values alone and encodes others as RFC 2047 words of at most 75 characters', () => {
    expect(encodeHeaderValue('Month 3 visit')).toBe('Month 3 visit');
    const value = '第3个月随访提醒：请在访视窗口内完成所有评估和样本采集 - UC-SLE-0001';
    const encoded = encodeHeaderValue(value);
    const words = encoded.split('\r\n ');
    expect(words.length).toBeGreaterThan(1);
    for (const word of words) expect(word.length).toBeLessThanOrEqual(75);
    expect(words.map((w) => Buffer.from(w.slice(10, -2), 'base64').toString('utf8')).join('')).toBe(value);
  });
});
