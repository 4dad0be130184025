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
    Platforms|Club|FC|United|Hospital|Clinic|Center|Centre|Centers|Centres|Museum|Organisation|
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
    organisation|organization|institute|university|exchange|tabloid|daily|channel|
    magazine|weekly|paper|website|network|club|team|union|charity|label|studio|band"""
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
    Briton|Britons|Scot|Scots|Frenchman|Dutchman|Kiwi|Aussie|Yank|Yankee|Texan|Texans|
    Californian|Californians|New Yorker|New Yorkers|Londoner|Londoners|Parisian|Muscovite"""
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
    New Year|Ramadan|Olympics|Olympic|Paralympic|World Cup|Champions|Cup|League|Premiership|Championship|
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
    GMV|EBIT|EBITA|EBITDA|EPS|ROI|YoY|CAGR|ARPU|P&L|KPI|KPIs|CEOs|IPOs|LLC|PE|TV.|T.V.|WTF|LOL|OMG"""
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
    brand|unit|factory|factories|plant|stores|share|manager|coach|striker|midfielder|
    defender|goalkeeper|players|newspaper|website|app|users|network"""
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

#: More towns and cities (news datelines and "in X"): large cities by region,
#: US cities, British and Irish towns. Names that are also common given names,
#: family names or words ("Florence", "Bolton", "Reading") are left out.
MORE_CITIES: Final = _set(
    """Aberdeen|Adelaide|Albuquerque|Alexandria|Algiers|Almaty|Amman|Anchorage|Antwerp|
    Astana|Baku|Baltimore|Basra|Belgrade|Benghazi|Bern|Bilbao|Blackpool|Bordeaux|
    Bournemouth|Bratislava|Brighton|Brisbane|Bristol|Calgary|Cambridge|
    Canberra|Cardiff|Casablanca|Cincinnati|Cleveland|Colombo|Cork|Coventry|
    Dakar|Dar es Salaam|Denver|Des Moines|Donetsk|Dresden|Dundee|Durban|
    Dusseldorf|Edmonton|El Paso|Exeter|Fallujah|Fort Worth|Fukushima|Gdansk|Genoa|
    Gothenburg|Guadalajara|Halifax|Harare|Hebron|Hiroshima|Honolulu|Hyderabad|
    Indianapolis|Inverness|Islamabad|Jacksonville|Jeddah|Kampala|Kandahar|Kansas City|
    Kathmandu|Kharkiv|Khartoum|Kigali|Kinshasa|Kobe|Krakow|Kyoto|Leicester|Leipzig|Lhasa|
    Lille|Luanda|Lviv|Lyon|Manama|Mandalay|Marseille|Mecca|Medina|Memphis|Mexico City|
    Milwaukee|Minneapolis|Mogadishu|Monaco|Montevideo|Mosul|Nagasaki|Naples|Nashville|
    New Orleans|Newcastle|Nice|Norwich|Nottingham|Novosibirsk|Oakland|Odesa|Odessa|
    Oklahoma City|Omaha|Orlando|Oxford|Palermo|Perth|Peshawar|Phnom Penh|Pittsburgh|
    Plymouth|Portland|Porto|Portsmouth|Pretoria|Quito|Rabat|Rangoon|Raqqa|Reykjavik|
    Riga|Rotterdam|Sacramento|Salt Lake City|San Antonio|San Diego|San Jose|Sarajevo|Seville|
    Sheffield|Skopje|Southampton|St Louis|St Petersburg|Strasbourg|Stuttgart|Swansea|
    Tallinn|Tampa|Tashkent|Tbilisi|Tijuana|Tirana|Toulouse|Tripoli|Tucson|Tulsa|Turin|Tunis|
    Utrecht|Valencia|Venice|Vilnius|Vladivostok|Yangon|Yerevan|Yokohama|Zagreb|Mombasa|
    Aleppo|Homs|Idlib|Kirkuk|Ramallah|Sderot|Haifa|Eilat|Nablus|Jenin|Rafah|Khan Younis|
    Kherson|Mariupol|Zaporizhzhia|Dnipro|Bakhmut|Sevastopol|Minsk|Chisinau|Marrakesh|
    Calais|Cannes|Grenoble|Nantes|Rennes|York|Luton|Wolverhampton|Sunderland|
    Middlesbrough|Stoke|Salford|Gateshead|Limerick|Galway|Derry|Londonderry|
    Birmingham|Ipswich|Peterborough|Slough|Wigan|Blackburn|
    Shrewsbury|Hereford|Worcester|Gloucester|Cheltenham|Swindon|
    Canterbury|Maidstone|Chelmsford|Colchester|Harlow|Basildon|Croydon|Brixton|Hackney|
    Islington|Camden|Greenwich|Wembley|Wimbledon|Heathrow|Gatwick|Stansted"""
)

