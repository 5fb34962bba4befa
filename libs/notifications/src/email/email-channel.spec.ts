import { UnsupportedChannelConfigError } from '../errors.js';
import { parseSmtpUrl } from './email-channel.js';

describe('SMTP URL', () => {
  it('takes host and port, port 25 by default', () => {
    expect(parseSmtpUrl('smtp://relay.site.example:2525')).toEqual({ host: 'relay.site.example', port: 2525 });
    expect(parseSmtpUrl('smtp://127.0.0.1')).toEqual({ host: '127.0.0.1', port: 25 });
    expect(parseSmtpUrl('smtp://[::1]:2525')).toEqual({ host: '::1', port: 2525 });
  });

  it('refuses what is not implemented yet (implicit TLS, credentials) instead of ignoring it', () => {
    expect(() => parseSmtpUrl('smtps://relay.site.example:465')).toThrow(UnsupportedChannelConfigError);
    expect(() => parseSmtpUrl('smtp://user:pass@relay.site.example')).toThrow(/authentication is not supported/);
  });
});
