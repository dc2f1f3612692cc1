"""Ideas the disclosure model can weigh whatever words carry them: data, like the phrase
list, to be read and changed with the safeguarding lead.

Each concept is a list of word beginnings in English, Roman Urdu and Urdu (matched at the
start of a word, after disclosure_features.plain: lower case, no apostrophes, Urdu letters
folded). The model weighs each concept, and each pair of concepts found together ("a person
at home" with "hitting"), so a wording it was never shown still counts if its ideas are
familiar: "my nan gets her belt out" is a person at home and a means of hurting.
"""

# One line per group of words reads better here than one word per line.
# fmt: off
CONCEPTS = {
    "home_person": (
        "mum", "mam", "mom", "dad", "father", "mother", "parent", "step", "carer", "foster",
        "nan", "grandad", "grandma", "uncle", "aunt", "cousin", "brother", "bro ", "sister",
        "boyfriend", "bf ", "girlfriend", "partner", "husband", "staff", "worker at",
        "man ", "lad", "older", "his mate", "abbu", "abu ", "ammi", "ami ", "chacha", "chachu",
        "mamu", "mamoo", "khala", "phupho", "sotel", "bhai", "shohar", "shauhar",
        "ابو", "امی", "چچا", "ماموں", "سوتیل", "بھائی", "شوہر", "کیئرر", "عملہ", "عملے",
        "آدمی", "لڑکے", "دوست",
    ),
    "hurting": (
        "hit", "hits", "slap", "punch", "kick", "shove", "push", "choke", "strangl", "grab",
        "drag", "pin", "restrain", "held me down", "hold me down", "belt", "twist", "pinch",
        "throw", "threw", "battered", "batter", "beat", "bruis", "black eye", "marks",
        "mark on", "swollen", "bust lip", "hair", "smack", "burn", "thump", "knee on",
        "mar", "maar", "thappar", "thapar", "dhakk", "dhaka", "daba", "maror", "baal",
        "khench", "neel", "nishan", "chot", "مار", "تھپڑ", "دھک", "دبا", "مروڑ", "بال", "نیل",
        "نشان", "چوٹ", "گلا",
        "whip", "lash", "strap", "slipper", "wooden spoon", "stamp on", "headbutt", "by my hair",
        "by the neck", "up against the wall", "long sleeves", "cover it", "cover them", "walked into",
        "fell down the stairs", "peet", "pitai", "ghoos", "jooti", "chappal", "پیٹ", "پٹائی", "گھونس", "جوتی", "چپل",
    ),
    "self": (
        "myself", "my self", "meself", "my arm", "my arms", "my leg", "my thigh", "my wrist",
        "my skin", "my hip", "khud", "apne aap", "apna haath", "apne haath", "apne bazu",
        "خود", "اپنے آپ", "اپنے بازو", "اپنے ہاتھ", "اپنا ہاتھ",
    ),
    "injury": (
        "cut", "cutt", "blade", "razor", "sharpener", "scratch", "burn", "lighter", "bleed",
        "blood", "scar", "plaster", "sh ", "self harm", "harm", "relaps", "zakhm", "kaat",
        "jala", "khurach", "زخم", "کاٹ", "جلا", "کھرچ", "بلیڈ", "چھری",
    ),
    "death": (
        "die", "dead", "death", "kill", "kms", "suicid", "sucid", "end it", "end my",
        "ending it", "not wake", "never wake", "sleep forever", "not be here", "be here anymore",
        "alive", "burden", "better off", "goodbye", "point in", "pills", "tablet", "overdos",
        "hang", "jump", "bridge", "plan", "marne", "mar jana", "khudkush", "jaan", "jeena",
        "jeene", "bojh", "golian", "goliyan", "مر ", "مرنا", "خودکش", "جان", "جینے", "بوجھ",
        "گولیاں",
        "not be around", "wasnt around", "wasnt here", "no reason to", "keep going", "carry on", "cant go on",
        "cant do this", "give up", "giving up", "tired of everything", "tired of living", "disappear",
        "give away my", "giving away my", "my stuff", "note", "rope", "train track", "ledge", "roof", "cliff",
        "zindagi", "zindgi", "khatam", "mar jaun", "mar jaon", "mar jaoon", "zinda", "زندگی", "ختم", "مر جاؤں", "زندہ",
    ),
    "sexual": (
        "touch", "sex", "rape", "private", "down there", "lap", "special girl", "secret",
        "bed", "shower", "bathroom", "undress", "naked", "clothes off", "kiss", "massage",
        "under the covers", "pretend to be asleep", "do stuff", "do things", "made me do",
        "chhoo", "choo", "zyadti", "zyadati", "zabardast", "godh", "raaz", "ghalat",
        "چھو", "زیادتی", "زبردست", "گود", "راز", "غلط",
        "uncomfortable", "my room at night", "comes in my room", "comes into my room", "sleeping over",
        "tickle", "hug", "on top of me", "lock the door", "locks the door", "sharam", "شرم",
    ),
    "online": (
        "online", "snap", "insta", "tiktok", "discord", "game", "facetime", "video call",
        "camera", "cam", "pics", "picture", "photo", "nudes", "video", "leak", "blackmail",
        "sextort", "age is just", "year old", "underwear", "wearing", "post them", "send",
        "tasveer", "tasvir", "pics", "aan lain", "آن لائن", "انٹرنیٹ", "تصویر", "ویڈیو",
        "سنیپ",
        "meet up", "meet me", "meet him", "older guy", "older man", "years older", "money for", "gift card",
        "sent me money", "delete", "everyone will see", "share them", "share it", "screenshot", "dm", "dms",
        "milne", "paise", "paisay", "پیسے", "ملنے",
    ),
    "debt_threat": (
        "owe", "debt", "det ", "pay back", "work it off", "threat", "or they", "or hell",
        "or theyll", "know where", "hurt my", "stab", "come for", "dhamki", "qarz",
        "nuqsan", "دھمکی", "قرض", "نقصان",
        "owe them", "find me", "my family", "little brother", "little sister", "or else", "else they",
        "ya phir", "warna", "ورنہ",
    ),
    "drugs_moving": (
        "drug", "weed", "package", "parcel", "bag", "carry", "deliver", "drop", "run for",
        "line", "trap", "ot ", "out of town", "another town", "other town", "flat in",
        "answer the phone", "phone", "shott", "sell", "olders", "older lads", "older boys",
        "gang", "packet", "pohnch", "bikwa", "منشیات", "پیکٹ", "پہنچ", "بکوا",
        "shotting", "plug", "burner", "sim card", "county", "hold this", "hold stuff", "stash", "hide stuff",
        "cash", "train to", "coach to", "trap house",
    ),
    "no_care": (
        "no food", "nothing to eat", "nothing at home", "hungry", "fridge", "cupboard",
        "heating", "cold", "freezing", "electric", "meter", "hot water", "on my own",
        "left me", "leaves me", "left alone", "alone for", "all weekend", "for days", "dentist",
        "doctor", "clean clothes", "washed", "smell", "mattress", "matress", "no beds",
        "look after my", "khana nahi", "bhook", "bhuk", "sardi", "bijli", "akela", "chor",
        "کھانا نہیں", "بھوک", "سردی", "بجلی", "ہیٹنگ", "اکیلا", "چھوڑ",
        "mould", "mold", "damp", "dirty", "filthy", "nits", "lice", "same clothes", "too small", "no shoes",
        "holes in", "nobody checks", "no one checks", "locked out", "fend for", "feed myself", "feed my",
        "no dinner", "no tea", "no breakfast", "school dinner", "free school meal", "food bank", "skip meals",
        "kapre", "kapray", "kapde", "bhooka", "bhooki", "bhuka", "gandi", "gande", "کپڑے", "بھوکا", "بھوکی", "گندے", "گندی",
    ),
    "control": (
        "not allowed", "wont let", "won't let", "reads my", "read my", "my messages",
        "my phone", "takes my", "tracks", "location", "permission", "worthless", "worthles",
        "useless", "waste of space", "never born", "nobody would believe", "no one will believe",
        "move me", "moved away", "miles away", "send me back", "punish", "calls me", "slag",
        "ijazat", "nikamm", "bekaar", "zaleel", "door bhej", "اجازت", "نکمے", "بےکار", "ذلیل",
        "دور بھیج", "میسج",
        "checks my", "goes through my", "controls", "control me", "decides", "who i talk", "what i wear",
        "cut me off", "keeps me in", "locks me", "lock me", "takes my money", "my money", "pathetic", "stupid",
        "hates me", "ignore me", "ignores me", "silent treatment", "taane", "tane", "roka", "rokte", "rokti",
        "طعنے", "روک", "قید",
    ),
    "fighting_home": (
        "fight", "screaming", "shouting", "smash", "police came", "police at", "999",
        "in front of", "hurt mum", "hurts mum", "hits mum", "hits my mum", "my mum", "her neck",
        "her nose", "on the floor", "hide my", "hid in", "larai", "lar ", "cheekh", "police",
        "لڑائی", "چیخ", "پولیس", "چھپ",
    ),
    "leaving": (
        "run away", "ran away", "running away", "ran off", "run off", "missing", "awol",
        "do one", "doin 1", "doing one", "bounce", "not going back", "not goin back",
        "not coming back", "not comin back", "slept out", "sleeping rough", "stairwell",
        "park", "streets", "packed a bag", "bag packed", "police brought", "police picked",
        "window", "leave tonight", "leaving tonight", "bhaag", "bhag", "ghaib", "wapas",
        "بھاگ", "غائب", "واپس",
        "didnt go back", "didnt go home", "stayed out", "sofa", "friends house", "mates house", "night bus",
        "slept on", "all night", "gone for", "disappear", "dost ke ghar", "raat bahar", "ghar nahi gaya",
        "ghar nahi gayi", "دوست کے گھر", "رات باہر",
    ),
    "substances": (
        "drink", "drunk", "vodka", "wine", "booze", "cans", "bottle", "weed", "zoot", "high",
        "stoned", "wasted", "smashed", "pills", "tablets", "ket", "coke", "gas", "smoke",
        "numb", "forget", "cope", "block", "sharab", "nasha", "nashe", "charas", "golian",
        "neend", "شراب", "نشہ", "نشے", "چرس", "گولیاں", "نیند",
        "to sleep", "block out", "blackout", "black out", "pass out", "passed out", "spice", "mandy", "lean",
        "codeine", "vape", "every night to", "sharaab", "daaru", "daru", "دارو",
    ),
    "fear": (
        "scared", "scard", "scarred", "afraid", "frighten", "terrified", "not safe", "unsafe",
        "dont feel safe", "danger", "chair against", "lock my", "footsteps", "jump every",
        "cant relax", "dread", "dar lag", "dar lagta", "darr", "mehfooz", "ڈر", "محفوظ",
        "nervous", "shaking", "shake", "panic", "heart pound", "heart race", "hide in my room", "flinch", "jumpy",
        "creep", "dont want to go home", "dont wanna go home", "not going home", "ghabra", "khauf", "khof",
        "sehm", "sahm", "گھبرا", "خوف", "سہم",
    ),
    "distress": (
        "cant cope", "can't cope", "cant stop", "dont know how to stop", "help", "please",
        "pls", "nobody knows", "no one knows", "dont tell", "don't tell", "not to tell",
        "hide", "lie about", "ashamed", "every night", "every day", "again", "bardasht",
        "madad", "mat batana", "na batana", "برداشت", "مدد", "مت بتانا", "نہ بتا",
        "nobody listens", "no one listens", "nobody cares", "no one cares", "alone", "lonely", "numb", "empty",
        "koi nahi sunta", "kisi ko parwah", "کوئی نہیں سنتا", "پرواہ",
    ),
}

