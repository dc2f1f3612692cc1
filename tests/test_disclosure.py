"""The disclosure check holds messages that show signs of harm, and lets ordinary ones through."""

import re

import pytest

from voice.submissions.disclosure import Sign, Strength, assess, find_signs, shows_risk
from voice.submissions.disclosure_phrases import CATEGORIES, PHRASES


def flag(text, category, id):
    return pytest.param(text, category, id=id)


FLAGGED = [
    # suicide
    flag("i think about killing myself most nights", "suicide", "killing myself"),
    flag("honestly cant do this anymore kms", "suicide", "kms"),
    flag("i should just kys tbh", "suicide", "kys aimed at self"),
    flag("people at school keep telling me to kys", "suicide", "told to kys"),
    flag("I just want to die", "suicide", "want to die"),
    flag("i wanna dieee", "suicide", "wanna die text-speak"),
    flag("sometimes i want 2 die", "suicide", "want 2 die"),
    flag("I wish I was never born", "suicide", "wish i was never born"),
    flag("been feeling really sucidal", "suicide", "suicidal misspelt"),
    flag("I have been thinking about suicide", "suicide", "thinking about suicide"),
    flag("i think about suicide a lot", "suicide", "think about suicide"),
    flag("sometimes i want to end it all", "suicide", "end it all"),
    flag("I have thought about taking my own life", "suicide", "taking my own life"),
    flag("I looked up how to hang myself", "suicide", "hang myself"),
    flag("there is no reason to live", "suicide", "no reason to live"),
    flag("everyone would be better off without me", "suicide", "better off without me"),
    flag("nobody would miss me if i was gone", "suicide", "nobody would miss me"),
    flag("I don’t want to be alive anymore", "suicide", "curly apostrophe don’t"),
    flag("میں اپنی زندگی ختم کرنا چاہتی ہوں", "suicide", "urdu end my life"),
    flag("apni jaan lena chahti hun", "suicide", "roman urdu take my life"),
    flag("کاش میں کبھی پیدا ہی نہ ہوتی", "suicide", "urdu never born"),
    flag("I'm just a burden to my carers", "suicide", "a burden"),
    flag("I want to go to sleep and not wake up", "suicide", "sleep and not wake up"),
    # self_harm
    flag("I self-harm when it gets bad", "self_harm", "self-harm"),
    flag("does selfharm count as a reason to see someone", "self_harm", "selfharm"),
    flag("I've been cutting myself again", "self_harm", "cutting myself"),
    flag("I CUT MYSELF LAST NIGHT", "self_harm", "upper case cut myself"),
    flag("sometimes i hurt myself on purpose", "self_harm", "hurt myself"),
    flag("i have been starving myself", "self_harm", "starving myself"),
    flag("I make myself sick after tea", "self_harm", "make myself sick"),
    flag("I took an overdose last year", "self_harm", "overdose"),
    flag("میں خود کو کاٹتی ہوں", "self_harm", "urdu cut myself"),
    # abuse
    flag("my foster dad touches me when no one is in", "abuse", "foster dad touches me"),
    flag("someone at the party touched my private parts", "abuse", "touched my private parts"),
    flag("I was raped last summer", "abuse", "raped"),
    flag("I was sexually abused by my uncle", "abuse", "sexually abused"),
    flag("he made me do things i didn't want to", "abuse", "made me do things"),
    # being_hurt
    flag("My carer hits me", "being_hurt", "carer hits me"),
    flag("mum hit me when she was drunk", "being_hurt", "mum hit me"),
    flag("my mum’s boyfriend hurts me", "being_hurt", "mums boyfriend hurts me"),
    flag("MY STEP-DAD BEATS ME", "being_hurt", "upper case step-dad beats me"),
    flag("they beat me up after school", "being_hurt", "beat me up"),
    flag("i get hit at home", "being_hurt", "get hit at home"),
    flag("he gave me a black eye", "being_hurt", "black eye"),
    flag("he said he'd kill me if I told anyone", "being_hurt", "said hed kill me"),
    flag("I'm scared of my foster carer", "being_hurt", "scared of my foster carer"),
    flag("abbu mujhe bohat marte hain", "being_hurt", "roman urdu hits me"),
    # unsafe
    flag("I dont  feel   safe", "unsafe", "dont feel safe with repeated spaces"),
    flag("I'm not safe at home", "unsafe", "not safe at home"),
    flag("i am not safe where i live", "unsafe", "not safe where i live"),
    flag("im scared to go home tonight", "unsafe", "scared to go home"),
    flag("they lock me in my room", "unsafe", "lock me in"),
    flag("they don't feed us", "unsafe", "dont feed us"),
    flag("they kicked me out of the house", "unsafe", "kicked out of the house"),
    flag("I carry a knife now", "unsafe", "carry a knife"),
    # running_away
    flag("I'm going to run away", "running_away", "run away"),
    flag("thinking about running away", "running_away", "running away"),
    flag("I ran away last week", "running_away", "ran away"),
    flag("i keep going missing and the police bring me back", "running_away", "going missing"),
    flag("I need to escape from home", "running_away", "escape from home"),
    flag("been awol since friday", "running_away", "awol"),
    # exploitation
    flag("I think I am being groomed", "exploitation", "being groomed"),
    flag("I have an older boyfriend who picks me up", "exploitation", "older boyfriend"),
    flag("a man gives me money and vapes", "exploitation", "man gives me money"),
    flag("they gave me weed for free", "exploitation", "given weed"),
    flag("they made me carry a bag to another town", "exploitation", "made me carry"),
    flag("I hold packages for some lads", "exploitation", "holding packages"),
    flag("I owe them money and have to work it off", "exploitation", "owe them money"),
    flag("he keeps asking for nudes", "exploitation", "nudes"),
    flag("he wants me to send pics", "exploitation", "send pics"),
    flag("they pressure me to drink", "exploitation", "pressure me to drink"),
    flag("they get me drunk at parties", "exploitation", "get me drunk"),
    flag("somebody is making me do things for money", "exploitation", "things for money"),
    flag("im meeting a guy i met online", "exploitation", "meeting someone from online"),
]

