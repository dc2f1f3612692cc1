"""What the disclosure check looks for. This is data, to be read and changed with the
safeguarding lead: each entry says what kind of harm it points to, the words, and why they
are there.

How a pattern is read (see disclosure.py):

- The message is made plain first: lower case, apostrophes dropped (don't, dont and don’t all
  become "dont"), dashes turned into spaces ("self-harm" becomes "self harm") and every run of
  spaces or line breaks made one space. So write patterns in lower case, without apostrophes,
  with single spaces.
- A pattern is a regular expression and only ever matches whole words.
- <who> stands for a person who might hurt a young person, as they would write it ("he",
  "mum", "my foster dad", "my mums boyfriend"); <myself> for myself and its usual spellings.

Holding a message that turns out to be nothing costs the lead a minute; missing a disclosure
can cost a child far more. So patterns lean towards holding, but never on one ordinary word
alone: "hit", "die", "cut", "kill", "run" and "safe" are everyday words for young people.
"""

from typing import NamedTuple


class Phrase(NamedTuple):
    category: str
    pattern: str
    why: str


CATEGORIES = (
    "self_harm",
    "suicide",
    "abuse",
    "being_hurt",
    "unsafe",
    "running_away",
    "exploitation",
)

_PEOPLE = (
    r"(?:man|men|boy|boys|lad|lads|guy|guys|bloke|woman|women|girl|girls|people|kids"
    r"|carers?|dad|mum|mam|mom|father|mother|parents?|step ?dad|step ?mum|brother|sister"
    r"|uncle|aunt|auntie|cousin|grandad|grandma|nan|boyfriend|girlfriend|partner"
    r"|teacher|coach|worker|staff|neighbour|son|daughter|friend|mate)"
)
FRAGMENTS = {
    "<who>": (
        r"(?:he|she|they|someone|somebody|(?:(?:my|a|an|the|his|her|their|mums|dads|carers"
        r"|this|that|some|older) (?:\w+ )?)?" + _PEOPLE + ")"
    ),
    "<myself>": r"(?:my ?self|me ?self|ma ?self|myslef|mysef)",
}

