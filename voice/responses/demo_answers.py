"""What the demo officer answers to each demo message, written for the demo in plain words a
12-year-old can read. None is from a real case. Each answer: the decision, the explanation,
and its actions as (what, team, working days after the answer)."""

from voice.responses.models import Decision

DO, PART, CANNOT, ANSWER = Decision.DO, Decision.PART, Decision.CANNOT, Decision.ANSWER
PLACEMENTS, SCHOOL, HEALTH = "Placements team", "Virtual School", "Health team for children in care"
SOCIAL, LEAVING, PARTICIPATION = "Children's social care", "Leaving care team", "Participation team"

ANSWERS = {
    "The wifi at my placement": (
        DO,
        "You told us the wifi goes off at 9pm and you can't finish your homework. That isn't fair. We have asked every placement to keep the wifi on until 10pm on school nights, and later if you need it for homework.",
        [
            ("Write to every placement about wifi times", PLACEMENTS, 10),
            ("Check with young people that it has changed", PARTICIPATION, 40),
        ],
    ),
    "Why do I have to ask permission": (
        ANSWER,
        "You asked why you need permission to stay at a friend's house. You don't always. Your carer can say yes for one night without asking your social worker. For longer stays, your social worker checks it is safe. We have told carers this again.",
        [("Remind carers they can agree sleepovers", PLACEMENTS, 15)],
    ),
    "I have moved 4 times": (
        PART,
        "You told us that moving so often means starting again every time. We agree this is hard. We can't promise you will never move, because sometimes a move is needed to keep you safe. But we will make sure you get a say, and that your school stays the same where we can.",
        [
            ("Ask young people before any planned move", SOCIAL, 20),
            ("Keep the same school after a move where possible", SCHOOL, 30),
        ],
    ),
    "New foster carers should get a welcome pack": (
        DO,
        "Great idea. We will make a welcome pack for new foster carers with tips from young people. We would like the Children in Care Council to help write it.",
        [
            ("Write the welcome pack with the Children in Care Council", PARTICIPATION, 30),
            ("Give the pack to every new foster carer", PLACEMENTS, 60),
        ],
    ),
    "My teachers keep asking about my care": (
        DO,
        "You told us teachers ask about your care in front of the class. That should not happen. We have reminded every designated teacher to talk to you in private, and only if you want to.",
        [("Remind designated teachers about privacy", SCHOOL, 10)],
    ),
    "Can I get a tutor for maths": (
        ANSWER,
        "Yes. Young people in care can get extra tuition before exams, paid for by the Virtual School. Ask your designated teacher to put it in your PEP, or ask your social worker to do it for you.",
        [("Add maths tuition to PEPs when asked", SCHOOL, 10)],
    ),
    "A homework club just for young people in care": (
        PART,
        "We like this idea. We can't run a separate club in every school, but we will start one homework club in the town centre library, after school on Wednesdays, with snacks.",
        [("Start a Wednesday homework club at the library", SCHOOL, 40)],
    ),
    "My PEP meeting was moved 3 times": (
        DO,
        "You told us your PEP meeting moved three times and nobody said why. We are sorry. From now on, if a PEP meeting moves, the Virtual School will tell you why and give you the new date straight away.",
        [("Tell young people when a PEP meeting moves, and why", SCHOOL, 15)],
    ),
    "How long is the waiting list for CAMHS": (
        ANSWER,
        "Right now the wait for a first CAMHS appointment is about 18 weeks. That is too long. Young people in care should be seen sooner, so we have asked CAMHS to check your referral. While you wait, our health team can talk to you.",
        [("Check waiting referrals for young people in care", HEALTH, 10)],
    ),
    "I want to choose if my carer comes to the doctor": (
        DO,
        "You are right: it is your choice. From 12, you can choose who comes into the room with you. We have told carers and doctors' surgeries this.",
        [("Tell carers young people choose who comes in", HEALTH, 15)],
    ),
    "A leaflet about health checks": (
        DO,
        "Yes. We will make a leaflet about health checks, written with young people, so it says what actually happens and what you can ask.",
        [
            ("Write the leaflet with young people", HEALTH, 30),
            ("Send the leaflet to every young person in care", HEALTH, 60),
        ],
    ),
    "I only see my little brother once a month": (
        PART,
        "Seeing your brother once a month is not enough for you, and we hear that. The court decides some contact, so we can't change all of it. We can add video calls in between and look at more visits at your next review.",
        [
            ("Set up video calls with your brother", SOCIAL, 10),
            ("Talk about contact at your next review", SOCIAL, 40),
        ],
    ),
    "Why can't contact with my nan happen at her house": (
        ANSWER,
        "Contact happens at a centre when a social worker needs to be there. If your nan's house is safe and the plan allows it, contact can move there. Your social worker will look at this with you and tell you what they decide.",
        [("Look at moving contact to your nan's house", SOCIAL, 20)],
    ),
    "Video calls with brothers and sisters": (
        DO,
        "Good idea. Video calls between visits will be offered to every young person who is apart from brothers or sisters, if it is safe. Carers will help set them up.",
        [("Offer video calls between visits", SOCIAL, 20)],
    ),
    "Contact got cancelled again because there was no driver": (
        DO,
        "We are sorry contact was cancelled. It should never be cancelled because of a driver. We have added two more drivers, and if a driver can't come, we will pay for a taxi.",
        [
            ("Add two more contact drivers", SOCIAL, 20),
            ("Pay for a taxi when no driver is free", SOCIAL, 5),
        ],
    ),
    "I've had 5 social workers this year": (
        PART,
        "Five social workers in a year is too many, and we understand why you stopped telling them things. We can't stop every change, because some people leave. But we will keep changes to a minimum, and your new worker will read your whole story first.",
        [("Keep the same social worker for at least a year where possible", SOCIAL, 60)],
    ),
    "Can my new social worker meet me with my old one": (
        DO,
        "Yes. From now on, when your social worker changes, the old and new ones will meet you together first, if you want that.",
        [("Hand over with a joint visit every time", SOCIAL, 15)],
    ),
    "My social worker never calls back": (
        DO,
        "You should get a call back within two working days. We have told every team this. If nobody calls back, you can call the duty number and ask for a manager.",
        [("Set a two-day call-back rule", SOCIAL, 10)],
    ),
    "How much pocket money should I get at 15": (
        ANSWER,
        "At 15 you should get at least £12 a week, whoever you live with. If you get less, tell your social worker and they will sort it out. We have sent the amounts to every carer.",
        [("Send pocket money amounts to all carers", PLACEMENTS, 10)],
    ),
    "What happens to my savings when I turn 18": (
        ANSWER,
        "Your savings are yours. When you turn 18 the money moves into an account in your name, and your personal adviser can help you plan how to use it.",
        [],
    ),
    "Teach us about bank accounts and budgets": (
        DO,
        "Yes. We will run money workshops for young people from 16: bank accounts, budgets, bills and staying out of debt.",
        [("Run money workshops every term", LEAVING, 40)],
    ),
    "The flat I was offered was damp": (
        CANNOT,
        "You should not have been offered a damp flat far from college. We can't change that offer now, because the flat has gone to someone else. But we will not offer you a flat again without someone checking it first, and we will look closer to your college.",
        [
            ("Check every flat before it is offered", LEAVING, 10),
            ("Look for a flat near your college", LEAVING, 30),
        ],
    ),
    "Can I stay with my foster carers after I'm 18": (
        ANSWER,
        "Yes, you can, under Staying Put, until you are 21 if you and your carers both want it. Talk to your personal adviser and they will start the plan.",
        [("Start a Staying Put plan with you", LEAVING, 20)],
    ),
    "A starter pack for your first flat": (
        DO,
        "Good idea. Every care leaver moving into their first flat will get a starter pack with pans, bedding, a kettle and some food.",
        [("Give a starter pack with every first flat", LEAVING, 30)],
    ),
    "My PA is great but I only see her every 8 weeks": (
        PART,
        "We are glad your PA is great. Every 8 weeks is the least we should do. We can't promise weekly visits, but you can ask for more, and calls or texts in between are fine.",
        [("Offer calls or texts between visits", LEAVING, 10)],
    ),
    "Does the council do apprenticeships for care leavers": (
        ANSWER,
        "Yes. The council keeps some apprenticeships just for care leavers, and you get help with the application. Ask your personal adviser for this year's list.",
        [("Send you this year's apprenticeship list", LEAVING, 5)],
    ),
    "Work experience at the council for young people in care": (
        DO,
        "Yes. Every team in the council will offer at least one work experience place each year for young people in care.",
        [("Set up work experience places in every team", PARTICIPATION, 60)],
    ),
    "I need help paying for my bus pass": (
        DO,
        "You should not miss your course because of bus fares. We will pay for your bus pass while you are at college.",
        [("Pay for your bus pass", LEAVING, 5)],
    ),
    "Can the council pay for my football club": (
        ANSWER,
        "Yes. Clubs and hobbies can be paid for from your placement's activity money. Ask your carer or social worker and they will pay the club.",
        [("Pay your football club fees", PLACEMENTS, 10)],
    ),
    "Free gym passes for care leavers": (
        PART,
        "We can't give a gym pass to everyone straight away. But care leavers up to 25 can now use council leisure centres for free on weekdays.",
        [("Give care leavers free weekday leisure passes", LEAVING, 30)],
    ),
    "I had to stop dance when I moved placement": (
        DO,
        "We are sorry you had to stop dance. Moving should not mean giving up what you love. We will find a dance class near your new placement and pay for it.",
        [("Find and pay for a dance class near you", PLACEMENTS, 15)],
    ),
    "The bus stop near my placement has no light": (
        DO,
        "Walking home in the dark is not safe. We have asked the highways team to put a light at that bus stop.",
        [("Fix the light at the bus stop", "Highways team", 40)],
    ),
    "Lessons about staying safe online": (
        DO,
        "We will ask young people to help plan online safety sessions that aren't boring, and run them at the Children in Care Council.",
        [("Plan online safety sessions with young people", PARTICIPATION, 40)],
    ),
    "Nobody asked me before they changed my care plan": (
        DO,
        "You should always be asked before your care plan changes. That is the law and our promise. Your social worker will meet you to go through the plan again and change it where you want.",
        [("Go through your care plan with you", SOCIAL, 10)],
    ),
    "Young people should help interview new social workers": (
        DO,
        "Yes. From now on, young people will be on the interview panel for new social workers, with training and a voucher to say thank you.",
        [("Add young people to interview panels", PARTICIPATION, 30)],
    ),
    "How do I join the Children in Care Council": (
        ANSWER,
        "You can join any time. The Children in Care Council meets once a month after school, with food and travel paid. Tell your social worker, or reply here and the participation team will contact you.",
        [("Invite you to the next meeting", PARTICIPATION, 10)],
    ),
    "My whole school found out I'm in care": (
        DO,
        "We are very sorry. That letter should never have been sent to your school like that. We have changed how we send letters so it can't happen again.",
        [("Change how letters go to schools", SCHOOL, 10)],
    ),
    "Who can read my file": (
        ANSWER,
        "Only people who work with you can read your file, and only what they need. Yes, you can read it too. Ask your social worker, or write to us, and we will help you read it.",
        [],
    ),
    "I can't go on the school trip abroad": (
        DO,
        "You should be able to go on the trip like everyone else. We will sort out the forms with your school in time.",
        [("Sort the trip forms with your school", SCHOOL, 10)],
    ),
    "I need permission for a haircut": (
        ANSWER,
        "You don't need a social worker's permission for a haircut. Your carer can say yes. We have told carers this again.",
        [("Remind carers about everyday choices", PLACEMENTS, 10)],
    ),
    "Birthday cards from the council": (
        DO,
        "Lovely idea. Every young person in care and care leaver up to 21 will get a birthday card from the council.",
        [("Send birthday cards", PARTICIPATION, 30)],
    ),
    "Can we get tickets to the football": (
        CANNOT,
        "We asked, and the club can't give free tickets this season, because the deal was for one year only. We will ask again for next season and tell you what they say.",
        [("Ask the club about next season", PARTICIPATION, 60)],
    ),
}
RATING_COMMENTS = {
    "yes": ["Thank you, that helps.", "Thanks for listening.", ""],
    "partly": ["When will it actually happen?", "It still doesn't fix it for me.", ""],
    "not_really": ["That doesn't answer what I asked.", "Nobody has told me anything since.", ""],
}
FOLLOW_UPS = [
    "When will this start? It still hasn't changed at my placement.",
    "Can I be part of making it?",
    "What if my carer says no?",
    "Thank you. Who do I tell if it goes wrong again?",
]
SECOND_ANSWERS = [
    "Thank you for asking. It starts next month. If it hasn't changed by then, tell us here "
    "and a manager will call your placement.",
    "Yes, please. The participation team will invite you to help with it.",
    "If your carer says no, ask your social worker. They will talk to your carer with you.",
    "Tell your social worker or the participation team. You can also ask here again.",
]
