"""Small built-in word lists for the entity step: places, titles, organisation
words and capitalised words that are never entities on their own.

The place list is deliberately short (countries, large cities, US states,
a few large provinces and regions); unknown places are found by context
("in X", "X-based").
"""

from __future__ import annotations

from typing import Final


def word_set(text: str) -> frozenset[str]:
    """A set from white-space separated words."""
    return frozenset(text.split())


def _set(text: str) -> frozenset[str]:
    return frozenset(line.strip() for line in text.split("|") if line.strip())


COUNTRIES: Final = _set(
    """Afghanistan|Albania|Algeria|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|
    Bahrain|Bangladesh|Belarus|Belgium|Bolivia|Bosnia|Brazil|Bulgaria|Cambodia|Cameroon|Canada|
    Chile|China|Colombia|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|
    Ecuador|Egypt|England|Estonia|Ethiopia|Finland|France|Georgia|Germany|Ghana|Greece|
    Guatemala|Haiti|Honduras|Hong Kong|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|
    Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Laos|Latvia|
    Lebanon|Libya|Lithuania|Luxembourg|Macau|Madagascar|Malaysia|Mali|Malta|Mexico|Moldova|
    Mongolia|Morocco|Mozambique|Myanmar|Namibia|Nepal|Netherlands|New Zealand|Nicaragua|Niger|
    Nigeria|North Korea|Northern Ireland|Norway|Oman|Pakistan|Palestine|Panama|Paraguay|Peru|
    Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia|Scotland|Senegal|
    Serbia|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|Spain|Sri Lanka|Sudan|
    Sweden|Switzerland|Syria|Taiwan|Tanzania|Thailand|Tunisia|Turkey|Uganda|Ukraine|
    United Arab Emirates|United Kingdom|United States|Uruguay|Uzbekistan|Venezuela|Vietnam|
    Wales|Yemen|Zambia|Zimbabwe|Britain|Great Britain|America|Korea|Holland|UK|US|USA|UAE|U.S.|U.K.|U.S.A.|
    Mainland China|Gaza|West Bank|Crimea|Tibet|Xinjiang"""
)

CITIES: Final = _set(
    """Abu Dhabi|Addis Ababa|Amsterdam|Ankara|Athens|Atlanta|Auckland|Baghdad|Bangalore|
    Bangkok|Barcelona|Beijing|Beirut|Belfast|Berlin|Birmingham|Bogota|Boston|Brussels|
    Bucharest|Budapest|Buenos Aires|Cairo|Calcutta|Cape Town|Caracas|Chennai|Chicago|
    Chongqing|Copenhagen|Dallas|Damascus|Delhi|Detroit|Dhaka|Doha|Dubai|Dublin|Edinburgh|
    Frankfurt|Geneva|Glasgow|Guangzhou|Hamburg|Hangzhou|Hanoi|Havana|Helsinki|Ho Chi Minh City|
    Houston|Istanbul|Jakarta|Jerusalem|Johannesburg|Kabul|Karachi|Kiev|Kyiv|Kolkata|
    Kuala Lumpur|Lagos|Lahore|Las Vegas|Leeds|Lima|Lisbon|Liverpool|London|Los Angeles|Madrid|
    Manchester|Manila|Melbourne|Miami|Milan|Minsk|Montreal|Moscow|Mumbai|Munich|Nairobi|
    Nanjing|New Delhi|New York|New York City|Osaka|Oslo|Ottawa|Paris|Philadelphia|Prague|
    Pyongyang|Rio de Janeiro|Riyadh|Rome|San Francisco|Santiago|Sao Paulo|Seattle|Seoul|
    Shanghai|Shenzhen|Stockholm|Sydney|Taipei|Tehran|Tel Aviv|Tianjin|Tokyo|Toronto|Vancouver|
    Vienna|Warsaw|Washington|Wellington|Wuhan|Zurich|Silicon Valley|Wall Street|Westminster|
    Downing Street|Hollywood|Brooklyn|Manhattan|Kowloon|Shenzhen|Chengdu|Xian|Xi'an|Suzhou"""
)

