/**
 * The vocabulary of page furniture: keywords and patterns the boilerplate rules combine with shape tests.
 * Generic newsroom conventions only — no outlet, person or story names.
 */

/** News agencies and picture libraries that appear in photo credits. */
const AGENCY =
  '(?:AP|AFP|Reuters|REUTERS|EPA|EPA-EFE|Getty|Shutterstock|Alamy|Bloomberg|Xinhua|Anadolu|NurPhoto|ZUMA|Sipa|PA|ANI|PTI|IANS|Handout|Pool|POOL|Supplied|Courtesy)';
/** Words that end a credit: "… Photo", "… Images", "… via Getty Images". */
const CREDIT_WORD = '(?:Photos?|Images?|Pictures?|Photography|Stock Photo|File|Wire|Media|Pool|Handout|Supplied)';

/** Picture libraries whose name alone is a credit. */
const LIBRARY = '(?:Getty Images|Shutterstock|Alamy(?: Stock Photo)?|iStock(?:photo)?)';
/** An agency with optional credit words, optionally "via" another: "Agency Photo", "Bloomberg via Getty Images". */
const AGENCY_CREDIT = `(?:${AGENCY}(?: ${CREDIT_WORD})*(?: via (?:${LIBRARY}|${AGENCY}(?: ${CREDIT_WORD})*))?|${LIBRARY})`;

/** How a photo credit ends a block. Each pattern is anchored at the end; the rule also requires no closing punctuation. */
export const CREDIT_TAIL: readonly RegExp[] = [
  // "…2022Jane Roe/Agency Photo", "REUTERS/Ann Lee/File Photo", "Ann Lee/Metro Pictures": a name, a slash,
  // then an agency or a name ending in a credit word — never just any capitalised word ("Israel/Gaza").
  new RegExp(
    `\\p{Lu}[\\p{L}'’.-]*(?: \\p{Lu}[\\p{L}'’.-]*)*\\s?/\\s?(?:[\\p{L}'’. -]+\\s?/\\s?)?` +
      `(?:${AGENCY_CREDIT}|(?:\\p{Lu}[\\p{L}&.-]* )+${CREDIT_WORD}|${CREDIT_WORD})$`,
    'u',
  ),
  // "Picture: Reader", "Photo: Ann Lee/Agency", "(Image: Handout)", "Credit: Ann Lee".
  // A full stop only after an initial: "Photo: Ann J. Lee".
  /(?:^|\s|\()(?:photo(?:graph)?s?|pictures?|images?|credit|photo credit|illustration|pictured)\s*:\s*(?:[^.!?:]|(?<=(?:^|\s)\p{L})\.){1,60}\)?$/iu,
  // "Photograph by Ann Lee", "Image courtesy of the museum".
  /(?:^|\s|\()(?:photo(?:graph)?s?|pictures?|images?) (?:by|courtesy(?: of)?|via)\s+[^.!?]{1,60}\)?$/i,
  // "(Agency Photo/Ann Lee)", "(Agency Photo/Ann Lee, File)".
  new RegExp(`\\(${AGENCY_CREDIT}\\s?/\\s?[^()/]{1,60}\\)$`, 'u'),
  // "(Reuters)", "[Agency Photo]".
  new RegExp(`(?:^|\\s)[(\\[]${AGENCY_CREDIT}[)\\]]$`, 'u'),
  // "Getty Images", "via Getty Images", "Agency Photo", "Agency/File" at the very end.
  new RegExp(`(?:^|\\s)(?:via )?(?:${AGENCY} ${CREDIT_WORD}(?: ${CREDIT_WORD})*|${LIBRARY})$`, 'u'),
];

/** Caption labels: "FILE PHOTO: …", "Pictured: …", "Above: …". */
export const CAPTION_PREFIX = /^(?:FILE PHOTO|FILE|PHOTO|IMAGE|PICTURED|Pictured|ABOVE|TOP|MAIN IMAGE|IN PICTURES)\s*[:—–-]\s/u;