#: US state and other region abbreviations as datelines write them ("McAllen, Calif.").
#: Ambiguous ones ("Miss", "Mass", "Wash", "Ind", "La") are left out.
REGION_ABBREVIATIONS: Final = word_set(
    "Calif Fla Ariz Colo Conn Minn Mich Okla Tenn Wis Wisc Nev Penn Ore Ala Ark Neb Kan "
    "Kans Ky Md Mont Tex Vt Wyo N.Y. N.J. N.C. S.C. N.D. S.D. N.M. N.H. D.C. W.Va Va"
)

#: More regions, islands and areas.
MORE_REGIONS: Final = _set(
    """Cumbria|Yorkshire|Lancashire|Kent|Essex|Surrey|Sussex|Devon|Cornwall|Norfolk|Suffolk|
    Somerset|Dorset|Hampshire|Merseyside|Tyneside|Midlands|West Midlands|East Anglia|
    Highlands|Ulster|Anglesey|Gwynedd|Fife|Lothian|Donbas|Donbass|Luhansk|Crimea|Chechnya|
    Dagestan|Kurdistan|Darfur|Sahel|Punjab|Bengal|Kerala|Gujarat|Maharashtra|Tamil Nadu|
    Balochistan|Sindh|Hokkaido|Okinawa|Borneo|Sumatra|Java|Bali|Mindanao|Luzon|Tasmania|
    Queensland|New South Wales|Patagonia|Amazonia|Andalusia|Galicia|Flanders|
    Wallonia|Lombardy|Tuscany|Sicily|Sardinia|Corsica|Brittany|Normandy|Provence|Alsace|
    Saxony|Silesia|Transylvania|Siberia|Golan Heights|Sinai|Negev|Gaza Strip|Greenland|
    Bahamas|Barbados|Bermuda|Fiji|Maldives|Mauritius|Seychelles|Puerto Rico|Guam|Hawaii|
    Riviera|Cote d'Azur|Alps|Himalayas|Andes|Rockies|Appalachia|Midwest|Deep South|
    Bay Area|Long Island|Staten Island|Bronx|Queens|Harlem|Capitol Hill|Whitehall|
    Persian Gulf|Red Sea|Black Sea|Baltic Sea|North Sea|South China Sea|East China Sea|
    Taiwan Strait|Korean Peninsula|Horn of Africa|Sub-Saharan Africa|West Africa|
    East Africa|North Africa|Southern Africa|Central Africa|Arabian Peninsula|Levant|Caucasus|
    Bosnia and Herzegovina|Trinidad and Tobago|Papua New Guinea|Sierra Leone|Liberia|Guinea|
    Burkina Faso|Chad|Benin|Togo|Gabon|Eritrea|Djibouti|South Sudan|Botswana|Lesotho|Malawi|
    Burundi|Kyrgyzstan|Tajikistan|Turkmenistan|Bhutan|Brunei|East Timor|Timor-Leste|
    North Macedonia|Macedonia|Montenegro|Liechtenstein|Andorra|San Marino|Vatican|
    Dominican Republic|El Salvador|Belize|Guyana|Suriname|Western Sahara|Somaliland"""
)