# Spellings read as one word before anything else, so that text-speak and the many ways of
# writing Roman Urdu count as the words the corpus taught ("nai", "nhi" and "nahi" alike).
SPELLINGS = {
    "u": "you", "ur": "your", "r": "are", "n": "and", "w": "with", "b4": "before",
    "2nite": "tonight", "2night": "tonight", "tonite": "tonight", "nite": "night",
    "2day": "today", "2moro": "tomorrow", "tmrw": "tomorrow", "ppl": "people",
    "sum1": "someone", "some1": "someone", "no1": "nobody", "any1": "anyone", "every1": "everyone",
    "bf": "boyfriend", "gf": "girlfriend", "bro": "brother", "sis": "sister", "lil": "little",
    "cos": "because", "coz": "because", "bc": "because", "cuz": "because", "wen": "when",
    "wiv": "with", "wanna": "want to", "gonna": "going to", "gotta": "have to",
    "wud": "would", "cud": "could", "shud": "should", "dat": "that", "dis": "this",
    "nuffin": "nothing", "nothin": "nothing", "summat": "something", "sumthin": "something",
    "bak": "back", "agen": "again", "agn": "again", "evry": "every", "skool": "school",
    "nai": "nahi", "nhi": "nahi", "nahin": "nahi", "ni": "nahi", "h": "hai", "hy": "hai",
    "hn": "hain", "hen": "hain", "hun": "hoon", "hon": "hoon", "hu": "hoon",
    "kr": "kar", "kro": "karo", "krta": "karta", "krti": "karti", "rha": "raha", "rhi": "rahi",
    "mai": "mein", "mje": "mujhe", "mjhe": "mujhe", "mujhay": "mujhe",
    "mujhy": "mujhe", "ghr": "ghar", "k": "ke", "ky": "ke", "bht": "bohat", "bohot": "bohat", "bahut": "bohat", "buhat": "bohat", "sb": "sab",
    "kch": "kuch", "wo": "woh", "vo": "woh", "ami": "ammi",
    "abu": "abbu", "abba": "abbu", "dr": "dar", "darr": "dar",
}
# fmt: on
