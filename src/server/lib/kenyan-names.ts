// Common Kenyan personal names: the one list the name masker trusts (intro-names.ts, after "my name
// is …" and before a phone number; mentioned-names.ts, a name mentioned in passing anywhere in the
// text). Written from general knowledge of names in use in Kenya, not from any labelled message:
// given names (Christian, Muslim, Swahili, traditional), surnames of the main communities, and Sheng
// nicknames. Lowercase. Names of national public figures that are mostly met as place or
// institution names (Moi, Kenyatta, Kibaki, Odinga, Uhuru, Raila) are left out on purpose.

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);

const GIVEN_NAMES = words(`
  grace mary jane faith mercy joy esther ruth sarah lucy ann anne agnes alice beatrice caroline catherine
  christine dorcas elizabeth eunice florence gladys hellen helen irene jackline jacqueline janet joyce
  judith lilian margaret martha milka nancy naomi pauline phyllis rose rosemary susan tabitha teresia
  teresa winnie zipporah rebecca rachel priscilla purity veronica vivian winfred wilkister sylvia stella
  violet mildred millicent monica josephine jennifer doris edith emily everlyne evelyn faith damaris
  diana dorothy consolata cecilia celestine brenda betty emmaculate immaculate loice lydia leah linda
  lucia mourine maureen mary magdalene miriam mirriam nelly norah peris pamela perpetua philomena
  risper roselyne salome scholastica sharon sheila tracy triza valentine wendy yvonne beth caro
  stacy stacey cynthia gloria lorna lynn lucky ivy joan joanne carol charity hope patience
  peter john james joseph paul david daniel samuel stephen michael moses brian kevin dennis collins victor
  george charles francis patrick anthony simon thomas andrew philip isaac jacob elijah eric felix geoffrey
  hezron josphat kennedy lawrence martin nicholas oscar richard robert timothy vincent wilson evans edwin
  benard bernard benson boniface cyrus duncan dominic edward elvis emmanuel ezekiel fredrick frederick
  gabriel gideon harrison henry ian jackson jared jeremiah jesse joel jonathan joshua josh julius justus
  kelvin kenneth laban lameck leonard luke mark mathew matthew maxwell meshack naftali nathan nelson
  noah obadiah paul phineas reuben silas solomon stanley sammy titus tobias walter wycliffe zachary
  abraham alex alfred allan amos augustine austin barack bonface caleb calvin cornelius denis derrick
  dickson douglas elias enock erick ernest festus fidel gilbert godfrey hillary humphrey isaiah jimmy
  job kepha levi lucas morris newton nixon peterson philemon raphael rodgers ronald sylvester teddy
  tom tony wesley wilfred willy zablon sospeter nahashon gerald
  mohamed mohammed muhammad hassan hussein ali abdi omar ibrahim yusuf said salim rashid bakari athman
  mwinyi abdul abdallah abdalla abdullahi ahmed ahmad khalid hamisi hamis issa musa suleiman sudi shaban
  ramadhan ramadhani rajab twaha idris ismail yasin hamza farah aden adan hussein mahmoud kassim
  halima fatuma fatma amina mwanaisha aisha khadija zainab salma rehema mwanajuma zuhura zuberi asha
  mariam maryam hawa saida habiba sofia safia nuru hadija rukia latifa fauzia zulekha hadiza
  juma baraka amani neema imani upendo zawadi furaha bahati tumaini subira rehema makena kagendo
  wanjiku wambui wanjiru njeri nyambura wairimu wangari muthoni njoki waithera wangui wanjugu wamboi
  nyokabi wanja nduta wacera wacuka wahu wambura wamuyu nyaguthii waceke gathoni gakii kaari makena
  kendi kathambi karimi nkatha gacheri mukami muthoni wangeci
  akinyi atieno achieng adhiambo awino anyango auma akoth apiyo aoko amondi anyango awuor akello
  chebet chepkoech jepkosgei jeptoo chepngeno jepchirchir chelangat cherono jerop chemutai chepkemoi
  nekesa nafula naliaka nasimiyu nanjala namalwa nabwire khisa
  mwende mueni ndinda mumbua ndanu kanini katunge mwikali syokau ndunge kalekye
  kadzo dama mwanaidi kahindi kazungu
  kwamboka moraa kerubo nyaboke kemunto bosibori nyanchama
  nasieku naserian nashipai sankau
`);