#: Well-known organisations whose names carry no organisation word: large firms,
#: news outlets, international bodies, armed groups, government bodies known by
#: one word, and large sports clubs.
KNOWN_ORGS: Final = _set(
    """Google|Alphabet|Apple|Amazon|Microsoft|Facebook|Instagram|WhatsApp|Twitter|YouTube|
    TikTok|Snapchat|LinkedIn|Netflix|Spotify|Nvidia|Intel|AMD|Qualcomm|Samsung|Sony|Huawei|
    Tencent|Baidu|Alibaba|ByteDance|Xiaomi|Lenovo|Foxconn|TSMC|Uber|Lyft|Airbnb|Tesla|
    SpaceX|Meta|OpenAI|Anthropic|DeepMind|Oracle|Cisco|IBM|Adobe|Salesforce|PayPal|eBay|
    Yahoo|Reddit|Pinterest|Zoom|Dell|HP|Nokia|Ericsson|Siemens|Philips|Bosch|Boeing|Airbus|
    Lockheed Martin|Raytheon|Walmart|Costco|Target|Tesco|Sainsbury's|Asda|Aldi|Lidl|IKEA|Ikea|
    Starbucks|McDonald's|Nike|Adidas|Toyota|Honda|Nissan|Hyundai|Volkswagen|BMW|Audi|
    Mercedes|Mercedes-Benz|Ferrari|Renault|Peugeot|Fiat|Volvo|Pfizer|Moderna|AstraZeneca|
    BioNTech|Novartis|Roche|Bayer|GlaxoSmithKline|GSK|Unilever|Nestle|Nestlé|Danone|
    ExxonMobil|Exxon|Chevron|Shell|BP|Aramco|Gazprom|Rosneft|TotalEnergies|Glencore|
    Barclays|HSBC|Lloyds|NatWest|Santander|Citigroup|Citi|JPMorgan|JP Morgan|Goldman Sachs|
    Morgan Stanley|Merrill Lynch|Lehman Brothers|BlackRock|Vanguard|Berkshire Hathaway|
    Deutsche Bank|UBS|Credit Suisse|Nasdaq|Visa|Mastercard|Reuters|Bloomberg News|AFP|
    BBC|CNN|NPR|PBS|ABC|NBC|CBS|MSNBC|CNBC|ESPN|HBO|Fox News|Sky News|Sky Sports|ITV|
    Channel 4|Al Jazeera|Politico|Axios|Breitbart|Buzzfeed|BuzzFeed|Vox|Slate|Variety|
    Guardian|Observer|Telegraph|Spectator|Daily Mail|Daily Mirror|
    Newsweek|Forbes|Fortune|Wired|Xinhua|Tass|TASS|Interfax|Yonhap|Kyodo|Le Monde|Der Spiegel|
    Nato|NATO|UN|U.N.|EU|E.U.|WHO|IMF|OPEC|Opec|Interpol|Europol|Unicef|UNICEF|Unesco|UNESCO|
    UNHCR|WTO|OECD|Asean|ASEAN|G7|G20|Fifa|FIFA|Uefa|UEFA|IOC|IAEA|ICC|Red Cross|
    Red Crescent|Amnesty|Amnesty International|Human Rights Watch|Greenpeace|Oxfam|
    Medecins Sans Frontieres|MSF|Save the Children|Hamas|Hezbollah|Taliban|al-Qaeda|
    al-Shabab|Boko Haram|Isis|ISIS|ISIL|Isil|Islamic State|Daesh|Houthis|Wagner|FBI|CIA|NSA|
    Pentagon|Kremlin|Fed|Ofcom|Ofgem|Ofsted|Ofwat|NHS|MI5|MI6|GCHQ|Scotland Yard|
    Commons|Lords|House of Commons|House of Lords|Stormont|Holyrood|Bundestag|Duma|Knesset|
    Politburo|Eurostat|Airbnb|Arsenal|Chelsea FC|Manchester United|Manchester City|
    Man Utd|Man City|Liverpool FC|Tottenham|Tottenham Hotspur|Spurs|Everton|Aston Villa|
    Newcastle United|West Ham|Leeds United|Celtic|Rangers|Real Madrid|Atletico Madrid|
    Barcelona FC|Bayern Munich|Borussia Dortmund|Juventus|Inter Milan|AC Milan|Napoli|
    Paris Saint-Germain|PSG|Ajax|Benfica|Porto FC|FC Porto|Lakers|Yankees|Red Sox|
    Democratic Party|Republican Party|GOP|SNP|Sinn Fein|Ukip|UKIP|DUP|Plaid Cymru|
    Lib Dem|Lib Dems|Liberal Democrats|Conservative Party|Labour Party|Green Party|Tory Party|
    New Labour"""
)

#: Head words that end the name of an event, a law, a prize or a work: "Energy Act",
#: "Davis Cup", "Bastille Day" are neither organisations nor places.
EVENT_WORDS: Final = _set(
    """Act|Acts|Bill|Amendment|Treaty|Accord|Accords|Agreement|Convention|Declaration|
    Protocol|Charter|Directive|Cup|Trophy|Prize|Award|Awards|Medal|Olympics|Paralympics|
    Games|Championship|Championships|Open|Grand Prix|Marathon|Festival|Day|Week|War|
    Revolution|Crisis|Scandal|Summit|Conference|Show|Series|Tour|Derby|Classic|Bowl|
    Election|Elections|Referendum|Budget|Plan|Strategy|Doctrine|Initiative|Programme|
    Insurance|Credit|Allowance|Pension|Tax|Duty|Index|Prerogative|Address"""
)

