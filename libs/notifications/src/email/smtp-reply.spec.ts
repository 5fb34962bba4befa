import { SmtpProtocolError, SmtpReplyParser } from './smtp-reply.js';

describe('SMTP reply parsing', () => {
  it('reads single-line and multi-line replies, whatever the chunking', () => {
    const wire = '220 ready\r\n250-mail.test greets you\r\n250-8BITMIME\r\n250 SIZE 1000\r\n354 go ahead\r\n';
    const whole = new SmtpReplyParser().push(wire);
    const parser = new SmtpReplyParser();
    const bytewise = [...wire].flatMap((ch) => parser.push(ch));
    const expected = [
      { code: 220, lines: ['ready'] },
      { code: 250, lines: ['mail.test greets you', '8BITMIME', 'SIZE 1000'] },
      { code: 354, lines: ['go ahead'] },
    ];
    expect(whole).toEqual(expected);
    expect(bytewise).toEqual(expected);
  });

  it('accepts a bare code and a bare LF line end', () => {
    expect(new SmtpReplyParser().push('250\n221 bye\n')).toEqual([{ code: 250, lines: [''] }, { code: 221, lines: ['bye'] }]);
  });

  it('waits for the last line of a multi-line reply', () => {
    const parser = new SmtpReplyParser();
    expect(parser.push('250-one\r\n250-two\r\n')).toEqual([]);
    expect(parser.push('250 three\r\n')).toEqual([{ code: 250, lines: ['one', 'two', 'three'] }]);
  });

  it('refuses lines that are not SMTP replies, and a code that changes inside a reply', () => {
    expect(() => new SmtpReplyParser().push('HTTP/1.1 400 Bad Request\r\n')).toThrow(SmtpProtocolError);
    expect(() => new SmtpReplyParser().push('250-one\r\n251 two\r\n')).toThrow(/reply code changed/);
  });

  it('refuses an endless line instead of buffering it', () => {
    expect(() => new SmtpReplyParser().push('2'.repeat(70_000))).toThrow(/too long/);
  });
});