REGIONS: Final = _set(
    """Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|
    Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|
    Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|
    New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|
    South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|
    Wyoming|Ontario|Quebec|British Columbia|Alberta|Bavaria|Catalonia|Guangdong|Zhejiang|
    Jiangsu|Fujian|Sichuan|Hubei|Henan|Shandong|Yunnan|Hainan|Inner Mongolia|Europe|Asia|Africa|
    Middle East|Latin America|South America|North America|Central America|Southeast Asia|
    East Asia|South Asia|Central Asia|Eastern Europe|Western Europe|Scandinavia|Balkans|
    Caribbean|Pacific|Atlantic|Arctic|Antarctica|Mediterranean|Gulf|Asia-Pacific|Indo-Pacific|
    Kashmir|Siberia|Bavaria|Sahara"""
)

PLACES: Final = COUNTRIES | CITIES | REGIONS

#: Industry head words: "Acme Electronics", "Northern Grid" are firms; alone
#: they are common nouns (also in ``GENERIC``).
INDUSTRY_WORDS: Final = _set(
    """Electronics|Grid|Utilities|Railway|Railways|Telecoms|Telecommunications|Pharmaceutical|
    Chemicals|Mining|Logistics|Automotive|Aerospace|Biotech|Therapeutics|Semiconductors|
    Instruments|Properties|Hotels|Resorts|Supermarkets|Brands|Solutions|Devices|Airline|
    Foods|Beverages|Brewing|Shipping|Petrochemical"""
)

#: Words that make a capitalised span an organisation wherever they appear in it.
ORG_WORDS: Final = (
    _set(
        """Group|Holding|Holdings|Inc|Incorporated|Corp|Corporation|Co|Company|Companies|Ltd|
    Limited|Plc|PLC|LLC|LLP|AG|SA|NV|GmbH|Bank|Banks|University|College|School|Institute|
    Institution|Academy|Ministry|Department|Agency|Administration|Authority|Commission|
    Committee|Council|Bureau|Office|Board|Service|Services|Association|Federation|Union|
    League|Foundation|Fund|Trust|Society|Party|Parliament|Congress|Senate|Assembly|Court|
    Tribunal|Police|Army|Navy|Force|Forces|Guard|Technologies|Technology|Systems|Networks|
    Labs|Laboratories|Partners|Capital|Ventures|Advisors|Advisers|Management|Securities|
    Investments|Investment|Insurance|Exchange|Airlines|Airways|Motors|Pharmaceuticals|
    Industries|Enterprises|Media|News|Times|Post|Journal|Herald|Telegraph|Gazette|Tribune|
    Broadcasting|Television|Radio|Records|Studios|Entertainment|Communications|Telecom|
    Platforms|Club|FC|United|Hospital|Clinic|Center|Centre|Museum|Organisation|
    Organization|Reserve|Treasury|Cabinet|Commerce|Council|Chamber|Finance|Energy|Electric|
    Petroleum|Oil|Motor|Semiconductor|Software|Robotics|Pharma|Bancorp|Financial|Consulting|
    Research|AI|Magazine|Productions|Pictures|Studio|Press|Books|Publishing|Airport|
    Stadium|Coalition|Alliance|Campaign|Corps|Agency|Unit|Division|Brigade|Regiment"""
    )
    | INDUSTRY_WORDS
)

#: Corporate-form words: "Alibaba Group Holding" and "Alibaba" are the same firm.
ORG_SUFFIXES: Final = _set(
    """Group|Holding|Holdings|Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|Plc|
    PLC|LLC|LLP|AG|SA|NV|GmbH|Technologies|Technology|Platforms|Platform|International|
    Global|Systems|Networks|Communications|Industries|Enterprises|Labs|Motors|Airlines|
    Electronics"""
)