#: Nouns after a name that show it is a work: "the Today programme", "the Dune film".
WORK_AFTER: Final = word_set(
    "programme program show series film movie book novel album song documentary podcast"
)

#: Common first names by sex (as far as the name shows it), for person cues, the
#: entity's gender and whom "he"/"she" can mean (``name_gender``). Names common to
#: both sexes (Pat, Jan, Jordan) or to places (Austin, Madison) are in neither.
MALE_NAMES: Final = word_set(
    """Aaron Abdul Abdullah Adam Adrian Ahmed Ahmad Alan Albert Alberto Alejandro Alex
    Alexander Alexei Alexey Alfred Ali Alistair Amir Anders Andre Andrei Andrew Andrey Andy
    Angus Anthony Antoine Anton Antonio Arnold Arthur Barack Barry Ben Benjamin Bernard
    Bernie Bill Billy Bob Boris Brad Bradley Brendan Brett Brian Bruce Bruno Bryan Carl
    Carlos Cesar Charles Charlie Chris Christian Christoph Christopher Chuck Clive Colin Conor
    Craig Cristiano Dale Damian Dan Daniel Danny Dave David Dean Declan Denis Dennis Derek
    Diego Dieter Dmitry Dominic Don Donald Doug Douglas Duncan Dylan Ed Eddie Edgar Edmund
    Eduard Eduardo Edward Emmanuel Enrique Eric Erik Ernest Ethan Eugene Evan Fabio Felipe
    Feliciano Felix Fernando Feroz Francesco Francis Francisco Franco Frank Franz Fred
    Frederick Gabriel Gareth Garry Gary Gavin Geoff Geoffrey George Gerald Gerard Gerhard
    Giovanni Giuseppe Glenn Gordon Graham Greg Gregory Guido Guy Hamid Hans Harold Harry
    Harvey Hassan Hector Heinz Helmut Henry Herbert Hiroshi Howard Hugh Hugo Hussein Iain Ian
    Igor Isaac Ivan Jack Jacob Jacques Jake James Jamie Jason Javier Jay Jean-Claude
    Jean-Luc Jean-Pierre Jeb Jeff Jeffrey Jens Jeremy Jerome Jerry Jim Jimmy Joachim Joe Joel
    Johan Johann John Johnny Jon Jonathan Jorge Jose Josef Joseph Josh Joshua Juan Julian
    Julio Justin Kamal Karl Keir Keith Ken Kenneth Kevin Khalid Kieran Kim-Jong Klaus Kurt
    Lars Larry Lawrence Lee Len Leo Leon Leonard Lewis Liam Lindsey Lionel Lloyd Louis Luca
    Lucas Luigi Luis Luke Malcolm Manuel Marc Marcel Marco Marcus Mario Mark Martin Marty
    Mateo Matt Matthew Matthias Mauricio Max Michael Michel Miguel Mike Mikhail Miles Mitch
    Mitt Mohamed Mohammad Mohammed Moazzam Muhammad Murray Mustafa Nathan Neil Newt Nicholas
    Nick Nicolai Nicolas Nigel Noah Norman Oliver Omar Oscar Owen Pablo Paddy Patrick Paul
    Pedro Pete Peter Phil Philip Philippe Pierre Rafael Rahul Raj Ralph Ramon Randy Raul Ray
    Raymond Reilly Rex Ricardo Richard Rick Rishi Rob Robert Roberto Rodrigo Roger Roland
    Roman Ron Ronald Rory Ross Roy Rudy Rupert Russ Russell Ryan Salman Sam Samuel Sanjay
    Scott Sean Sebastian Sergei Sergey Sergio Simon Stan Stanley Stefan Stephen Steve Steven
    Stuart Sven Takashi Ted Terry Theo Thomas Tim Timothy Tobias Todd Tom Tommy Tony Trevor
    Tyler Victor Viktor Vincent Vladimir Volodymyr Walter Warren Wayne Werner Will William
    Willie Wolfgang Xavier Yasser Yuri Yusuf Zachary
    Angelo Bobby Brandon Dick Elijah Francois François Jesse José Kyle Logan Mason Rand
    Reince Xi"""
)
FEMALE_NAMES: Final = word_set(
    """Abigail Ada Adele Agnes Aisha Alexandra Alice Alicia Alison Amanda Amber Amelia Amy
    Ana Anastasia Andrea Angela Angelina Angelique Anita Ann Anna Anne Annie Antonia Audrey
    Barbara Beatrice Becky Belinda Beth Bethany Betsy Betty Bianca Brenda Bridget Brigitte
    Brittany Camilla Carla Carmen Carol Caroline Carolyn Catherine Cathy Cecilia Celia
    Charlotte Chelsea Cherie Cheryl Chloe Christina Christine Claire Clara Claudia Colette
    Cynthia Daisy Dana Daniela Danielle Deborah Debbie Denise Diana Diane Dolores Donna Doris
    Dorothy Edith Eileen Elaine Eleanor Elena Elisabeth Elise Eliza Elizabeth Ella Ellen
    Eloise Elsa Emilia Emily Emma Erin Esther Eva Eve Evelyn Fatima Fiona Frances Francesca
    Gabriela Gabrielle Gemma Georgia Gillian Gina Giulia Gloria Grace Hannah Harriet Hazel
    Heather Heidi Helen Helena Hilary Hillary Holly Ilhan Ingrid Irene Iris Isabel Isabella
    Isabelle Jacqueline Jane Janet Janice Jasmine Jean Jennifer Jenny Jessica Jill Joan
    Joanna Joanne Jodie Josephine Joy Joyce Judith Judy Julia Julie Juliet June Kamala Karen
    Kate Katherine Kathleen Kathryn Kathy Katie Katrin Kay Kelly Kirsty Kristen Laura Lauren
    Leah Leila Lesley Liliana Lily Linda Lindsay Lisa Liz Lois Lorraine Louise Lucia Lucy
    Lydia Lynn Madeleine Maggie Margaret Margarita Maria Marie Marina Marine Marion Marjorie
    Martha Mary Maryam Matilda Maureen Megan Megyn Melania Melanie Melissa Mia Michelle
    Mildred Miriam Molly Monica Nadia Nancy Naomi Natalia Natalie Natasha Nicola Nicole Nikki
    Nina Nora Olga Olivia Pamela Patricia Paula Pauline Penelope Penny Phoebe Priti Priya
    Rachel Rebecca Rita Roberta Rosa Rosalind Rose Ruth Sabrina Sally Samantha Sandra Sara
    Sarah Serena Sharon Sheila Shirley Silvia Simone Sofia Sonia Sonya Sophia Sophie
    Stephanie Susan Susanne Suzanne Sylvia Tamara Tanya Teresa Tessa Theresa Tina Tracy Ursula
    Valerie Vanessa Vera Veronica Victoria Violet Virginia Wendy Yvonne Yulia Zoe Zara
    Alexis Ashley Beverly Condoleezza Debra Dianne Ivanka Jeanine Jeanne Jo Kayla Kimberly
    Kirsten Loretta Marilyn Maxine Meg Oprah Sheryl Sue Tammy Tulsi Yvette"""
)

