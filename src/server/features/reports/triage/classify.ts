/**
 * Category and urgency from lexicon hits, plus the few rules that single words cannot express:
 * who the police are in the sentence (actor or victim), and whether violence is going on now.
 */
import { CATEGORY_CODES, type CategoryCode, type Urgency } from "../../../../common/taxonomy.ts";
import { CATEGORY_TERMS } from "./lexicon-categories.ts";
import {
  ENGLISH_VIOLENT_ING,
  NEGATION_CUES,
  NEUTRAL_PHRASES,
  URGENCY_TERMS,
  VIOLENT_VERB_REMAINDER,
} from "./lexicon-urgency.ts";
import { FUZZY_DISCOUNT, Lexicon, parseVerb, type TermHit } from "./matcher.ts";
import type { Token } from "./text.ts";

export type CategoryScores = Record<CategoryCode, number>;

/** Below this much evidence the report is `other`: a guess from one weak word helps nobody. */
export const MIN_CATEGORY_SCORE = 1.8;
const POLICE_WORDS = new Set(
  "polisi police policeman policemen karao makarao sanse askari afande officer officers ocs cop cops gsu mapolisi polis maaskari".split(
    " ",
  ),
);
const PASSIVE_ATTACK_EN = new Set(
  "attacked killed shot injured stoned ambushed assaulted stabbed beaten lynched disarmed".split(" "),
);
const PROGRESSIVE_AUXILIARIES = new Set(["is", "are", "am", "now", "still", "being"]);
/**
 * Where urgency starts before any cue word: a report of violence is serious unless it reads as
 * habitual or a request; a grievance or a question is routine unless something says otherwise.
 */
const CATEGORY_URGENCY_PRIOR: Record<CategoryCode, { high: number; routine: number }> = {
  violent_extremism: { high: 2, routine: 0 },
  gang_crime: { high: 1.5, routine: 0 },
  gbv: { high: 2, routine: 0 },
  police_misconduct: { high: 1.5, routine: 0 },
  communal_conflict: { high: 2, routine: 0 },
  election_violence: { high: 2, routine: 0 },
  public_order: { high: 1.5, routine: 0 },
  service_delivery: { high: 0, routine: 2 },
  other: { high: 0, routine: 2 },
};
/** Emergency needs this much evidence of danger happening now. */
const EMERGENCY_THRESHOLD = 3;

export function buildTriageLexicon(): Lexicon {
  const groups = [
    ...CATEGORY_CODES.map((code) => ({ label: code, rows: CATEGORY_TERMS[code] })),
    ...(["emergency", "high", "routine"] as const).map((level) => ({
      label: `urgency:${level}`,
      rows: URGENCY_TERMS[level],
    })),
    { label: "neutral", rows: [[0, NEUTRAL_PHRASES]] as const },
  ];
  return new Lexicon(groups);
}

export function hitWeight(hit: TermHit): number {
  return hit.term.weight * (hit.fuzzy ? FUZZY_DISCOUNT : 1);
}

/** Negation cancels violence ("hakuna vita") but not a missing service ("hakuna stima" IS the complaint). */
const NEGATABLE_LABELS = new Set<string>([
  ...CATEGORY_CODES.filter((code) => code !== "service_delivery" && code !== "other"),
  "urgency:emergency",
  "urgency:high",
]);

export function isEffective(hit: TermHit): boolean {
  return !(hit.negated && NEGATABLE_LABELS.has(hit.term.label));
}

/**
 * Sums per label the best weight of each distinct matched wording: a repeated word, or one word
 * matched by two patterns ("wanasajiliwa" as itself and as ~sajiliwa), counts once.
 */
function sumByLabel(tokens: readonly Token[], hits: readonly TermHit[], prefix: string): Map<string, number> {
  const best = new Map<string, number>();
  for (const hit of hits) {
    if (!isEffective(hit) || !hit.term.label.startsWith(prefix)) continue;
    const wording = tokens
      .slice(hit.first, hit.last + 1)
      .map((token) => token.norm)
      .join(" ");
    const key = `${hit.term.label}\u0000${wording}`;
    best.set(key, Math.max(best.get(key) ?? 0, hitWeight(hit)));
  }
  const sums = new Map<string, number>();
  for (const [key, weight] of best) {
    const label = key.slice(prefix.length, key.indexOf("\u0000"));
    sums.set(label, (sums.get(label) ?? 0) + weight);
  }
  return sums;
}

function isPoliceHit(hit: TermHit): boolean {
  return (
    hit.term.label === "police_misconduct" && hit.term.text.split(" ").some((word) => POLICE_WORDS.has(word))
  );
}

export function isViolentVerb(word: string): boolean {
  return parseVerb(word).some((parse) => !parse.negative && VIOLENT_VERB_REMAINDER.test(parse.remainder));
}

