"""An officer answers in fewer steps (issue 19): words a young person may not know flagged
with a plainer way (one list, also sent to the page for live checks), released answers on the
same theme beside the form (shared versions only), answer templates a worker keeps per team,
and a paged list, open cases first, with the first line of each."""

import json
import re
from html import unescape

import pytest

from tests.conftest import page
from tests.submissions_helpers import WORRYING, make_submission, theme_id
from voice.areas.services import ensure_area
from voice.extensions import db
from voice.moderation import services as moderation
from voice.responses import answer_templates, plain_words
from voice.responses import services as answering
from voice.responses.models import AnswerTemplate

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

EXPLANATION = "We will keep the wifi on until eleven at night from next week, every night."


def routed(officer, worker, words="The wifi goes off at 9pm.", message=None):
    submission = make_submission(message or words)
    area = officer_area(officer)
    moderation.moderate(submission, worker, words, [theme_id()], [])
    moderation.route(submission, worker, area, officer)
    db.session.commit()
    return submission


def officer_area(officer):
    return ensure_area("Leaving care service", lead=officer, officers=[officer])


def released(officer, worker, words, explanation=EXPLANATION, team="Placements team"):
    submission = routed(officer, worker, words)
    answering.save(
        submission, officer, decision="do", explanation=explanation, team_name=team, submit=True
    )
    answering.release(submission, worker)
    db.session.commit()
    return submission


def test_acronyms_match_only_in_capitals_and_phrases_in_any_case():
    found = dict(plain_words.found_in("Your PA and the Pathway Plan, prior to the PEP. a pa."))
    assert set(found) == {"PA", "pathway plan", "prior to", "PEP"}
    assert plain_words.found_in("Papa paid for a pep talk") == []
    assert plain_words.found_in("") == []


def test_the_page_gets_the_servers_one_list_and_the_saved_draft_is_flagged(
    client, sign_in, officer, make_user
):
    submission = routed(officer, make_user("worker"))
    sign_in(officer)
    html = page(client.get(f"/responses/{submission.id}/respond"))
    sent = json.loads(unescape(re.search(r'data-plain-words="([^"]+)"', html).group(1)))
    assert sent == plain_words.for_the_page()
    assert {term for term, *_ in sent} == set(plain_words.PLAIN_WORDS)
    data = {
        "decision": "do",
        "explanation": "Your PA will talk to your placement about the wifi prior to Friday.",
        "team_name": "Placements team",
        "save": "y",
    }
    html = page(
        client.post(f"/responses/{submission.id}/respond", data=data, follow_redirects=True)
    )
    flags = re.search(r'<div id="plain-words">(.*?)</div>', html, re.S).group(1)
    assert "<strong>PA</strong>" in flags and "personal adviser" in flags
    assert "<strong>prior to</strong>" in flags and "before" in flags


def test_beside_the_form_released_answers_on_the_theme_in_shared_words_only(
    client, sign_in, officer, make_user
):
    worker = make_user("worker")
    released(
        officer,
        worker,
        "My carer [name] turns the wifi off.",
        explanation="We have asked every carer to keep the wifi on until ten.",
    )
    held = make_submission(WORRYING)
    assert held.safeguarding
    submission = routed(officer, worker)
    sign_in(officer)
    html = page(client.get(f"/responses/{submission.id}/respond"))
    aside = html[html.index('id="alongside-title"') :]
    assert "My carer [name] turns the wifi off." in aside
    assert "We have asked every carer to keep the wifi on until ten." in aside
    assert "hits me" not in html


def test_a_message_once_held_is_never_beside_another_answer(officer, make_user):
    worker = make_user("worker")
    answered = released(officer, worker, "Shared words here")
    answered.safeguarding = True
    db.session.commit()
    assert answering.answered_alongside(routed(officer, worker)) == []


def test_a_worker_keeps_answer_templates_and_the_team_name_is_written_once(client, signed_in):
    signed_in("worker")
    client.post(
        "/moderation/answer-templates",
        data={"team": "Placements team", "title": "Wi-Fi", "text": "We hear you about wifi."},
    )
    client.post(
        "/moderation/answer-templates",
        data={"team": " placements  TEAM ", "title": "Pocket money", "text": "About money."},
    )
    templates = db.session.query(AnswerTemplate).all()
    assert {t.team for t in templates} == {"Placements team"}
    html = page(client.get("/moderation/answer-templates"))
    assert '<option value="Placements team">' in html  # offered, not typed again
    wifi = next(t for t in templates if t.title == "Wi-Fi")
    client.post(
        f"/moderation/answer-templates/{wifi.id}",
        data={"team": "Placements team", "title": "Wi-Fi at night", "text": "Changed."},
    )
    assert wifi.title == "Wi-Fi at night" and wifi.text == "Changed."
    wifi_id = wifi.id
    client.post(f"/moderation/answer-templates/{wifi_id}/delete")
    assert db.session.query(AnswerTemplate).filter_by(id=wifi_id).count() == 0


def test_a_template_missing_its_words_is_refused_and_nothing_typed_is_lost(client, signed_in):
    signed_in("worker")
    html = page(
        client.post(
            "/moderation/answer-templates",
            data={"team": "Placements team", "title": "Kept title", "text": ""},
        )
    )
    assert "Write the words officers start from." in html and "Kept title" in html
    assert db.session.query(AnswerTemplate).count() == 0


def test_the_officer_sees_templates_and_their_team_name_is_filled_in(
    client, sign_in, officer, make_user
):
    worker = make_user("worker")
    answer_templates.save(None, worker, team="Placements team", title="Wi-Fi", text="Wifi words.")
    released(officer, worker, "An earlier one", team="Leaving care team")
    submission = routed(officer, worker)
    sign_in(officer)
    html = page(client.get(f"/responses/{submission.id}/respond"))
    assert "Wifi words." in html and 'data-team="Placements team"' in html
    assert re.search(r'id="team_name"[^>]*value="Leaving care team"', html)


def test_the_officers_list_is_paged_open_first_with_the_first_line(
    client, sign_in, officer, make_user, monkeypatch
):
    monkeypatch.setattr(answering, "OFFICER_PAGE", 2)
    worker = make_user("worker")
    done = released(officer, worker, "Answered one")
    first = routed(officer, worker, "First open one\nits second line")
    second = routed(officer, worker, "Second open one")
    sign_in(officer)
    html = page(client.get("/responses/"))
    assert "First open one" in html and "its second line" not in html
    assert "Second open one" in html and done.reference not in html
    assert f'href="/responses/{first.id}/respond"' in html  # straight to the answer form
    assert "Page 1 of 2" in html
    later = page(client.get("/responses/?page=2"))
    assert done.reference in later and f'href="/responses/{done.id}"' in later
    assert second.reference not in later
