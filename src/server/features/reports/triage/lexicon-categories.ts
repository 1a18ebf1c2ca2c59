import type { CategoryCode } from "../../../../common/taxonomy.ts";

/**
 * Category vocabulary: English, Kiswahili and Sheng as residents write it.
 *
 * Each row is `[weight, "term|term|…"]`. A term is one or more space-separated token patterns:
 *   word     the normalised word (misspellings within 1–2 edits also match, at a discount)
 *   stem*    any word starting with `stem`
 *   ~root    a Swahili verb: any subject/tense/relative/object prefixes, then exactly `root`
 *   ~root*   the same, then any ending (`~pig*`: piga, wamepigwa, wanapigana, alimpiga…)
 * Apostrophes are dropped by normalisation, so write `ngombe` for ng'ombe.
 *
 * Weights: 4 settles the category alone, 2–3 is a strong cue, 1 supports, below 1 is a hint.
 * A phrase swallows the shorter terms inside it ("wezi wa ngombe" counts once, for
 * communal_conflict, not also as "wezi" for gang_crime).
 */
export type WeightedTerms = ReadonlyArray<readonly [number, string]>;

export const CATEGORY_TERMS: Record<CategoryCode, WeightedTerms> = {
  violent_extremism: [
    [4, "al shabaab|al shabab|alshabaab|alshabab|shabaab|shebab|al shebab|isis|daesh|jihad*|mujahid*"],
    [4, "gaidi|magaidi|kigaidi|ugaidi|terror*|itikadi kali|msimamo mkali|radicali*|radicalis*|radicaliz*"],
    [4, "~radicalize*|~radicalise*|extremis*|bomu|mabomu|vilipuzi|kilipuzi|explosive*|suicide vest|bomb*"],
    [3, "makafiri|kafiri|kafir*|unbelievers|infidel*|wanamgambo|mwanamgambo|militant*|returnee*"],
    [3, "recruit*|~recruit*|indoctrinat*|brainwash*|take up arms|somalia|syria|nctc|pcve|cve|kuingizwa"],
    [2.5, "~sajiliwa|~sajili vijana|wanasajiliwa|gunmen|training camp|kambi ya mafunzo|fighters"],
    [2, "mhubiri|preacher|preaching|mafundisho|ustadh|washambuliaji|attackers|shambulizi|suspicious"],
    [4, "mlipuko|milipuko|explosion|explosions|blast|mafunzo ya siri|secret training"],
    [2, "kifurushi|parcel|~shukiwa|kushukiwa|~radicalise|~radicalize"],
    [1.5, "chuki dhidi ya|hate against|pamphlets|vijitabu|chemicals|fertiliser|fertilizer|~shukiwa kuwa"],
  ],
  gang_crime: [
    [4, "majambazi|jambazi|ujambazi|gengi|genge|magenge|gang|gangs|gangster*|robbery|robberies|mugging"],
    [4, "mugged|mugger*|carjack*|robbed|robber*|burglar*|burglary|pickpocket*|protection fee"],
    [3, "wahalifu|mhalifu|wezi|mwizi|wizi|thieves|thief|theft|thugs|thug|snatch*|~ibiwa|~iba|~ibia"],
    [3, "~porwa|~pora|~nyanganywa|~nyanganya|break in|broke into|broken into|~vunja duka|~vunja nyumba"],
    [2.5, "stole|stolen|steal*|gunpoint|~dungwa|~dunga|~dunga kisu|stab*|extort*|selling drugs|hijack*"],
    [3, "wasee wa panga|watu wa panga|vijana wa panga|bastola|wauzaji wa mihadarati"],
    [2.5, "wanauza bangi|wanauza mihadarati|drug dealer*|peddl*|ma gangster|ushuru wa gengi"],
    [1.5, "uhalifu|kisu|knife|knives|armed|silaha|bunduki|gun|guns|pistol|goons|criminal*|crime"],
    [1, "~vamia|~vamiwa|~vunja|~vunjwa|panga|mapanga|wasiojulikana|unknown people|drugs|bangi"],
    [1.5, "~katwa"],
    [0.5, "mihadarati|ushuru"],
  ],
  gbv: [
    [4, "~bakwa|~baka|rape|raped|rapist*|raping|defile*|~najisiwa|~najisi|unajisi|~keketwa|~kekete*"],
    [4, "ukeketaji|fgm|gbv|vawg|domestic violence|ukatili wa kijinsia|dhuluma za kijinsia|~rape"],
    [4, "sexual*|kingono|married off|early marriage|child marriage|ndoa ya mapema|ndoa za mapema"],
    [3.5, "~ozwa|~pachikwa mimba|sex|~defile*|tohara ya wasichana|jumbe za mapenzi|sleep with|~rapiwa"],
    [3.5, "~olewa|forced to marry|~olewa kwa lazima|violence ya nyumbani|ya nyumbani|catcalling"],
    [3, "ex wake|ex husband|ex wife|sexually abused|~abuse|abused|wajane|being cut"],
    [3, "mumewe|mkewe|bwana yake|bibi yake|mke wake|mume wake|mume|husband|wife|wives|wife beating"],
    [2.5, "boyfriend|dem yake|manzi yake|jamaa yake|mabwana zao|mabwana|trafficked|trafficking"],
    [2, "mimba|pregnan*|mjane|widow|maji moto|acid|~nyanyasa*|~dhalilishwa|mapenzi|school girl"],
    [1.5, "schoolgirl|msichana|wasichana|binti|mwanamke|wanawake|women|woman|girl|girls|dem|manzi"],
    [1.5, "bwana"],
    [1, "harass*|aibu|mke|girlfriend|insults me|~tukana|touching"],
    [0.5, "~dhulumu|~dhulumiwa"],
  ],
  police_misconduct: [
    [4, "extrajudicial|brutality|ipoa|police brutality|in custody|died in custody|mistaken identity"],
    [3.5, "hongo|rushwa|kitu kidogo|bribe|bribes|torture*|~teswa|without charge|bila warrant"],
    [3, "crackdown|roadblock|cells|custody|refused to record|hawataki kupokea|bila makosa|bila hatia"],
    [3, "asiye na hatia|bila kosa|innocent|unarmed|hakuwa na silaha|kizuizi cha polisi"],
    [2, "polisi|police|policeman|policemen|karao|makarao|sanse|askari|afande|officer|officers|ocs"],
    [2, "cop|cops|gsu|wasee wa bluu|mapolisi|polis|maafisa wa polisi|afisa wa polisi|maaskari"],
    [3, "by police|by the police|by officers|by an officer|by a police"],
    [2, "ob number|refused to|~kataa kuandika|~kataa kupokea|hawakuandika|wakisema ni|claimed he was"],
    [1.5, "~kamatwa|~kamata|arrest*|detain*|~dhulumu|~dhulumiwa|~fungia|~zuiliwa|harass*|~sumbua"],
  ],
  communal_conflict: [
    [4, "wezi wa ngombe|wizi wa ngombe|wizi wa mifugo|wezi wa mifugo|cattle rustl*|rustler*|rustling"],
    [4, "cattle raid*|raid ya ngombe|raiders|wavamizi|vita ya makabila|land dispute|mzozo wa ardhi"],
    [3, "kikabila|makabila|kabila|tribe|tribes|tribal|ethnic|jamii mbili|clan|clans|koo|ukoo|squatter*"],
    [3, "wafugaji|mfugaji|pastoralist*|herder*|herdsmen|grazing|malisho|pasture|boundary|mishale|arrows"],
    [3, "kulipiza kisasi|jamii nyingine|neighbouring community|other community|two communities"],
    [2, "ngombe|mifugo|livestock|cattle|ngamia|camels|wachungaji|ardhi|land|mpaka wa|kisasi|revenge"],
    [3, "jamii ingine|jamii ndogo|vijiji viwili|mgogoro wa mpaka|mipaka|manyatta|kaunti mbili"],
    [2, "uhasama|mvutano|clash*|mapigano|wakulima|jamii moja|jamii fulani|communities|jamii|boma"],
    [1, "shamba|mashamba|mbuzi|goats|tension|mchungaji|community|wahame|~hama|farmers|villages"],
  ],
  election_violence: [
    [4, "uchaguzi|election*|~chaguzi|wapiga kura|voter*|voting|polling|tallying|kampeni|campaign*"],
    [4, "kisiasa|politician*|mwanasiasa|wanasiasa|mgombea|wagombea|candidate*|aspirant*|madoadoa"],
    [4, "hate speech|lugha ya chuki|matamshi ya chuki|iebc|by election|returning officer|ballot*"],
    [3, "kura|vote|votes|~vote|rally|siasa|political|politics|mbunge|diwani|udiwani|wafuasi|supporters"],
    [3, "uchochezi|incite*|~chochea|wabara|wageni waondoke|vipeperushi|leaflets|results|matokeo"],
    [2, "vyama|maajenti|agent|agents|observers|intimidation|governor|gavana|senator|seneta|mca"],
    [1, "chama"],
    [1.5, "goons|waondoke|party|mp"],
  ],
  public_order: [
    [4, "mob justice|mob|mobs|lynch*|umati|wananchi wenye hasira|angry crowd|angry residents"],
    [4, "maandamano|~andamana|waandamanaji|protest*|demo|demos|demonstrat*|riot*|rioting|looting"],
    [3.5, "~choma mwizi|~chomwa mwizi|~ua mwizi|~maliza mwizi|suspected thief|accused of stealing"],
    [3.5, "mchawi|wachawi|uchawi|witch*|mshukiwa wa wizi|~funga barabara|barabara imefungwa"],
    [3, "crowd|vurugu|chaos|mgomo|strike|tyres|tires|magurudumu|tairi|~loot*|blocked the road"],
    [3, "~goma|marching|picket*|~susia"],
    [2, "march"],
    [2, "ghasia|fujo|~rusha mawe|stones|stoned|stoning|~pigana|fighting|vita|mawe|teargas"],
    [1, "vitoa machozi|~lalamikia"],
  ],
  service_delivery: [
    [4, "mitaro|mtaro|drainage|sewage|sewer*|potholes|pothole|murram|kplc|street lights|streetlights"],
    [4, "taa za barabarani|garbage|dampo|dumpsite|dispensary|zahanati|health centre|bowser|borehole"],
    [3, "stima|electricity|power|maji machafu|drain*|~ziba|taka|choo|vyoo|toilet*|daraja|bridge"],
    [3, "mkandarasi|contractor|irrigation|canal|madaktari|doctors|nurse|nurses|madarasa|classrooms"],
    [3, "transformer|manhole|footbridge|mfereji|bomba|pipes|pipe|kliniki|clinic|madawati|desks"],
    [2, "waya|wire|wires|vibanda|stalls|nguzo"],
    [2, "barabara|roads|road|taa|lights|giza|darkness|maji|water|kisima|tap"],
    [2, "dawa|drugs|medicine|vitanda|beds|paa|roof|leaks|please fix|fix|repair|~rekebisha"],
    [1, "soko|market|sokoni|shade|kivuko|ferry|levy|county|kaunti|broken|shule|school|hospitali|hospital"],
  ],
  other: [
    [4, "hakuna shida|hakuna noma|no problems|no problem|shwari|amani tu|all is well|iko poa"],
    [4, "tunashukuru|asante|asanteni|thank*|shukran|congratulations|hongera|good work"],
    [3.5, "fire brigade|moto umezuka|ajali|accident|overturned|~zama|drown*|cholera|malaria"],
    [3, "kitambulisho|nimepoteza|receipt|tournament|football|peace walk|sports day|semina|kws|tembo"],
    [
      3,
      "elephants|unemployment|rehab|kifusi|lost my|nimepoteza|hello|test|niaje|hippos|nyani|wanyamapori|clean up",
    ],
    [2.5, "mafuriko|floods|flooding|~furika|~zingirwa na maji|with the police"],
    [2.5, "~teketea|~ungua|moto unawaka|~waka moto"],
    [1.5, "collapsed|~anguka"],
    [2, "baraza|mabaraza|meeting|mkutano|training|mafunzo|nyumba kumi|namba|number|jobs"],
    [2, "moto|fire|missing|~potea|fishermen|wavuvi|mbu|neti|how do i|when is"],
    [1, "je|lini|naomba|kazi"],
  ],
};