#: Lower-case nouns that, right before or in apposition to a name, mark an organisation.
ORG_NOUNS: Final = _set(
    """company|firm|giant|startup|start-up|group|conglomerate|maker|chipmaker|
    carmaker|automaker|developer|lender|bank|insurer|retailer|broadcaster|newspaper|outlet|
    agency|regulator|operator|carrier|platform|publisher|subsidiary|
    consultancy|brand|manufacturer|supplier|provider|airline|party|
    organisation|organization|institute|university|exchange|tabloid|daily|channel"""
)

#: Titles before a name (compared with the trailing dot removed).
TITLES: Final = _set(
    """Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|President|Vice|Premier|Prime|
    Minister|Secretary|Chancellor|Chairman|Chairwoman|Chair|Chief|Executive|CEO|CFO|CTO|COO|
    Director|Governor|Gov|Senator|Sen|Rep|Representative|Congressman|Congresswoman|Mayor|Judge|
    Justice|General|Gen|Colonel|Col|Lt|Lieutenant|Captain|Capt|Major|Admiral|Sergeant|Sgt|
    Commander|King|Queen|Prince|Princess|Pope|Cardinal|Bishop|Archbishop|Rev|Reverend|Father|
    Ambassador|Commissioner|Spokesman|Spokeswoman|Spokesperson|Founder|Co-founder|MP|MEP|
    Deputy|Speaker|Leader|Coach|Manager|Emperor|Sheikh|Ayatollah|Rabbi|Imam|Detective|Officer|
    Inspector|Superintendent|Chairperson|Treasurer|Attorney|Solicitor|Auditor|Controller|
    Producer|Presenter|Host|Author|Writer|Analyst|Economist|Actor|Actress|Singer|Striker|
    Midfielder|Defender|Goalkeeper|Boss|Manager|Skipper|Coach|Chef|Designer|Councillor|Councilman"""
)

#: Lower-case role words: "analyst Jane Doe", "Jane Doe, a professor at ...".
ROLE_WORDS: Final = _set(
    """president|chairman|chairwoman|chair|chief|executive|ceo|cfo|cto|founder|co-founder|
    cofounder|director|analyst|economist|professor|researcher|scientist|spokesman|spokeswoman|
    spokesperson|minister|secretary|senator|governor|mayor|lawyer|attorney|partner|head|
    manager|investor|editor|reporter|correspondent|author|writer|official|adviser|advisor|
    consultant|strategist|leader|member|deputy|vice|former|senior|general|managing|
    ambassador|commissioner|candidate|judge|coach|player|striker|singer|actor|actress|
    director-general|boss|chancellor|premier|king|queen|prince|princess|fellow|lecturer|
    student|engineer|entrepreneur|billionaire|veteran|colleague|co-chair|mp|counsel|
    inspector|officer|captain|capitalist|financier|banker|midfielder|defender|goalkeeper|star|champion"""
)

SPEECH_VERBS: Final = _set(
    """said|says|say|told|tells|added|adds|argued|argues|explained|explains|noted|notes|
    stated|states|warned|warns|wrote|writes|asked|asks|insisted|insists|claimed|claims|
    believes|believed|thinks|thought|announced|announces|acknowledged|admitted|recalled|
    replied|responded|suggested|suggests|continued|concluded|emphasised|emphasized|
    stressed|observed|remarked|predicted|estimated|urged|cautioned|commented|declared"""
)

MONTHS: Final = _set(
    """January|February|March|April|May|June|July|August|September|October|November|
    December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"""
)
WEEKDAYS: Final = _set(
    """Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|
    Thurs|Fri|Sat|Sun"""
)