ORDINARY = [
    pytest.param(text, id=id)
    for id, text in [
        ("song is a hit", "that song is a hit"),
        ("die for a pizza", "I'd die for a pizza right now"),
        ("dying to see my brother", "I'm dying to see my brother at Christmas"),
        ("haircut", "i need a haircut before the trip"),
        ("homework killing me", "this homework is killing me"),
        ("killing it", "I'm killing it at college"),
        ("run club", "can we have a run club at the youth centre"),
        ("safe space", "the youth club is a safe space at school"),
        ("safe cycling", "we need safe cycling routes to college"),
        ("wifi cutting out", "The wifi in my placement keeps cutting out"),
        ("pocket money", "Can my pocket money go up, it hasn't changed in 3 years"),
        ("contact with siblings", "I want more contact with my sisters and brother"),
        ("social worker changes", "why does my social worker keep changing, I've had 4 this year"),
        ("bus passes", "can care leavers get free bus passes"),
        ("school trip", "the school trip to France costs too much and I can't go"),
        ("beat me at fifa", "my brother beat me at FIFA again"),
        ("beats me on a score", "my brother always beats me 3-0"),
        ("hit me up", "hit me up on snapchat"),
        ("friend hit me up", "my friend hit me up about the meeting"),
        ("beats me why", "it beats me why they changed the bus route"),
        ("mum will kill me", "my mum's going to kill me when she sees my grades"),
        ("died laughing", "I nearly died laughing at the youth forum"),
        ("phone died", "my phone died halfway through the call"),
        ("film title", "We watched Suicide Squad at film night"),
        ("ran out of credit", "I ran out of credit so couldn't reply"),
        ("running late", "I'm running late for college every day because the bus is late"),
        ("phone went missing", "my phone went missing on the school trip"),
        ("starving after football", "I'm starving after football, can we have snacks"),
        ("locked out of account", "I got locked out of my account"),
        ("cut my hair", "I cut my hair myself"),
        ("pics of the mould", "The officer asked me to send pics of the mould in my bedroom"),
        ("dog grooming", "I'd like to do a dog grooming course"),
        ("older kids", "the older kids get the best rooms in the home"),
        ("it touched me", "my new carer is really kind and it touched me that she remembered"),
        ("dye my hair", "I want to dye my hair blue"),
        ("pressure of exams", "the pressure to do well in exams is too much"),
        ("hit the target", "please can you hit the target for answering us"),
        ("kilometres", "it's 5 kms to school and there's no bus"),
        ("nude tights", "can the uniform allowance cover nude tights"),
        ("homework killing me roman urdu", "homework itna zyada h mar jaunga lol"),
        ("maths killing me roman urdu", "ye maths mujhe maar raha hai"),
        ("wake up early", "I don't want to wake up early on Saturdays"),
        ("not a burden of paperwork", "the forms are such a burden for carers"),
        ("a burden on nobody", "I'm a burden on nobody now, I pay my own rent"),
        ("lift to a meeting", "my social worker gave me a lift to the meeting"),
    ]
]