#: Every place the lists know.
PLACES: Final = COUNTRIES | CITIES | REGIONS | MORE_CITIES | MORE_REGIONS | REGION_ABBREVIATIONS

#: Given names of either sex ("Jan Brewer", "Jan Egeland"): first names, of no sex.
UNISEX_NAMES: Final = word_set("Jan")

#: All first names known: ``GIVEN_NAMES``, the lists above.
FIRST_NAMES: Final = GIVEN_NAMES | MALE_NAMES | FEMALE_NAMES | UNISEX_NAMES


def name_gender(name: str) -> str | None:
    """ "m" or "f" from a person's given name (the first word of ``name``) when the
    lists know it as one sex only; None when unknown. The one source of a given
    name's sex for every step (quotes, pronouns, the entity layer)."""
    first = name.split(" ", 1)[0]
    if first in MALE_NAMES:
        return None if first in FEMALE_NAMES else "m"
    return "f" if first in FEMALE_NAMES else None


def known_kind(name: str) -> str:
    """What the lists say a name is: "place", "organisation", or "" (not listed).

    For other steps that must tell a place or an organisation from a person
    ("Moscow said" is never a person speaking) without the whole entity step.
    """
    if name in PLACES or name.rstrip(".") in PLACES:
        return "place"
    if name in KNOWN_ORGS:
        return "organisation"
    return ""