const SURNAMES = words(`
  kamau mwangi njoroge kariuki kimani maina ngugi githinji macharia kamande karanja kinyua gitau mugo
  waweru njuguna kinyanjui gachanja mburu muriuki wanyoike kiarie gichuru kibe thuo mbugua nganga
  ngang'a kuria irungu kagwe kahiga wachira wainaina muchiri gathogo mucheru murimi ndungu nderitu
  kiragu kihara mathenge githae muriithi wambugu waithaka gikonyo kabiru kibaara
  otieno odhiambo ochieng omondi onyango okoth owino ouma oduor opiyo okello ogola odero okumu ojwang
  ogutu omolo otiende oketch ochola okeyo oyugi obura oloo odongo oginga otieno nyongesa wandera
  juma wafula wekesa barasa simiyu wanyama wanjala khaemba makokha masinde wamalwa nasimiyu shikuku
  mukhwana wangila namwamba wesonga mulama khisa sifuna ongwae
  kiprop kipchoge kiprotich kibet kiptoo cheruiyot rotich koech langat mutai ruto kosgei kirui kiprono
  kipkemboi kipngetich kemboi tanui kimutai bett sang korir tuwei kiplagat biwott kiplimo kiptanui
  mutua musyoka mwendwa kyalo muthama mutiso mwanzia nzioka kioko mulwa muli musau kilonzo ndolo
  mbithi kitheka nzomo mutinda munyao mwololo wambua kasyoka
  nyamweya ondieki onchiri mogaka nyakundi obiri momanyi nyabuto mokaya ogeto moseti bosire nyangau
  ombati araka nyamboki
  murithi mwiti kirimi mugambi kinoti mutwiri gitonga kaberia muthuri kimathi
  kahindi kazungu katana baya karisa chai kenga ngala mwamburi charo mwakio mwadime mwatela
  mohamed hassan ali abdi omar noor farah aden hussein gedi mohamud warsame dahir jama
  ole sankale lesiamon parsitau saitoti lekishon kiserian letoluo ntimama
  ekai lokwang ekiru lomuria ewoi ekidor lokeno
  emuria okwara etyang ekesa opetu emaset otwani
  onyancha kipchumba wanyonyi nasike kirwa
`);

/** Sheng and street nicknames: what neighbours call each other in passing. */
const NICKNAMES = words(`
  kevo brayo stevo shiku omosh otis bazu shiro vero mercie jose josh dave davo mike mikey sammy
  fred freddy ken kenny nick nicko dan danny jeff jeffo wilfy willy tony vinny vin benji chris
  kim kimmy jojo bonnie wambo ciku nyash njesh wash fello brio kibe masha
  mwas mwash kamash mash ojwang oti odhis ochi njoro kare karis gitosh mainash wakesho
  cheb chero kip kibz kipsy sheru wairi nduts shish shix essy eshy lilo lily sue
  jim jimmy jimmo eddy eddie elvo felo frankie ray sammie wafu nyakio bobby bob
`);

/** Every name in the list: given names, surnames and nicknames. */
export const KENYAN_NAMES: ReadonlySet<string> = new Set([...GIVEN_NAMES, ...SURNAMES, ...NICKNAMES]);

/**
 * Names that are also ordinary English or Kiswahili words ("in good faith", "juma lililopita", "he
 * said", "bahati mbaya", "kaka yangu"). Such a word is taken for a name only when it is written as
 * one (capitalised, not at the start of a sentence) or stands beside another name ("Faith Wanjiru").
 */
export const NAMES_THAT_ARE_WORDS: ReadonlySet<string> = new Set(
  words(`
    grace faith mercy joy hope patience charity purity lucky rose ivy gloria mark will bill said
    baraka amani neema imani upendo zawadi furaha bahati tumaini subira rehema nuru asha
    juma kaka babu bob ray sue lily ken kim tom chai baya chris masha wash mash kip sang
    job levi sharon valentine stella teddy
    ole dama wahu bett jama noor sheikh issa musa mike dan
    mercie vin eddy hawa rukia ramadhan ramadhani shaban sudi mwende kanini katana
  `),
);

export const isKenyanName = (lowercase: string): boolean => KENYAN_NAMES.has(lowercase);
