"""Labelled pairs for "similar messages" (voice/moderation/similar.py), written by hand: pairs
that say the same thing in other words (True), and pairs that share words but not meaning
(False). TRAINING chose the threshold; HELD_OUT was written apart and is only measured."""

TRAINING = [
    (
        "The wifi at my placement goes off at 9pm so I can't finish homework.",
        "Internet gets switched off at night where I live and I have coursework due.",
        True,
    ),
    (
        "My social worker never calls me back when I leave messages.",
        "I ring my sw loads and she doesn't ring back.",
        True,
    ),
    (
        "Pocket money is too low, it doesn't cover my bus fare to college.",
        "My allowance isn't enough to pay for the bus to get to college.",
        True,
    ),
    (
        "I want to see my brother more, we only get contact once a month.",
        "Can I have more contact with my sister? Once a month is not enough.",
        True,
    ),
    (
        "Care leavers should get help with council tax like other councils do.",
        "Please stop charging care leavers council tax, it is unfair.",
        True,
    ),
    (
        "There is nothing to do at weekends at my children's home.",
        "Weekends are so boring in the home, there are no activities.",
        True,
    ),
    (
        "I had to move school three times this year because of placement moves.",
        "Every time my placement changes I have to change school too.",
        True,
    ),
    (
        "We need a proper youth club for kids in care in the town.",
        "Could there be a youth club just for young people in care?",
        True,
    ),
    (
        "My PA is great but I only see her every three months.",
        "I don't see my personal adviser enough, only every few months.",
        True,
    ),
    (
        "Foster carers should be allowed to sign school trip forms.",
        "My carer can't sign the consent form for trips, I have to wait for my social worker.",
        True,
    ),
    (
        "My flat has damp and the landlord won't fix it.",
        "There is mould all over my flat and nobody repairs it.",
        True,
    ),
    (
        "Meetings about me are always in school time and I miss lessons.",
        "My reviews are held during lessons so I miss class.",
        True,
    ),
    (
        "I want a phone contract but need a guarantor.",
        "Can the council be a guarantor so I can get a mobile contract?",
        True,
    ),
    (
        "Bus passes for care leavers up to 25 would really help.",
        "Free travel for care leavers please, the fares are too much.",
        True,
    ),
    (
        "The wifi at my placement goes off at 9pm.",
        "My placement is a long way from my school.",
        False,
    ),
    (
        "My social worker never calls me back.",
        "My social worker is really nice and helped me a lot.",
        False,
    ),
    (
        "Pocket money is too low.",
        "I would like to learn about money and saving for when I leave care.",
        False,
    ),
    ("I want to see my brother more.", "My brother got into college, I am proud of him.", False),
    ("There is nothing to do at weekends.", "I work at weekends now and I love my job.", False),
    ("We need a youth club in town.", "The town centre bus stop has no shelter.", False),
    ("My flat has damp.", "I got my first flat last month and I love decorating it.", False),
    ("Meetings about me are in school time.", "My school gave me an award for attendance.", False),
    (
        "I want a phone contract but need a guarantor.",
        "My phone screen is cracked, can I get help to fix it?",
        False,
    ),
    (
        "Care leavers should not pay council tax.",
        "The council should listen to care leavers more at meetings.",
        False,
    ),
    (
        "My foster carer is really kind and cooks great food.",
        "The food at the children's home is always cold.",
        False,
    ),
    (
        "I had to move school three times.",
        "School has been better this year, my grades went up.",
        False,
    ),
    ("My PA helped me with my CV.", "My PA never answers my texts.", False),
    (
        "I want to learn to drive, can the council help pay for lessons?",
        "Driving lessons cost too much, please help care leavers pay for them.",
        True,
    ),
]

HELD_OUT = [
    (
        "Our internet cuts out every night at ten and I need it for revision.",
        "No wifi after bedtime in my foster home, I can't revise for my exams.",
        True,
    ),
    (
        "I've been waiting weeks for my social worker to answer my texts.",
        "My social worker ignores my messages for ages.",
        True,
    ),
    (
        "My allowance runs out before the end of the week.",
        "The money I get is not enough to last the week.",
        True,
    ),
    (
        "Please let me see my mum more often, contact got cut.",
        "I only see my mum once a fortnight now and I miss her.",
        True,
    ),
    (
        "Free gym membership for care leavers would help mental health.",
        "Could care leavers get free gym passes? It helps me cope.",
        True,
    ),
    (
        "It's really boring at the residential home on Sundays.",
        "Sundays at my children's home there is nothing to do at all.",
        True,
    ),
    (
        "Changing school again because I moved placement is so hard.",
        "I've moved placement so many times I keep changing school.",
        True,
    ),
    (
        "Can there be a group where care leavers meet up?",
        "I'd like a social group for care leavers to meet each other.",
        True,
    ),
    (
        "My personal adviser keeps changing, I've had four this year.",
        "I keep getting a new PA, it's the fourth one this year.",
        True,
    ),
    (
        "The mould in my flat is making me ill and the housing officer does nothing.",
        "Damp in my flat and nobody from housing comes to fix it.",
        True,
    ),
    (
        "I hate that my review meeting is always during maths.",
        "Why are my care reviews in the middle of lessons?",
        True,
    ),
    (
        "I need someone to be guarantor for my rent.",
        "Nobody will be a guarantor for my flat, can the council do it?",
        True,
    ),
    (
        "Train fares to see my family are too expensive.",
        "I can't afford the train to visit my family.",
        True,
    ),
    (
        "Please help with the cost of driving lessons.",
        "Can care leavers get money towards learning to drive?",
        True,
    ),
    (
        "Our internet cuts out every night at ten.",
        "Our house is near the park which is nice.",
        False,
    ),
    (
        "My social worker ignores my messages.",
        "My social worker came to my football match, it was nice.",
        False,
    ),
    (
        "My allowance runs out too fast.",
        "I opened a bank account and saved some of my money.",
        False,
    ),
    ("Please let me see my mum more.", "My mum sent me a birthday card.", False),
    (
        "Sundays at my children's home are boring.",
        "I go to church on Sundays with my foster family.",
        False,
    ),
    (
        "Can there be a group where care leavers meet up?",
        "The care leavers forum meeting was moved to Tuesday.",
        False,
    ),
    (
        "The mould in my flat is making me ill.",
        "I moved into a new flat and it is lovely and warm.",
        False,
    ),
    ("My review meeting is always during maths.", "I got a good mark in my maths test.", False),
    ("I need someone to be guarantor for my rent.", "My rent went up this month.", False),
    (
        "Train fares to see my family are too expensive.",
        "I went on a train trip with my family and it was fun.",
        False,
    ),
    (
        "My personal adviser keeps changing.",
        "My personal adviser helped me apply to college.",
        False,
    ),
    ("My school won't let me go on the trip.", "The school trip was amazing.", False),
    (
        "Free gym membership for care leavers please.",
        "I play football in the gym on Fridays.",
        False,
    ),
    ("My phone got taken away at the placement.", "I need a new phone charger.", False),
]
