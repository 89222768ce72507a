import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze/index.js';
import { documentOf } from '../../helpers/documents.js';

describe('a title the user gives', () => {
  it('is kept exactly as given, however long and whatever it ends with', () => {
    const doc = documentOf('S1', { title: 'Harbour channel closed | Harbour Courier' }, ['The harbour authority closed the northern channel on Monday.']);
    const title = 'Kestrel Bay: the northern channel, the breakwater and what the harbour authority said about both of them...';
    expect(analyze([doc], { date: '2031-03-14', summaryWords: 150, keyQuotes: 6, title }).briefing.title).toBe(title);
  });
});
