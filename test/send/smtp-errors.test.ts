import { describe, expect, it } from 'vitest';
import { SendError } from '../../src/errors.js';
import { parseSmtpUrl } from '../../src/send/parse-smtp-url.js';
import { describeRejected, describeSmtpFailure, toSendError } from '../../src/send/smtp-errors.js';

// Failures as nodemailer 8 reports them (shapes taken from real runs against smtp-server and from lib/smtp-connection).
const target = parseSmtpUrl('smtp://news%40example.com:Geheim%2F42@smtp.example.com:587');
const inbox = parseSmtpUrl(undefined);
const timeouts = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 30_000 };
const shown = 'the SMTP server smtp://news%40example.com:****@smtp.example.com:587';

describe('describeSmtpFailure', () => {
  it.each([
    [{ code: 'EAUTH', command: 'AUTH PLAIN', response: '535 5.7.8 Authentication failed', responseCode: 535 }, `${shown} refused the login (server said "535 5.7.8 Authentication failed"): check user name and password in SMTP_URL`],
    [{ code: 'EENVELOPE', command: 'MAIL FROM', response: '530 5.7.0 Authentication required', responseCode: 530 }, `${shown} requires a login (server said "530 5.7.0 Authentication required"): put user name and password in SMTP_URL`],
    [{ code: 'ESOCKET', command: 'CONN', message: 'connect ECONNREFUSED 10.0.0.1:587' }, 'smtp.example.com:587 refused the connection: check host and port in SMTP_URL'],
    [{ code: 'EDNS', command: 'CONN', message: 'getaddrinfo ENOTFOUND smtp.example.com' }, 'cannot find the host "smtp.example.com": check the host name in SMTP_URL'],
    [{ code: 'ESOCKET', command: 'CONN', message: 'connect EHOSTUNREACH 10.0.0.1:587' }, 'smtp.example.com:587 cannot be reached: check host and port in SMTP_URL'],
    [{ code: 'ESOCKET', command: 'CONN', message: 'read ECONNRESET' }, 'smtp.example.com:587 dropped the connection'],
    [{ code: 'ETIMEDOUT', command: 'CONN', message: 'Connection timeout' }, 'no answer from smtp.example.com:587 within 10 s: check host and port in SMTP_URL and whether a firewall blocks outgoing SMTP'],
    [{ code: 'ETIMEDOUT', command: 'CONN', message: 'Greeting never received' }, 'smtp.example.com:587 accepted the connection but sent no SMTP greeting within 10 s: check that it is an SMTP port (a server on port 465 waits for TLS first: use smtps:// for it)'],
    [{ code: 'ETIMEDOUT', command: 'DATA', message: 'Timeout' }, `${shown} stopped answering after DATA (no reply within 30 s)`],
    [{ code: 'ETLS', command: 'STARTTLS', response: '454 4.7.0 TLS not available', message: 'Error upgrading connection with STARTTLS' }, 'TLS with smtp.example.com:587 failed (server said "454 4.7.0 TLS not available"): check host, port'],
    [{ code: 'ETLS', command: 'STARTTLS', response: '502 5.5.1 Unrecognized command', message: 'Error upgrading connection with STARTTLS' }, `${shown} does not offer STARTTLS (server said "502 5.5.1 Unrecognized command"), but TLS is required`],
    [{ code: 'ESOCKET', command: 'CONN', message: 'C0:error:0A00010B:SSL routines:ssl3_get_record:wrong version number' }, 'smtp.example.com:587 does not speak TLS from the first byte as smtps:// expects'],
    [{ code: 'ESOCKET', command: 'CONN', message: 'self-signed certificate' }, 'the TLS certificate of smtp.example.com is not trusted (self-signed certificate)'],
    [{ code: 'ETLS', command: 'CONN', message: "Hostname/IP does not match certificate's altnames" }, 'the TLS certificate of smtp.example.com is not trusted'],
    [{ code: 'EENVELOPE', command: 'MAIL FROM', response: '553 5.7.1 Sender address rejected: not owned by user', responseCode: 553 }, `${shown} refused the sender (server said "553 5.7.1 Sender address rejected: not owned by user"): set SMTP_FROM`],
    [{ code: 'EENVELOPE', command: 'RCPT TO', response: '550 No such user', rejected: ['a@example.com'], rejectedErrors: [{ recipient: 'a@example.com', response: '550 No such user' }] }, `${shown} rejected every recipient: a@example.com (550 No such user): check the addresses`],
    [{ code: 'EMESSAGE', command: 'DATA', response: '451 4.3.0 Try later', responseCode: 451 }, `${shown} did not take the message for now (server said "451 4.3.0 Try later"): a temporary failure`],
    [{ code: 'EENVELOPE', command: 'DATA', response: '554 5.3.4 Message too big', responseCode: 554 }, `${shown} refused the message (server said "554 5.3.4 Message too big")`],
    [{ code: 'ECONNECTION', command: 'CONN', response: '421 Too many connections' }, `${shown} closed the connection (server said "421 Too many connections")`],
    [{ code: 'EPROTOCOL', command: 'RSET', message: 'Could not reset' }, `sending through ${shown} failed (EPROTOCOL): Could not reset`],
    [{ message: 'something odd' }, `sending through ${shown} failed: something odd`],
  ])('%j', (failure, expected) => {
    const message = describeSmtpFailure(failure, target, timeouts);
    expect(message).toContain(expected);
    expect(message).not.toContain('\n');
  });

  it('names the preview inbox and how to start it when nothing listens there', () => {
    expect(describeSmtpFailure({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:2525' }, inbox, timeouts)).toBe(
      'nothing is listening at smtp://127.0.0.1:2525, the preview server\'s built-in inbox used when SMTP_URL is not set: start it with "npm run preview" in another terminal, or set SMTP_URL in .env to send through a real server (see docs/send-test.md)',
    );
  });
});

describe('toSendError', () => {
  it('scrubs the password from the message and the cause, in every form', () => {
    const error = toSendError(
      { code: 'EAUTH', message: 'Invalid login for Geheim/42 (Geheim%2F42)', response: '535 bad password Geheim/42', command: 'AUTH PLAIN' },
      target,
      timeouts,
    );
    expect(error).toBeInstanceOf(SendError);
    expect(error.code).toBe('E_SEND');
    expect(error.message).toContain('"535 bad password ***"');
    expect((error.cause as Error).message).toBe('Invalid login for *** (***)');
    expect((error.cause as { code?: string }).code).toBe('EAUTH');
    expect(JSON.stringify(error.problems)).not.toMatch(/Geheim/);
  });

  it('scrubs a reply before cutting it to one line, so that a cut base64 token cannot slip through', () => {
    const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
    const password = base64('Geheim/42');
    // An AUTH LOGIN echo; the line is cut at 200 characters, with these paddings inside the password's token.
    for (const padding of [155, 157, 159]) {
      const response = `535 5.7.8 ${'x'.repeat(padding)} ${base64('news@example.com')} ${password}`;
      const error = toSendError({ code: 'EAUTH', command: 'AUTH LOGIN', response, responseCode: 535 }, target, timeouts);
      expect(error.message).not.toContain(password.slice(0, 4));
      expect(error.message).toMatch(/x \*\*\* \*\*\*"\)/);
    }
  });

  it('copes with anything thrown', () => {
    expect(toSendError('boom', target, timeouts).message).toBe(`sending through ${shown} failed: boom`);
  });
});

describe('describeRejected', () => {
  it('pairs each address with its reply', () => {
    expect(
      describeRejected({
        rejected: ['a@example.com', 'b@example.com'],
        rejectedErrors: [
          { recipient: 'a@example.com', response: '550 unknown' },
          { recipient: 'b@example.com', response: '552 mailbox full' },
        ],
      }),
    ).toBe('a@example.com (550 unknown), b@example.com (552 mailbox full)');
    expect(describeRejected({ rejected: ['c@example.com'] })).toBe('c@example.com (no reason given)');
  });
});