PHRASES = [
    # --- suicide
    Phrase(
        "suicide",
        r"kill?(?:s|ed|ing|in)? <myself>",
        "The plainest way to say it; accidents and jokes are rare next to the risk.",
    ),
    Phrase(
        "suicide",
        r"(?<!\d )kms+",
        "Text-speak for kill myself; not after a number, where it means kilometres.",
    ),
    Phrase(
        "suicide",
        r"(?:i|im|ima|imma|ill) (?:\w+ ){0,2}?kys",
        "Kys (kill yourself) turned on oneself: I should just kys, imma kys.",
    ),
    Phrase(
        "suicide",
        r"(?:told|tell|tells|telling|said|says) (?:me|us) (?:to )?(?:go )?"
        r"(?:kys|die|kill (?:your ?self|ur ?self))",
        "Being told to kill yourself is bullying that raises the risk of suicide.",
    ),
    Phrase(
        "suicide",
        r"(?:(?:want|wants|wanted|wnt|ready|planning|plan|trying|deserve"
        r"|deserves) (?:to|2)|wanna|wana|tryna) (?:just )?(?:die+|be dead)",
        "Wanting to die, with text-speak; going to die is left out, it is mostly hyperbole.",
    ),
    Phrase(
        "suicide",
        r"wish (?:i|id) (?:(?:was|were|could be|would be) dead|(?:could )?"
        r"(?:just )?(?:die+|disappear)|(?:was|were|had) never (?:been )?born|wasnt born"
        r"|hadnt been born|didnt exist)",
        "Wishing to be dead or never born is a common first way of saying it.",
    ),
    Phrase(
        "suicide",
        r"su[iy]?[cs]{1,2}id(?:al|el|le)",
        "Suicidal, with its usual misspellings (sucidal, suisidal, suicidle).",
    ),
    Phrase(
        "suicide",
        r"(?:commit|committing|committed|attempt|attempted|attempting|tried"
        r"|(?:think|thinks|thinking|thought) (?:about|of)|thoughts of|considering) "
        r"su[iy]?[cs]{1,2}i?de?|su[iy]?[cs]{1,2}i?de? (?:attempts?|thoughts|notes?|plans?)",
        "Suicide in a personal context; the word alone is also a film title.",
    ),
    Phrase(
        "suicide",
        r"end(?:ing)? (?:it all|my (?:own )?life|<myself>)",
        "End it all, end my life: a way of saying it that avoids the word.",
    ),
    Phrase(
        "suicide",
        r"(?:take|taking|took) my (?:own )?life",
        "Taking my own life, the phrase used in the news and at school.",
    ),
    Phrase(
        "suicide",
        r"hang(?:ing|ed)? <myself>|jump(?:ing)? (?:off|in front of) (?:a |the )?"
        r"(?:bridge|train|building|roof|cliff)",
        "A method named is a sign of a plan.",
    ),
    Phrase(
        "suicide",
        r"no (?:reason|point) (?:to |in |of )?(?:live|living|being alive|life)"
        r"|nothing (?:left )?to live for|(?:whats|what is) the point (?:in|of) (?:living"
        r"|life|being alive|me)",
        "No reason to live: hopelessness is the strongest warning sign.",
    ),
    Phrase(
        "suicide",
        r"better off (?:dead|without me|if i (?:was|were|wasnt|werent) "
        r"(?:dead|gone|here|around|alive))",
        "Feeling a burden to others; held even if it is about a football team.",
    ),
    Phrase(
        "suicide",
        r"(?:nobody|no one|noone) (?:would|will) (?:even )?(?:miss me|(?:care"
        r"|notice) if i (?:died|was gone|was dead|wasnt here|disappeared))",
        "Believing no one would miss them often comes before a plan.",
    ),
    Phrase(
        "suicide",
        r"(?:dont|do not) (?:want|wanna) (?:to )?(?:be alive|exist|live "
        r"(?:anymore|any more)|be here (?:anymore|any more)|wake up (?:again|anymore|any more))",
        "Not wanting to be alive; not wanting to live in a placement is left out.",
    ),
    # --- self_harm
    Phrase(
        "self_harm",
        r"self ?harm\w*|harm(?:s|ed|ing)? <myself>",
        "Self-harm, selfharm, self harming: the words young people and staff both use.",
    ),
    Phrase(
        "self_harm",
        r"cut(?:s|ting|tin)? (?:<myself>|my (?:wrists?|arms|thighs?|skin))",
        "Cutting is the most common self-harm; cut my hair or a haircut never match.",
    ),
    Phrase(
        "self_harm",
        r"hurt(?:s|ing|in)? <myself>",
        "Hurting myself; accidents (hurt myself at football) are held too and quickly let go.",
    ),
    Phrase(
        "self_harm",
        r"(?:burn|burns|burnt|burned|burning|scratch|scratches|scratched"
        r"|scratching|punish|punishing|punished|starve|starving|starved) <myself>",
        "Other kinds of self-harm, including starving oneself.",
    ),
    Phrase(
        "self_harm",
        r"(?:make|makes|made|making) <myself> (?:be )?(?:sick|throw up|vomit)",
        "Making oneself sick is a sign of an eating disorder.",
    ),
    Phrase(
        "self_harm",
        r"over ?dos(?:e|es|ed|ing)|(?:took|take|taking) (?:a load of|loads of"
        r"|all (?:my|the)|too many) (?:pills|tablets|paracetamol)",
        "An overdose, whether or not it was meant to kill, needs medical help at once.",
    ),
    # --- abuse
    Phrase(
        "abuse",
        r"<who> (?:\w+ )?touch(?:es|ed|ing)? (?:me|us)|(?:get|gets|got|getting"
        r"|been|being) touched",
        "Someone touching me is how children most often first tell of sexual abuse.",
    ),
    Phrase(
        "abuse",
        r"touch(?:es|ed|ing)? (?:me|my|us) (?:\w+ )?(?:down there|there|in private"
        r"|inappropriately|private|privates|bum|boobs|breasts|chest|willy|penis|vagina|body)"
        r"|inappropriate(?:ly)? touch\w*",
        "Touching named by the part of the body or as inappropriate.",
    ),
    Phrase(
        "abuse",
        r"rape[ds]?|raping|molest\w*|grop(?:e|es|ed|ing) (?:me|us)|(?:was|been"
        r"|got|get|being) groped",
        "Words for sexual assault are never used lightly by a young person.",
    ),
    Phrase(
        "abuse",
        r"sexual(?:ly)? (?:abus\w*|assault\w*)|abus(?:es|ed|ing) (?:me|us)"
        r"|(?:was|been|being|get|gets|got|getting) (?:\w+ )?abused",
        "Saying they were abused; abuse of power or drug abuse alone do not match.",
    ),
    Phrase(
        "abuse",
        r"(?:made|makes|make|making|forced|forces|force|forcing|pressur\w*) "
        r"(?:me|us) (?:(?:in)?to )?(?:have sex|sleep with|do (?:sexual|sex)|touch (?:him|her"
        r"|them|his|hers)|do (?:stuff|things) (?:i|we) (?:didnt|dont|did not|do not) want)",
        "Being made to do sexual things, often said as things I didn't want to do.",
    ),
    # --- being_hurt
    Phrase(
        "being_hurt",
        r"<who> (?:\w+ )?(?:hit|hits|hitting|punch|punches|punched|punching"
        r"|slap|slaps|slapped|slapping|kick|kicks|kicked|kicking|smack|smacks|smacked"
        r"|smacking|chokes|choked|choking|strangles|strangled|batters|battered|hurt|hurts"
        r"|hurting|stabbed) (?:me|us)(?! up\b)",
        "A person hitting or hurting me; hit me up (get in touch) does not match.",
    ),
    Phrase(
        "being_hurt",
        r"<who> (?:\w+ )?(?:beat|beats|beating) (?:me|us)"
        r"(?! (?:at|in|on|to|by)\b| \d)",
        "He beats me; beat me at FIFA, beat me to it and beats me why do not match.",
    ),
    Phrase("being_hurt", r"(?:beat|beats|beating) (?:me|us) up|beaten up", "Beaten up, by anyone."),
    Phrase(
        "being_hurt",
        r"(?:get|gets|got|getting|been|being) (?:hit|beaten|beat|slapped"
        r"|punched|kicked|battered|smacked) (?:at home|where i live|at my (?:placement|\w+s"
        r" house)|by (?:him|her|them|<who>))",
        "Getting hit at home or by a person; hit by a ball or a car does not match.",
    ),
    Phrase(
        "being_hurt",
        r"(?:gives|gave|give|left|leaves) (?:me|us) (?:a )?(?:bruises?"
        r"|black eye|marks)",
        "Injuries described by what was left behind.",
    ),
    Phrase(
        "being_hurt",
        r"threat(?:en|ens|ened|ening) (?:me|us)|threat(?:en|ens|ened|ening) "
        r"to (?:hit|hurt|kill|beat|stab|kick|batter|punch) (?:me|us)|said (?:hed|shed|theyd"
        r"|hell|shell|theyll|he would|she would|they would|he will|she will|they will) "
        r"(?:\w+ )?(?:kill|hurt|stab|batter|beat) (?:me|us)",
        "Threats of violence; my mum is going to kill me (hyperbole) does not match.",
    ),
    Phrase(
        "being_hurt",
        r"(?:scared|afraid|frightened|terrified) of (?:him|her|them|<who>)",
        "Fear of a person, often the first thing said about someone who hurts them.",
    ),
    # --- unsafe
    Phrase(
        "unsafe",
        r"(?:dont|do not|doesnt|does not|never|no longer|not) feel(?:s)? safe"
        r"|feel(?:s|ing)? (?:unsafe|in danger)",
        "Not feeling safe anywhere is for the lead to weigh, even on a road.",
    ),
    Phrase(
        "unsafe",
        r"(?:(?:not|never|isnt|is not|arent) safe|unsafe|in danger) (?:at home"
        r"|where i (?:live|stay)|in my (?:home|house|flat|room|placement|bed)|at my "
        r"(?:placement|house|flat|\w+s(?: house)?))|(?:im|i am|we are|were) not safe",
        "Not safe at home or where I live; a safe space at school does not match.",
    ),
    Phrase(
        "unsafe",
        r"(?:scared|afraid|frightened|terrified|dread|dreading) (?:to |of )?"
        r"(?:go|going|be|being) (?:back )?(?:home|there|to (?:my|the) (?:placement|house"
        r"|flat|carers?))|alone with (?:him|her|them)",
        "Scared to go home, or of being alone with someone.",
    ),
    Phrase(
        "unsafe",
        r"lock(?:s|ed|ing)? (?:me|us) (?:in|up)\b",
        "Being locked in a room; locked out of an account does not match.",
    ),
    Phrase(
        "unsafe",
        r"(?:doesnt|dont|do not|does not|wont|will not|never) (?:\w+ )?feeds? "
        r"(?:me|us)|starv(?:e|es|ed|ing) (?:me|us)|no food (?:in the house|at home|for days)"
        r"|not allowed (?:to eat|food)",
        "Being kept without food is neglect; I'm starving (hungry) does not match.",
    ),
    Phrase(
        "unsafe",
        r"(?:kicked|threw|thrown|chucked) (?:me |us )?out of (?:the |my )?"
        r"(?:house|home|flat|placement)|nowhere to (?:sleep|stay tonight)|sleeping rough"
        r"|(?:sleep|sleeping|slept) on the streets?",
        "Put out of home or with nowhere to sleep tonight.",
    ),
    Phrase(
        "unsafe",
        r"(?:carry|carrying|carries|carried) (?:a )?(?:knife|knives|blade|shank)",
        "Carrying a knife usually means feeling unsafe, or being made to.",
    ),
    # --- running_away
    Phrase(
        "running_away",
        r"(?:run|runs|ran|runn?ing) ?away",
        "Running away is the most common risk for children in care; a dog is held too.",
    ),
    Phrase(
        "running_away",
        r"(?:i|im|i am|ive|i have|i will|ill|i might|i keep|i kept|i wanna"
        r"|i want to|i could) (?:\w+ ){0,2}?(?:go|going|gone|went|goes) missing"
        r"|reported (?:as )?missing|missing from (?:home|care|my placement)",
        "Going missing from care; my phone went missing does not match.",
    ),
    Phrase(
        "running_away",
        r"(?:escape|get away) from (?:home|here|my placement|my carers?"
        r"|him|her|them)",
        "Wanting to escape a home is running away in other words.",
    ),
    # --- exploitation
    Phrase(
        "exploitation",
        r"groom(?:s|ed|ing)? (?:me|us)|(?:was|been|being|get|got|getting)"
        r" groomed",
        "Grooming, in the words of school lessons; dog grooming does not match.",
    ),
    Phrase(
        "exploitation",
        r"older (?:boyfriend|man|men|guy|guys|bloke|blokes)",
        "An older boyfriend is a leading sign of child sexual exploitation.",
    ),
    Phrase(
        "exploitation",
        r"(?:man|men|guy|guys|bloke|blokes|lads|someone older) (?:\w+ )?"
        r"(?:gives?|gave|giving|buys?|bought|buying|sends?|sent|pays?|paid|offers?|offered)"
        r" (?:me|us) (?:\w+ ){0,2}?(?:money|cash|gifts|presents|drugs|weed|alcohol|drinks?"
        r"|vodka|phones?|clothes|trainers|vapes?|lifts?|rides?|a place to stay)",
        "Gifts, money or drugs from men are how exploiters build a debt.",
    ),
    Phrase(
        "exploitation",
        r"(?:gives?|gave|giving|buys?|bought|sells?|sold|selling|offers?"
        r"|offered|offering) (?:me|us) (?:\w+ )?(?:drugs|weed|coke|cocaine|crack|ket"
        r"|ketamine|spice|mdma)",
        "Being given drugs, by anyone; pills are left out, doctors give those.",
    ),
    Phrase(
        "exploitation",
        r"(?:made|makes|make|making|forced|forces|force|forcing) (?:me|us)"
        r" (?:to )?(?:carry|deliver|sell|stash|hide)\b",
        "Made to carry or deliver is how county lines are described.",
    ),
    Phrase(
        "exploitation",
        r"(?:carry|carrying|deliver|delivering|sell|selling|deal|dealing"
        r"|hold|holding|stash|stashing|drop|dropping) (?:\w+ ){0,2}?(?:drugs|weed|coke"
        r"|crack|ket|packages|parcels|stuff) (?:\w+ )?for (?:them|him|her|some \w+|these \w+"
        r"|an older \w+|older \w+|a man|a guy)",
        "Moving drugs or packages for someone: county lines.",
    ),
    Phrase(
        "exploitation",
        r"county lines?|trap ?house|cuckoo(?:ed|ing)|drug debt|(?:owe|owes"
        r"|owed|owing) (?:them|him|some (?:people|lads|men|guys)|a dealer|dealers|the dealer)"
        r" (?:\w+ )?(?:money|for)",
        "The words of county lines and the debts that keep children in them.",
    ),
    Phrase(
        "exploitation",
        r"nudes|(?:nude|naked|sexy|dirty|rude|explicit) (?:pics|pictures"
        r"|photos|selfies|videos|vids|snaps|images)|sexting",
        "Sexual images of a child are abuse whoever asks for them; a nude lipstick is not.",
    ),
    Phrase(
        "exploitation",
        r"(?:ask|asks|asked|asking|want|wants|wanted|beg|begs|begged"
        r"|begging|pressur\w*|made|makes|make|told|tells) (?:me )?(?:to send|for) (?:\w+ )?"
        r"(?:pics|selfies|vids|snaps|(?:pictures|photos) of (?:me|<myself>))"
        r"(?! of (?:the|it|this|that|a|an|where|what)\b)|send (?:him|her) (?:\w+ )?(?:pics"
        r"|selfies|vids|pictures of (?:me|<myself>)|photos of (?:me|<myself>))",
        "Being asked to send pics; pics of the mould for a repair do not match.",
    ),
    Phrase(
        "exploitation",
        r"(?:pressur(?:e|es|ed|ing)|forc(?:e|es|ed|ing)) (?:me|us) "
        r"(?:(?:in)?to )?(?:send|meet (?:him|her|them|up)|take drugs|try drugs|do drugs|drink"
        r"|smoke|get in(?:to)? (?:his|her|their|the|a) car)",
        "Pressure to meet, send images, drink or take drugs; pressure to do well does not.",
    ),
    Phrase(
        "exploitation",
        r"(?:get|gets|got|getting|make|makes|made|making) (?:me|us) "
        r"(?:drunk|high|stoned|wasted)",
        "Getting a child drunk or high is a step in grooming.",
    ),
    Phrase(
        "exploitation",
        r"(?:do|does|doing|did) (?:stuff|things|favours|sexual \w+) for "
        r"(?:money|cash|gifts|drugs|weed|a place to stay|somewhere to stay)",
        "Doing things for money, drugs or a bed is how exploitation is often first told.",
    ),
    Phrase(
        "exploitation",
        r"(?:meet|meeting|met) (?:up with )?(?:a |this |some |an )?"
        r"(?:man|men|guy|guys|bloke|older \w+|someone|people) (?:i|we) (?:met|know|talk to"
        r"|talked to|been talking to) online",
        "Meeting someone known only online.",
    ),
    # --- Urdu and Roman Urdu (after disclosure._plain; the model reads the other spellings)
    Phrase(
        "suicide",
        r"اپنی (?:جان (?:لینا|لے|لوں)|زندگی ختم)|خود ?کشی|(?:مرنا|مر جانا) چاہ(?:تا|تی|تے)",
        "Urdu: taking or ending my own life, suicide, wanting to die.",
    ),
    Phrase(
        "suicide",
        r"apni (?:jaan (?:lena|le|lun)|zindagi khatam)|khud ?kushi"
        r"|(?:marna|mar jana) chaht(?:a|i|ay|e)",
        "Roman Urdu: taking or ending my own life, suicide, wanting to die.",
    ),
    Phrase(
        "suicide",
        r"کاش میں (?:کبھی )?پیدا (?:ہی )?نہ ہو(?:تا|تی)|kash (?:mein|main|me) (?:kabhi )?paida"
        r" (?:hi )?na hot(?:a|i)",
        "Wishing I had never been born, in Urdu and Roman Urdu.",
    ),
    Phrase(
        "being_hurt",
        r"مجھے (?:بہت )?مار(?:تے|تا|تی) (?:ہے|ہیں|تھا|تھی|تھے)"
        r"|mujhe (?:bohat )?maa?r(?:te|ta|ti) (?:hai|hain|h|he|thi|tha|the)",
        "Someone hits me (maarta hai), in Urdu and Roman Urdu; not maar raha, killing me.",
    ),
    Phrase(
        "self_harm",
        r"(?:خود کو|اپنے آپ کو) (?:کاٹ\w*|زخمی)|(?:khud ko|apne aap ko) (?:kaa?t\w*|zakhmi)",
        "Cutting or injuring myself, in Urdu and Roman Urdu.",
    ),
    # --- passive thoughts of suicide, and going missing
    Phrase(
        "suicide",
        r"(?:im|i am|i feel like) (?:just )?(?:a|such a) burden(?! (?:on|to) (?:nobody|no one))",
        "Feeling a burden is a known sign of suicidal thinking.",
    ),
    Phrase(
        "suicide",
        r"sleep and (?:never|not) wake up|not wake up (?:again|ever)",
        "Wanting to sleep and not wake up: passive suicidal thoughts.",
    ),
    Phrase(
        "running_away",
        r"(?:been|gone|went|go|going) awol|legged it from",
        "Going missing, in young people's words.",
    ),
]