/** Labels of "more articles" links. */
const RELATED_KEYWORDS =
  '(?:also read|read also|read more|read next|must read|more reading|further reading|see also|' +
  'related(?: (?:stories|articles|story|coverage|content|reading|links|news|topics|video))?|' +
  'more on this(?: story| topic)?|more from [\\p{L} ]{1,30}|recommended(?: (?:stories|reading|for you|videos|articles))?|' +
  'see more|don[\'’]t miss|most read|most popular|you (?:may|might) also (?:like|be interested in)|editor[\'’]?s picks|top stories)';
/**
 * A link-list label followed by a separator or nothing ("Related: …", "More on this topic"), or one of the
 * unambiguous labels followed directly by a capitalised, unpunctuated link title ("Read more Harbour news").
 */
export const RELATED_STRONG = new RegExp(
  `^${RELATED_KEYWORDS}(?:\\s*[:|>»]|\\s+[–—-]\\s|\\s*(?:\\.{3}|…)?$)|^(?:also read|read also|read more|read next|see also|more on this story)\\s+\\p{Lu}[^.!?]*$`,
  'iu',
);

/** A link-list label and nothing after it ("Related stories", "You may also like…"): its titles follow it. */
export const RELATED_LABEL_ONLY = new RegExp(`^${RELATED_KEYWORDS}\\s*(?::|\\.{3}|…)?$`, 'iu');

/** Section labels that prefix link teasers ("Watch: …", "LIVE: …"): only for short blocks without closing punctuation. */
export const RELATED_WEAK =
  /^(?:watch|listen|video|photos|gallery|in pictures|explainer|opinion|analysis|latest|trending(?: now)?|live(?: updates)?|in other news|more|read|quiz|podcast)(?:\s*[:|>»]|\s+[–—-]\s)/i;

/** Tip-line appeals: "Have a news tip?", "Do you have a picture of …?" */
export const GOT_A_STORY = /^(?:got|have you got|do you have|have) (?:a|any) (?:story|news story|tip|news tip|picture|photo|video|question)s?\b/i;

/**
 * Promotional calls to action at the start of a block: an imperative verb followed by the kind of word an
 * imperative takes ("Sign up for our…", "Follow us on…"), so "Support for the app grew" is not one.
 */
export const PROMO_VERB_START = new RegExp(
  '^(?:(?:sign(?:-| )?up|subscribe|register)\\b' +
    '|(?:share|follow|join|download|get|listen|like|click|tap|e-?mail|message|text|send|contact|support|donate|' +
    'watch|read|try|install|enable|turn on)\\s+' +
    '(?:us|our|me|this|the|up|now|today|here|on|at|via|a|an|free|with|it|to (?:us|our|the|this))\\b' +
    '|never miss|stay (?:up to date|informed|updated|connected)|don[\'’]t miss|want (?:more|the latest)|' +
    'for (?:more|the latest)\\b|keep up (?:to date|with)|be the first|find us|catch up on|tune in)',
  'i',
);

/** What promotions promote: newsletters, apps, podcasts, social accounts, inboxes. */
export const PROMO_OBJECT =
  /\b(?:newsletters?|podcasts?|apps?|app store|google play|whatsapp|telegram|facebook|twitter|instagram|tiktok|youtube|linkedin|threads|bluesky|inbox|(?:e-?mail |news |breaking news )?alerts|notifications|subscriptions?|(?:our|the) (?:journalism|website|site|channel|page|coverage|newsroom|newsdesk)|us on|us at|this (?:article|story|page)|click here|free trial)\b/i;