function isPassiveViolentVerb(word: string): boolean {
  return parseVerb(word).some(
    (parse) => VIOLENT_VERB_REMAINDER.test(parse.remainder) && parse.remainder.endsWith("wa"),
  );
}

/** "polisi mmoja ameshambuliwa", "police officer was attacked", "stoned the police". */
function policeAreVictims(tokens: readonly Token[], hit: TermHit): boolean {
  let passiveEnglish = false;
  for (let i = hit.last + 1; i <= hit.last + 3 && i < tokens.length; i++) {
    const word = tokens[i]?.norm ?? "";
    if (word === "na" || word === "by") return false;
    if (word === "was" || word === "were" || word === "been" || word === "got") passiveEnglish = true;
    if (isPassiveViolentVerb(word) || (passiveEnglish && PASSIVE_ATTACK_EN.has(word))) return true;
  }
  for (let i = Math.max(0, hit.first - 2); i < hit.first; i++) {
    const word = tokens[i]?.norm ?? "";
    if (/^(?:attacked|stoned|ambushed|disarmed|killed|shot)$/.test(word) || word.endsWith("rushia"))
      return true;
  }
  return false;
}

/** Police words count as a complaint only when the police act; violence near them makes it clear. */
function policeMisconductAdjustment(tokens: readonly Token[], hits: readonly TermHit[]): number {
  const actors = hits.filter((hit) => isPoliceHit(hit) && isEffective(hit));
  if (actors.length === 0) return 0;
  if (actors.every((hit) => policeAreVictims(tokens, hit))) {
    return -Math.max(...actors.map(hitWeight));
  }
  const violent = tokens.some((token) => isViolentVerb(token.norm) || ENGLISH_FORCE.has(token.norm));
  const named = actors.some((hit) => policeNamedAsAgent(tokens, hit));
  return (violent ? 2.5 : 0) + (named ? 2 : 0);
}

/** "alipigwa risasi na polisi", "was beaten by police": the police are the grammatical agent. */
function policeNamedAsAgent(tokens: readonly Token[], hit: TermHit): boolean {
  const before = tokens[hit.first - 1]?.norm;
  if (before !== "na" && before !== "by") return false;
  for (let i = Math.max(0, hit.first - 5); i < hit.first - 1; i++) {
    const word = tokens[i]?.norm ?? "";
    if (
      isPassiveViolentVerb(word) ||
      PASSIVE_ATTACK_EN.has(word) ||
      /^(?:arrested|~kamatwa|detained)$/.test(word)
    )
      return true;
    if (parseVerb(word).some((parse) => /^(?:kamatwa|chukuliwa|teswa|fungwa)$/.test(parse.remainder)))
      return true;
  }
  return false;
}

const ENGLISH_FORCE = new Set(
  "beat beaten beating shot shoot shooting slapped killed tortured assaulted".split(" "),
);
const MOB_WORDS = new Set(
  "mob|mobs|crowd|umati|lynch*|wananchi wenye hasira|angry crowd|mob justice".split("|"),
);
const LIVESTOCK_WORDS = new Set("ngombe|mifugo|livestock|cattle|ngamia|camels".split("|"));
const THEFT_WORDS = new Set(
  "wezi|wizi|mwizi|~ibiwa|~iba|stole|stolen|steal*|thieves|theft|~porwa|~pora".split("|"),
);
const ETHNIC_WORDS = new Set(
  "kabila|makabila|kikabila|tribe|tribes|tribal|ethnic|jamii|jamii fulani|jamii nyingine|jamii ingine|jamii moja|jamii mbili".split(
    "|",
  ),
);

function hasTerm(hits: readonly TermHit[], words: ReadonlySet<string>): boolean {
  return hits.some((hit) => isEffective(hit) && words.has(hit.term.text));
}

/**
 * Rules for words that change meaning together. A theft in front of a mob is the mob's accusation
 * (public_order); stolen livestock is rustling (communal_conflict); ethnic talk around a campaign is
 * election incitement.
 */
function applyContextRules(scores: CategoryScores, hits: readonly TermHit[]): void {
  if (hasTerm(hits, MOB_WORDS)) scores.gang_crime *= 0.5;
  if (hasTerm(hits, LIVESTOCK_WORDS) && hasTerm(hits, THEFT_WORDS)) scores.communal_conflict += 3;
  if (scores.election_violence >= 3 && hasTerm(hits, ETHNIC_WORDS)) scores.election_violence += 2;
}

