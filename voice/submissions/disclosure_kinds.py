"""The kinds of harm the disclosure check tells apart, in the words the safeguarding lead
reads on a held message ("held because: harm by a parent, carer, partner or staff").

The corpus (tests/disclosure_corpus) is labelled with these names and the model learns them;
the phrase list's older, broader categories each point to the kinds they can mean.
"""

KINDS = {
    "self_harm": "self-harm",
    "suicide": "thoughts of suicide",
    "physical_harm": "harm by a parent, carer, partner or staff",
    "sexual_abuse": "sexual abuse",
    "online_grooming": "online grooming or sextortion",
    "criminal_exploitation": "criminal exploitation",
    "neglect": "neglect",
    "control_emotional": "control or emotional abuse",
    "domestic_abuse": "domestic abuse at home",
    "running_away": "running away or going missing",
    "substances_coping": "drinking or drugs to cope",
    "unsafe_home": "feeling unsafe or scared at home",
}

# A phrase category can mean several kinds ("carry a knife" is fear or exploitation); the
# model's view of the message picks among them, the first is used when it has none.
CATEGORY_KINDS = {
    "suicide": ("suicide",),
    "self_harm": ("self_harm", "suicide"),
    "abuse": ("sexual_abuse",),
    "being_hurt": ("physical_harm", "domestic_abuse"),
    "unsafe": ("unsafe_home", "neglect", "control_emotional", "criminal_exploitation"),
    "running_away": ("running_away",),
    "exploitation": (
        "criminal_exploitation",
        "online_grooming",
        "sexual_abuse",
        "substances_coping",
    ),
}


def label(kind):
    """The kind in plain words for staff; an unknown name (from older records) as it is."""
    return KINDS.get(kind, kind.replace("_", " ") if kind else "")