#: Nationality and group adjectives: capitalised but never entities by themselves.
DEMONYMS: Final = _set(
    """American|British|Chinese|Japanese|Korean|Taiwanese|Indian|Russian|French|German|
    Italian|Spanish|Portuguese|Dutch|Swiss|Swedish|Norwegian|Danish|Finnish|Irish|Scottish|
    Welsh|English|European|Asian|African|Australian|Canadian|Mexican|Brazilian|Argentine|
    Israeli|Palestinian|Iranian|Iraqi|Syrian|Turkish|Egyptian|Saudi|Emirati|Pakistani|
    Afghan|Ukrainian|Polish|Greek|Vietnamese|Thai|Malaysian|Indonesian|Filipino|Singaporean|
    Nigerian|Kenyan|Ethiopian|Western|Eastern|Northern|Southern|Arab|Muslim|Christian|Jewish|
    Catholic|Protestant|Buddhist|Hindu|Democrat|Democrats|Republican|Republicans|Labour|Tory|
    Tories|Conservative|Conservatives|Liberal|Liberals|Communist|Mandarin|Cantonese|Latino|
    Hispanic|Asian-American|African-American|Anglo|Nordic|Baltic|Slavic|Hongkonger|
    Hongkongers|Beijinger|Mainland|Democratic|Spaniard|Spaniards|Arabian|Latin American|
    Briton|Britons|Scot|Scots|Frenchman|Dutchman|Kiwi|Aussie|Yank|Yankee"""
)

#: Capitalised words and phrases that are not entities on their own.
GENERIC: Final = (
    _set(
        """Internet|Web|Government|State|States|Parliament|Cabinet|Congress|Senate|Court|Police|
    Army|Navy|Company|Group|Bank|University|Ministry|Department|Office|Board|Committee|
    Council|Commission|Agency|Administration|Authority|Bureau|Service|President|Chairman|
    Minister|Secretary|Chief|Executive|Director|Governor|Mayor|Premier|Prime|CEO|Big Tech|
    Tech|AI|Artificial Intelligence|Generative AI|God|Prize|Award|Awards|Act|Bill|Law|Plan|
    Budget|Report|Index|Section|Chapter|Page|Figure|Table|Part|Article|Story|Update|Updated|
    Breaking|Exclusive|Analysis|Opinion|Editorial|Comment|Review|Photo|Video|Image|Source|
    Sources|Read|More|Click|Share|Subscribe|Advertisement|Note|Editor|Editors|OK|Yes|No|
    Please|Thanks|Mr|Mrs|Ms|Dr|Sir|Madam|Lord|Lady|Earth|Moon|Sun|Christmas|Easter|
    New Year|Ramadan|Olympics|World Cup|Champions|Cup|League|Premiership|Championship|
    Final|Finals|Round|Stage|Test|Tests|Grand Slam|Open|Tour|Games|Series|Season|Team|
    North|South|East|West|Central|Cold War|World War|Second World War|First World War|
    Covid|Covid-19|COVID-19|Coronavirus|GPT|ChatGPT|Windows|City|Town|Village|Street|Hall|
    Capitol|White House|Election Day|Mother|Dad|Mum|Mom|Father"""
    )
    | INDUSTRY_WORDS
)

#: All-caps abbreviations that are common nouns, not names.
GENERIC_ACRONYMS: Final = _set(
    """AI|CEO|CFO|CTO|COO|CIO|IPO|GDP|LLM|LLMs|GPU|GPUs|CPU|CPUs|PC|PCs|TV|VC|VCs|PR|HR|IT|
    OK|AM|PM|FAQ|FAQs|DNA|RNA|PhD|MP|MPs|MEP|EV|EVs|API|APIs|SUV|SUVs|ID|IDs|CD|CDs|DVD|DVDs|
    UFO|ATM|ATMs|HIV|AIDS|VAT|NGO|NGOs|CCTV|SMS|USB|URL|PDF|HQ|R&D|M&A|Q1|Q2|Q3|Q4|AR|VR|
    IoT|SaaS|B2B|B2C|ETF|ETFs|ESG|CO2|GMT|BST|EST|PST|UTC|AGM|ICU|A&E|MRI|GP|GPs|ISP|ISPs|
    GMV|EBIT|EBITA|EBITDA|EPS|ROI|YoY|CAGR|ARPU|P&L|KPI|KPIs|CEOs|IPOs|LLC"""
)

