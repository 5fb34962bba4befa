import { encodeSmtpData } from './dot-stuffing.js';

describe('DATA encoding', () => {
  it('doubles a leading dot on every line and ends with CRLF.CRLF', () => {
    expect(encodeSmtpData('.first\r\nmiddle . dot\r\n..two\r\n.')).toBe('..first\r\nmiddle . dot\r\n...two\r\n..\r\n.\r\n');
  });

  it('turns bare LF and bare CR into CRLF, so "\\n.\\n" cannot end the data early (SMTP smuggling)', () => {
    expect(encodeSmtpData('a\n.\nMAIL FROM:<x@y>\rb')).toBe('a\r\n..\r\nMAIL FROM:<x@y>\r\nb\r\n.\r\n');
  });

  it('does not add an empty line when the message already ends with a line break', () => {
    expect(encodeSmtpData('body\r\n')).toBe('body\r\n.\r\n');
  });
});