/** The block speaks to the reader. */
export const READER_ADDRESS = /\b(?:you|your|you['’](?:ve|re|ll))\b|\bwe use\b/i;

/** Paywall, login and cookie phrases; the rule also requires the block to address the reader. */
export const PAYWALL =
  /\b(?:free (?:articles?|stor(?:y|ies)|reads?|views?)|(?:articles?|stor(?:y|ies)) (?:left|remaining)|unlimited (?:digital )?(?:access|reading)|already a (?:subscriber|member)|(?:log|sign) ?in to (?:continue|read|keep reading|view|comment)|subscribe (?:now|today|to continue|to read|for)|subscribers? only|for subscribers|exclusive to (?:subscribers|members)|continue reading|this (?:article|content|story) is (?:only )?(?:for|available to)|(?:we|(?:this|our) (?:web ?site|site|page)) uses? cookies|cookies? (?:policy|settings|preferences|consent)|accept (?:all )?cookies|reached your (?:limit|free|monthly))\b/i;

/** A picture gallery's counter or caption switch: "Image 1 of 23", "3 / 12", "Hide caption". */
export const GALLERY_CONTROL =
  /^(?:(?:image|photo|picture|slide)s?\s+)?\d{1,3}\s*(?:of|\/)\s*(?:\/\s*)?\d{1,3}$|^(?:(?:show|hide|toggle|view|close) )?caption$|^enlarge this (?:image|photo)$/i;

/** Notes about the page itself: it needs JavaScript, it holds affiliate links. */
export const SITE_NOTICE =
  /\b(?:requires? javascript|(?:enable|turn on|activate) javascript|javascript (?:is )?(?:disabled|required|must be enabled)|(?:contains?|includes?|uses?) (?:affiliate|referral)(?: and\/or referral| and referral)? links|affiliate (?:links?|commission)|we (?:may )?(?:earn|receive) (?:a )?(?:small )?commission)\b/i;

/** WordPress shortcode left in the text: "[button link=…]Send us…[/button]". */
export const SHORTCODE = /^\[[a-z_-]+(?:\s+[a-z_-]+\s*=[^\]]*)?\][\s\S]*\[\/[a-z_-]+\]$|^\[[a-z_-]+\s+[a-z_-]+\s*=[^\]]*\]$/i;

/** Bracketed all-capital tags that mark a run of link titles: "… [VIDEO] | … [INSIGHT]". */
export const LINK_TAG = /\[\p{Lu}{3,}\]/gu;

/** Advertisement placeholders, whole block. */
export const ADVERT =
  /^(?:advertisement|advert|ad|sponsored(?: content)?|promoted(?: content)?|paid (?:content|post)|story continues (?:below|after)(?: (?:this )?(?:ad|advert|advertisement))?|continue reading (?:below|the main story)|scroll (?:down )?to continue(?: reading)?|article continues (?:below|after)(?: advertisement)?|loading(?:\.\.\.|…)?)[.:]?$/i;

/** Tag and topic lists. */
export const TAGS_START = /^(?:tags|tagged(?: with)?|topics|related topics|filed under|categories|category|keywords)\s*(?::|$)/i;

/** Byline openings. */
export const BYLINE_START = /^(?:by|words by|written by|story by|reported by|text by|report by)\s+/i;

/** Lower-case words a byline may hold besides names ("By Ann Lee and agencies", "By Metro staff in Leeds"). */
export const BYLINE_WORDS = new Set([
  'and', '&', 'with', 'of', 'the', 'in', 'at', 'for', 'from', 'de', 'da', 'del', 'van', 'von', 'der', 'den', 'la', 'le',
  'bin', 'al', 'staff', 'reporter', 'reporters', 'correspondent', 'correspondents', 'writer', 'writers', 'editor',
  'editors', 'agencies', 'desk', 'team', 'senior', 'chief', 'political', 'legal', 'health', 'business', 'news',
  'special', 'contributor', 'contributing', 'columnist', 'analyst', 'updated', 'published', 'am', 'pm', 'a.m', 'p.m',
]);

/** Timestamp openings ("Published", "Updated", "Last modified"). */
export const TIMESTAMP_START =
  /^(?:published|updated|posted|last updated|first published|last modified|modified|date|dated)\b\s*(?:on|at)?\s*:?/i;

