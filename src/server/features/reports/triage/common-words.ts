/**
 * Everyday words that are also the names of wards or localities ("Kwa", "Madogo", "Sokoni",
 * "Hospital", "Salama", "Wangu", "Kuku", "Marungu"). A place whose whole name is one of these is only
 * taken when the text marks it as a place ("kata ya sokoni", "hospital ward") or names another place
 * in the same sub-county. Lexicon words (police, gang, etc.) are treated the same way by the place index.
 */
const SWAHILI =
  "na kwa ya wa za la cha vya ni si kuna hakuna iko yuko wako ako tuko mko hapa pale huko hapo huku " +
  "sasa hivi leo jana kesho usiku asubuhi mchana jioni saa wiki mwezi mwaka siku tena pia lakini " +
  "ama au kama bila tu sana kila moja mbili tatu nne tano mmoja wawili watatu wengi mwingi wingi " +
  "mimi wewe yeye sisi nyinyi wao yangu wangu wako wake wetu wenu wao yetu yenu yao changu chetu " +
  "huyu hawa hii hizi hiyo hizo hilo yule wale ile zile kule mtu watu kitu vitu mahali nyumba " +
  "nyumbani mtaa mtaani kijiji kijijini mji mjini soko sokoni shule shuleni kanisa msikiti barabara " +
  "njia stage mama baba mtoto watoto kijana vijana mzee wazee dada kaka rafiki jirani majirani " +
  "salama amani shida tatizo msaada haraka polepole vizuri mbaya nzuri kubwa ndogo mdogo madogo " +
  "kuku mbuzi ngombe maji moto chakula pesa kazi biashara mali duka maduka gari magari pikipiki " +
  "mara marungu rungu kisu panga mawe damu mwili kichwa mkono mguu hospitali zahanati dawa " +
  "manyatta boma shamba mashamba mto ziwa bahari pwani bara juu chini kati katikati ndani nje karibu " +
  "mbali mbele nyuma kushoto kulia mwisho mwanzo kwanza baada kabla tangu hadi mpaka kuhusu sababu " +
  "mkubwa wakubwa mpya zamani kesi ripoti polisi askari chifu serikali kaunti wadi kata eneo " +
  "wote yote zote kote njia mahindi milango mlango maziwa ndizi viazi nyama samaki mboga unga " +
  "mvua jua upepo giza mwanga taa stima mashine nyuki miti mti mlima milima bonde kisima visima " +
  "kanisani msikitini shambani mtoni bondeni mabatini mjengo majengo huruma rehema baraka neema " +
  "furaha tumaini upendo imani uhuru umoja jamhuri kenya nairobi kati kaskazini kusini mashariki magharibi";
const SHENG =
  "wasee msee beste mabeste manze maze mathee mresh dem manzi madem dogo madogo doo mbao ganji " +
  "karao sanse base mtaa noma poa fiti sare sawa ndio bana buda budaa ocha mtaani kuna ni nini";
const ENGLISH =
  "the a an and or but of to in on at by for with from into near next over under this that these " +
  "those there here now today yesterday tonight tomorrow morning evening night day week month year " +
  "people man men woman women boy boys girl girls child children youth youths police officer " +
  "officers home house houses road roads street market school church mosque hospital clinic station " +
  "town city village estate area ward county centre center stage junction bridge river farm farms " +
  "shop shops water fire help please thanks good bad big small new old central township airport " +
  "industrial stadium railway harbour port airstrip bus park garden gardens hill hills valley view " +
  "lake beach mission camp site plot plots line lines phase section block london";

/** Words that introduce or follow a place name and so vouch for a weak name next to them. */
export const PLACE_MARKERS: ReadonlySet<string> = new Set(
  "ward wadi kata estate mtaa village kijiji location lokesheni sub county sublocation constituency eneo area".split(
    " ",
  ),
);

export const COMMON_WORDS: ReadonlySet<string> = new Set(`${SWAHILI} ${SHENG} ${ENGLISH}`.split(/\s+/));
