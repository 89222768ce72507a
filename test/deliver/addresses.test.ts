import { describe, expect, it } from 'vitest';
import { checkHeaderText, isEmailAddress, parseMailboxes, parseRecipients } from '../../src/deliver/addresses.js';
import { BriefwrightError, ErrorCode } from '../../src/errors.js';

function usageError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BriefwrightError);
    expect((error as BriefwrightError).code).toBe(ErrorCode.USAGE);
    return (error as BriefwrightError).message;
  }
  throw new Error('expected a USAGE error');
}

describe('checkHeaderText', () => {
  it('refuses CR, LF, other C0/C1 controls and Unicode line separators, naming the field', () => {
    for (const bad of ['Hi\r\nBcc: evil@example.com', 'a\nb', 'a\rb', 'tab\there', 'nul\u0000', 'del\u007f', 'nel\u0085', 'ls\u2028']) {
      expect(usageError(() => checkHeaderText('subject', bad))).toMatch(/^subject: .*line break or control character/);
    }
  });

  it('lets ordinary text through, non-Latin letters and symbols included', () => {
    expect(checkHeaderText('subject', 'Київ & <Αθήνα> — 9 März')).toBe('Київ & <Αθήνα> — 9 März');
  });
});

describe('isEmailAddress', () => {
  it('wants one @, a local part and a domain, no spaces', () => {
    for (const good of ['ana@example.org', 'a.b+tag@sub.example.co.uk', 'user@localhost', 'jürg@bücher.example', 'x@[192.0.2.1]']) {
      expect(isEmailAddress(good)).toBe(true);
    }
    for (const bad of ['', 'ana', '@example.org', 'ana@', 'a@b@example.org', 'ana maria@example.org', 'ana@exa mple.org', 'a..b@example.org', 'ana@-example.org', 'ana@example..org', '<ana@example.org>']) {
      expect(isEmailAddress(bad)).toBe(false);
    }
  });
});

describe('parseMailboxes', () => {
  it('reads bare addresses, display names (quoted or not) and comma-separated lists', () => {
    expect(parseMailboxes('to', 'ana@example.org')).toEqual([{ address: 'ana@example.org', name: '' }]);
    expect(parseMailboxes('to', 'Jürg Meier <jurg@example.org>, "Doe, Jo" <jo@example.org>')).toEqual([
      { address: 'jurg@example.org', name: 'Jürg Meier' },
      { address: 'jo@example.org', name: 'Doe, Jo' },
    ]);
  });

  it('refuses entries that are not addresses, naming the field', () => {
    expect(usageError(() => parseMailboxes('cc[2]', 'Ana Ruiz'))).toMatch(/^cc\[2\]: .*not an email address/);
    expect(usageError(() => parseMailboxes('from', '   '))).toMatch(/^from: is empty/);
    // A lenient parser would read this as "ana" <maria@example.org>.
    expect(usageError(() => parseMailboxes('to', 'ana maria@example.org'))).toMatch(/^to: .*not an email address/);
    expect(usageError(() => parseMailboxes('to', 'Desk <desk@example.org>\nBcc: x@example.org'))).toMatch(/^to: .*line break/);
  });
});

describe('parseRecipients', () => {
  it('keeps each address once (case-insensitively), To before Cc, and says which were repeated', () => {
    const r = parseRecipients(['ana@example.org', 'ANA@example.org, ben@example.org'], ['ben@example.org', 'cy@example.org']);
    expect(r.to.map((m) => m.address)).toEqual(['ana@example.org', 'ben@example.org']);
    expect(r.cc.map((m) => m.address)).toEqual(['cy@example.org']);
    expect(r.repeated).toEqual(['ANA@example.org', 'ben@example.org']);
  });

  it('needs at least one To recipient', () => {
    expect(usageError(() => parseRecipients([], ['cy@example.org']))).toMatch(/^to: /);
  });
});