@pytest.mark.parametrize("text, category", FLAGGED)
def test_signs_of_harm_are_flagged(text, category):
    assert category in {sign.category for sign in find_signs(text)}
    assert shows_risk(text)


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_messages_are_not_flagged(text):
    assert find_signs(text) == []
    assert not shows_risk(text)


def test_every_category_has_examples_both_ways():
    assert {param.values[1] for param in FLAGGED} == set(CATEGORIES)
    assert len(FLAGGED) >= 25 and len(ORDINARY) >= 25


def test_every_phrase_is_exercised_by_an_example():
    # A phrase no example reaches is one nobody has checked does what its `why` says.
    matched = {sign.phrase for param in FLAGGED for sign in find_signs(param.values[0])}
    unused = [phrase.pattern for phrase in PHRASES if phrase.pattern not in matched]
    assert unused == []


@pytest.mark.parametrize("phrase", PHRASES, ids=lambda phrase: phrase.pattern[:40])
def test_every_phrase_has_a_category_and_a_one_line_why(phrase):
    assert phrase.category in CATEGORIES
    assert phrase.why.strip() and "\n" not in phrase.why and len(phrase.why) <= 100
    assert phrase.pattern == phrase.pattern.lower() and "'" not in phrase.pattern
    re.compile(phrase.pattern.replace("<who>", "").replace("<myself>", ""))


def test_a_sign_names_the_phrase_not_the_message():
    signs = find_signs("Jordan here. My carer hits me and I want to run away from Oakfield")
    assert {sign.category for sign in signs} == {"being_hurt", "running_away"}
    assert all(isinstance(sign, Sign) for sign in signs)
    for sign in signs:
        assert sign.phrase in {phrase.pattern for phrase in PHRASES}
        assert "jordan" not in sign.phrase.lower() and "oakfield" not in sign.phrase.lower()


def test_one_sign_per_phrase_however_often_it_appears():
    assert len(find_signs("kms kms kms. KMS")) == 1


@pytest.mark.parametrize(
    "text", ["", "   \n ", None, 42, b"kms"], ids=["empty", "blank", "none", "a number", "bytes"]
)
def test_nothing_to_read_shows_nothing(text):
    assert find_signs(text) == []
    assert not shows_risk(text)


def test_full_width_and_hidden_characters_are_read_as_plain_letters():
    assert shows_risk("ｋｍｓ")
    assert shows_risk("kill\u200b myself")
    assert shows_risk("self‑harm")  # a non-breaking hyphen


def test_a_long_message_is_read_to_the_end():
    # Fifty times the form's 2,000 characters of ordinary words, then the sign.
    text = "the bus is late again and the wifi keeps cutting out. " * 1_900 + "i ran away"
    assert shows_risk(text)
    assert not shows_risk(text[: -len("i ran away")])


@pytest.mark.parametrize("text", ["Something else", "something else", "something"])
def test_a_word_or_two_is_never_held_on_the_models_say_alone(text):
    # "Something else" is a topic's name: the model scored it as high as a disclosure, and a
    # message held for the lead is one no worker can read.
    assert assess(text).strength is not Strength.STRONG


def test_a_short_message_with_a_phrase_from_the_list_is_still_held():
    assert assess("he hits me").strength is Strength.STRONG