export function scoreCategories(tokens: readonly Token[], hits: readonly TermHit[]): CategoryScores {
  const sums = sumByLabel(tokens, hits, "");
  const scores = Object.fromEntries(
    CATEGORY_CODES.map((code) => [code, sums.get(code) ?? 0]),
  ) as CategoryScores;
  scores.police_misconduct = Math.max(0, scores.police_misconduct + policeMisconductAdjustment(tokens, hits));
  applyContextRules(scores, hits);
  const negatedViolence = hits.filter((hit) => !isEffective(hit) && hit.term.label in scores).length;
  scores.other += Math.min(2, negatedViolence);
  return scores;
}

export function pickCategory(scores: CategoryScores): { category: CategoryCode; confidence: number } {
  let best: CategoryCode = "other";
  for (const code of CATEGORY_CODES) {
    if (code !== "other" && (best === "other" || scores[code] > scores[best])) best = code;
  }
  if (scores[best] < MIN_CATEGORY_SCORE || scores.other > scores[best]) {
    const margin = scores.other - scores[best] + MIN_CATEGORY_SCORE;
    return { category: "other", confidence: round(0.5 + Math.min(0.45, Math.max(0, margin) / 8)) };
  }
  return { category: best, confidence: round(softmaxShare(scores, best)) };
}

function softmaxShare(scores: CategoryScores, chosen: CategoryCode): number {
  const temperature = 1.5;
  let total = 0;
  for (const code of CATEGORY_CODES) total += Math.exp(scores[code] / temperature);
  return Math.exp(scores[chosen] / temperature) / total;
}

export interface UrgencyDecision {
  urgency: Urgency;
  confidence: number;
  morphologyHits: Array<{ token: number; level: "emergency" | "high" | "habitual" }>;
}

/** Verbs and English -ing forms that show violence happening now, or harm already done. */
function morphologyCues(tokens: readonly Token[]): UrgencyDecision["morphologyHits"] {
  const cues: UrgencyDecision["morphologyHits"] = [];
  tokens.forEach((token, index) => {
    if (ENGLISH_VIOLENT_ING.includes(token.norm) && followsAuxiliary(tokens, index)) {
      cues.push({ token: index, level: "emergency" });
      return;
    }
    for (const parse of parseVerb(token.norm)) {
      if (parse.negative || !VIOLENT_VERB_REMAINDER.test(parse.remainder)) continue;
      if (parse.prefix.startsWith("hu")) cues.push({ token: index, level: "habitual" });
      else if (parse.tense === "na") cues.push({ token: index, level: "emergency" });
      else if (parse.tense === "me" || parse.tense === "li" || parse.tense === "ka")
        cues.push({ token: index, level: "high" });
      else continue;
      return;
    }
  });
  return cues;
}

function followsAuxiliary(tokens: readonly Token[], index: number): boolean {
  for (let i = index - 1; i >= 0 && i >= index - 4; i--) {
    if (PROGRESSIVE_AUXILIARIES.has(tokens[i]?.norm ?? "")) return true;
  }
  return false;
}

/** Extra evidence per urgency level, e.g. a statistical model's posterior scaled to lexicon points. */
export type UrgencyBoost = Partial<Record<Urgency, number>>;

export function decideUrgency(
  tokens: readonly Token[],
  hits: readonly TermHit[],
  category: CategoryCode,
  boost: UrgencyBoost = {},
): UrgencyDecision {
  const sums = sumByLabel(tokens, hits, "urgency:");
  const morphologyHits = morphologyCues(tokens);
  const prior = CATEGORY_URGENCY_PRIOR[category];
  const emergency =
    (sums.get("emergency") ?? 0) +
    2 * Math.min(2, countLevel(morphologyHits, "emergency")) +
    (boost.emergency ?? 0);
  const high =
    (sums.get("high") ?? 0) +
    Math.min(2, countLevel(morphologyHits, "high")) +
    prior.high +
    (boost.high ?? 0);
  const routine =
    (sums.get("routine") ?? 0) +
    prior.routine +
    2 * Math.min(1, countLevel(morphologyHits, "habitual")) +
    (boost.routine ?? 0);
  if (emergency >= EMERGENCY_THRESHOLD && emergency > routine) {
    return {
      urgency: "emergency",
      confidence: round(0.55 + (emergency - EMERGENCY_THRESHOLD) / 10),
      morphologyHits,
    };
  }
  const seriousness = high + emergency / 2;
  if (seriousness > routine) {
    return { urgency: "high", confidence: round(0.5 + (seriousness - routine) / 10), morphologyHits };
  }
  return { urgency: "routine", confidence: round(0.5 + (routine - seriousness) / 10), morphologyHits };
}

function countLevel(
  cues: UrgencyDecision["morphologyHits"],
  level: UrgencyDecision["morphologyHits"][number]["level"],
): number {
  return cues.filter((cue) => cue.level === level).length;
}

function round(value: number): number {
  return Math.round(Math.max(0, Math.min(1, value)) * 1000) / 1000;
}

export { NEGATION_CUES };
