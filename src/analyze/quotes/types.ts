/** Shapes shared by the quote modules: what an attribution names, and a quotation found in one document. */
import type { Evidence } from '../../model/briefing.js';

/** Who an attribution names, before resolution to a person or organisation. */
export type SpeakerPhrase =
  | { kind: 'name'; name: string; role: string | null; gender: Gender; organisation: boolean; at: number }
  | { kind: 'pronoun'; pronoun: string; at: number }
  | {
      kind: 'description';
      /** The head noun, lower case ("company", "spokesperson"). */
      head: string;
      text: string;
      /** A named organisation the description speaks for ("a spokesperson for Acme Corp"). */
      organisation: string | null;
      /** The head noun or name of an unnamed owner ("a spokesperson for the council" → "council"). */
      owner: string | null;
      at: number;
    };

export type Gender = 'm' | 'f' | null;

/** A resolved speaker: a full name (person or organisation) and the role the source gives. */
export interface Speaker {
  name: string;
  role: string | null;
}

/** A quotation as found in one document, before merging across sources. */
export interface FoundQuote {
  text: string;
  speaker: Speaker | null;
  partial: boolean;
  source: string;
  /** 1-based paragraph index of the first piece, and offset in it: the source order. */
  paragraph: number;
  offset: number;
  evidence: Evidence[];
}