/** Copyright openings: "©", "(c) 2024", "Copyright 2024", "Copyright © Example". */
export const COPYRIGHT_START = /^(?:©|\(c\)\s*\d|copyright\s*(?:©|\(c\)|\d{4}|by\b))/i;

/** Openings of reporting and editing credits: "(Reporting by", "Additional reporting by", "Editing by". */
export const CREDIT_START =
  /^[([]?\s*(?:additional|further|with additional)?\s*(?:reporting|writing|editing|edited|compiled|research|researched|graphics|production|produced|fact-checking|translation|translated|contributions?)(?: and (?:editing|writing|reporting|research))? by\s+/i;

/** Lower-case words a credit list may hold besides names: "(Reporting by A in B; Editing by the C desk)". */
export const CREDIT_WORDS = new Set([
  ...BYLINE_WORDS, 'by', 'editing', 'writing', 'reporting', 'additional', 'compiled', 'research', 'graphics', 'our',
  'bureau', 'newsroom', 'on', 'via',
]);

/** Credit lines whose wording alone gives them away: agency contribution notes, "Contributing:", "With agencies". */
export const CREDIT_NOTE: readonly RegExp[] = [
  /\bcontributed (?:reporting )?(?:to )?(?:this|the) (?:report|story|article)\.?$/i,
  /^contributing(?: writers?| reporters?)?\s*:/i,
  /^[([]?\s*(?:[—–-]\s*)?with (?:inputs? |reporting )?(?:from )?(?:agencies|agency inputs|wires?)\s*[)\]]?\.?$/i,
];

/** Notes about the article rather than the story. */
export const EDITOR_NOTE =
  /^(?:this (?:article|story|report) (?:has been|was) (?:updated|amended|corrected|edited)\b|correction\s*:|editor['’]?s note\s*:|clarification\s*:)/i;

/** Trailers of embedded social posts. */
export const SOCIAL_EMBED = /pic\.twitter\.com\/\S+|^[—–-]\s*[^()]{1,60}\(@\w{1,30}\)/i;

/** A whole block that is a skip link or menu label phrase. */
export const NAV_PHRASE = /^(?:skip to (?:main )?(?:content|navigation|search)|back to top|main menu|toggle (?:menu|navigation)|open (?:menu|navigation)|close menu|you are here\s*:?)$/i;

/** Menu and share-bar words: a short block made only of these is navigation. */
export const NAV_WORDS = new Set([
  'home', 'homepage', 'news', 'latest', 'sport', 'sports', 'football', 'business', 'money', 'markets', 'economy', 'jobs',
  'careers', 'opinion', 'comment', 'comments', 'world', 'uk', 'us', 'local', 'national', 'international', 'politics',
  'science', 'tech', 'technology', 'health', 'education', 'environment', 'climate', 'culture', 'arts', 'entertainment',
  'lifestyle', 'life', 'style', 'travel', 'food', 'weather', 'video', 'videos', 'audio', 'podcasts', 'podcast',
  'newsletters', 'live', 'events', 'obituaries', 'notices', 'classifieds', 'property', 'motors', 'puzzles', 'games',
  'crosswords', 'shop', 'subscribe', 'login', 'log', 'in', 'out', 'sign', 'register', 'account', 'search', 'menu', 'more',
  'contact', 'about', 'advertise', 'help', 'faq', 'privacy', 'terms', 'cookies', 'sitemap', 'archive', 'features',
  'photos', 'pictures', 'galleries', 'gallery', 'magazine', 'trending', 'share', 'tweet', 'email', 'print', 'copy',
  'link', 'save', 'facebook', 'twitter', 'x', 'whatsapp', 'linkedin', 'pinterest', 'reddit', 'instagram', 'youtube',
  'tiktok', 'messenger', 'telegram', '&', 'and', 'section', 'next', 'previous', 'prev', 'close', 'top', 'back',
]);
