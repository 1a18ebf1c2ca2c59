import type { WeightedTerms } from "./lexicon-categories.ts";

/**
 * Urgency vocabulary, in the term syntax of lexicon-categories.ts.
 * `emergency`: the danger is happening now or someone is dying; `high`: serious harm already done
 * or clearly coming; `routine`: habitual, informational or grievance wording.
 */
export const URGENCY_TERMS: Record<"emergency" | "high" | "routine", WeightedTerms> = {
  emergency: [
    [3, "sasa hivi|saa hii|sa hii|hivi sasa|right now|as we speak|come fast|send help|njooni|dharura"],
    [3, "emergency|hapumui|not breathing|trapped|wamekwama|~kwama ndani|strangling|choking|~kaba koo"],
    [2.5, "inaendelea|ongoing|currently|bleeding|damu inatoka|~vuja damu|dying|anakufa|~zirai"],
    [2.5, "please come|~tusaidie*|tusaidieni|nisaidie*|~saidieni|help us|help please|please help"],
    [2, "now|haraka|quickly|urgent|urgently|fast|ambulance|ambulensi|screams|kelele|spreading"],
    [2, "~tuma polisi|send police|call police|bado wako|still there|are still|~jificha|hiding"],
    [1.5, "~kimbia|running|help|msaada|tunaogopa|~fungia ndani|locked in|~ungua|is being|are being"],
    [1.5, "going on|happening|~teketea|unawaka"],
    [3, "just happened|has just|just now|imetokea sasa|majeruhi wengi|many injured|many people injured"],
    [2.5, "wanataka kumchoma|wanataka kumuua|want to burn|want to kill|about to"],
  ],
  high: [
    [3, "majeruhi|mauaji|~fariki|~teka|~tekwa|~teka nyara|abducted|kidnapped|explosion|mlipuko"],
    [3, "~ua|~uawa|~uliwa|killed|murder*|dead|body|mwili|~jeruhiwa|injured|icu|stabbed|shot|gunshots"],
    [3, "~bakwa|raped|defiled|~najisiwa|~keketwa|~kekete*|married off|~ozwa|torched|~teswa|tortured"],
    [2.5, "risasi|~dungwa|~lazwa|hospitalini|hosi|~vunjika|burnt|burned|~chomwa|~fa|~kufa"],
    [1.5, "hospital"],
    [2.5, "threat*|~tishia|vitisho|recruit*|~sajiliwa|missing|~potea|~toweka|disappeared|revenge|kisasi"],
    [2, "~vamiwa|~vamia|attack*|~shambulia*|~pigwa|beaten|beat|~chapwa|robbed|~porwa|~ibiwa|armed"],
    [2, "hate speech|madoadoa|waondoke|~ondoke|leaflets|vipeperushi|weapons|silaha|bunduki|gun|guns"],
    [2, "wanapanga|wamepanga|planning|plan|plans|~jihami|sharpening|tonight|~tishwa"],
    [2, "~maliza"],
    [1.5, "fear|hofu|~hofia|~ogopa|suspicious|~shukiwa|danger|hatari|panga|kisu|knife"],
  ],
  routine: [
    [2.5, "kila siku|every day|daily|kila wiki|every week|kila usiku|every night|kila jioni|siku hizi"],
    [2.5, "kila weekend|every weekend|kila mwezi|every month|kila mtu|hukuitisha|usually|kawaida"],
    [2.5, "advice|ushauri|we need|please fix|how do i|when is|request|lini|training"],
    [2, "tunaomba"],
    [2, "~lalamika|complain*|hakuna|no|not|common|always|kila mara|mara kwa mara|every time"],
    [3, "peaceful|ya amani|kwa amani|peacefully"],
    [2, "tension|uhasama|mvutano|mzozo|dispute|disagree|beef|hawaelewani|~salimiani|online|facebook"],
    [2, "whatsapp|mitandaoni|social media|telegram|vote buying|buying votes|~nunua kura"],
    [1.5, "harassed|harass*|catcalling|~vumilia|insult*|~tukana|problem|shida ya|tatizo|keeps|keep"],
    [1.5, "often|again|tena|doo|for money|kuwapa pesa|ask for money|refused to|hataki|rumours"],
    [1.5, "naomba|we ask|tunataka|wants|want|need|~hitaji|ignored|for a month|wiki mbili|support"],
    [1.5, "hongo|rushwa|kitu kidogo|bribe|bribes|doo ya chai|forum|semina|baraza"],
    [0.5, "please"],
  ],
};

/**
 * Violent acts, as what remains of a Swahili verb once its prefixes are stripped. In the progressive
 * (`wana-piga`, `ana-pigwa`) such a verb is evidence that violence is going on now; in the perfect or
 * past (`wame-piga`, `ali-pigwa`) it is evidence of harm done. Endings are spelled out so that
 * look-alikes do not count (`kataa` refuse, `pigia simu` phone, `tekeleza` carry out).
 */
export const VIOLENT_VERB_REMAINDER =
  /^(?:pig(?:a|wa|ana|anwa)|chap(?:a|wa)|ua|uawa|uliwa|chom(?:a|wa|ea|eana)|dung(?:a|wa)|shambuli(?:a|wa)|vami(?:a|wa)|por(?:a|wa)|vunj(?:a|wa)|bak(?:a|wa)|najisi(?:wa)?|tek(?:a|wa)|jeruhi(?:wa)?|kat(?:a|wa)|rush(?:a|ia|iwa)|kimbi(?:a|za|zwa)|ib(?:a|wa|iwa|ia)|chinj(?:a|wa)|nyanganya|nyanganywa|fyatu(?:a|lia)|gonga|gongwa|shoot|shootwa|nyorosha|nyoroshwa|maliza|chinja)$/;

/** English forms counted as violence in progress when they follow is/are/am/now. */
export const ENGLISH_VIOLENT_ING: readonly string[] = [
  "beating",
  "fighting",
  "shooting",
  "attacking",
  "burning",
  "stabbing",
  "robbing",
  "killing",
  "looting",
  "raping",
  "chasing",
  "throwing",
  "rioting",
  "stoning",
  "breaking",
  "raiding",
  "slashing",
  "cutting",
  "running",
];

/** Words that cancel the term that follows within three words ("hakuna vita", "no problems"). */
export const NEGATION_CUES: ReadonlySet<string> = new Set([
  "hakuna",
  "hamna",
  "hakukuwa",
  "hakujakuwa",
  "hakujatokea",
  "sio",
  "siyo",
  "no",
  "not",
  "never",
  "nothing",
  "none",
  "nobody",
  "without",
  "bila",
]);

/**
 * Phrases in which the police are helpers or a place name, not actors: they swallow the police
 * words inside them so that "tuma polisi haraka" does not read as a complaint about the police.
 */
export const NEUTRAL_PHRASES: string =
  "tuma polisi|send police|call police|call the police|police are not here|polisi hawapo|" +
  "hakuna polisi|report to police|kuripoti polisi|ripoti kwa polisi|police post|police station|" +
  "kituo cha polisi|thank the police|~shukuru polisi|police community|polisi na jamii|police cafe|" +
  "to the police|kwa polisi";