#: Words that end a place name: "Broad Street", "Hyde Park", "Lake Geneva".
PLACE_WORDS: Final = _set(
    """Street|St|Road|Rd|Avenue|Ave|Square|Boulevard|Lane|Bridge|River|Lake|Mountain|Mountains|
    Island|Islands|Valley|Bay|Coast|County|Province|Prefecture|District|Park|Strait|Sea|Ocean|
    Peninsula|Canal|Desert|Heights|Hills|Beach|Harbour|Harbor"""
)

#: Nouns after a name (or its possessive) that show it is an organisation:
#: "Sony's profits", "Arsenal boss", "Acme shares".
ORG_AFTER: Final = _set(
    """shares|stock|stocks|shareholders|investors|profits|profit|revenue|revenues|sales|
    earnings|subsidiary|division|executives|employees|staff|workers|boss|ceo|chairman|
    board|headquarters|customers|subscribers|products|
    brand|unit|factory|factories|plant|stores|share"""
)

#: Common given names: a capitalised pair starting with one is a person.
GIVEN_NAMES: Final = _set(
    """Aaron|Adam|Adrian|Ahmed|Alan|Albert|Alex|Alexander|Alexandra|Ali|Alice|Alison|Amanda|Amy|
    Andrea|Andrew|Andy|Angela|Ann|Anna|Anne|Anthony|Antonio|Arnold|Arthur|Barack|Barbara|Ben|
    Benjamin|Bernard|Bernie|Bill|Bob|Boris|Brad|Brian|Bruce|Carl|Carlos|Caroline|Catherine|
    Charles|Charlie|Chris|Christian|Christina|Christine|Christopher|Claire|Colin|Craig|Dan|
    Daniel|Daniela|David|Deborah|Dennis|Diana|Donald|Doug|Douglas|Ed|Eddie|Edward|Elizabeth|
    Ellen|Emily|Emma|Eric|Frank|Fred|Gary|Gavin|George|Gordon|Graham|Greg|Harry|Heather|Helen|
    Henry|Hillary|Hugh|Ian|Jack|Jacob|James|Jamie|Jane|Janet|Jason|Jean|Jeff|Jeffrey|Jennifer|
    Jenny|Jeremy|Jerry|Jessica|Jim|Jimmy|Joan|Joe|Joel|John|Johnny|Jon|Jonathan|Jose|Joseph|
    Josh|Juan|Julia|Julie|Justin|Karen|Kate|Katherine|Kathleen|Keith|Kelly|Ken|Kevin|Kim|
    Larry|Laura|Lee|Linda|Lisa|Louis|Lucy|Luis|Maria|Mark|Martin|Mary|Matt|Matthew|Max|
    Megan|Melissa|Michael|Michelle|Mike|Mohammed|Muhammad|Nancy|Neil|Nick|Nicholas|Nicola|
    Nicolai|Olivia|Oliver|Pat|Patricia|Patrick|Paul|Peter|Phil|Philip|Rachel|Ralph|Ray|
    Rebecca|Richard|Rick|Rob|Robert|Robin|Roger|Ron|Ronald|Rose|Roy|Ruth|Ryan|Sally|Sam|
    Samantha|Samuel|Sarah|Scott|Sean|Sergei|Simon|Sophie|Stephen|Steve|Steven|Stuart|Sue|
    Susan|Ted|Terry|Thomas|Tim|Timothy|Tom|Tony|Victoria|Vladimir|Walter|Wayne|William|Xavier|
    Yuri|Zoe|Abdul|Akira|Alain|Angelina|Carmen|Dmitry|Elena|Emmanuel|Fatima|Francois|Giovanni|
    Hans|Hiroshi|Igor|Ivan|Jacques|Klaus|Manuel|Marco|Marie|Mario|Miguel|Olga|Pablo|Pierre|
    Rahul|Raj|Sanjay|Sofia|Stefan|Takashi|Wolfgang|Yoshi|Kamala|Mitt|Marco|Rudy|Newt|Jeb|
    Chelsea|Gina|Jay|Kai|Rui|Jack|Kevin|Eddie|Daniel|Robin|Tony|Gordon|Arsene|Jose|Mel|Sven"""
)
